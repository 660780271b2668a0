import type { QaFinding } from '../review/types';
import type { QaInput } from './checks';
import { finding } from './finding';
import { leadingWhitespace, trailingWhitespace } from './text';

/**
 * Line breaks matter (they survive into the layout) but which space character is used does not:
 * a translator may rightly turn a space into a no-break space.
 */
function shape(whitespace: string): string {
  return whitespace.replace(/\r\n?|[\u0085\u2028\u2029]/gu, '\n').replace(/[^\S\n]/gu, ' ');
}

export type WhitespacePosition = 'leading' | 'trailing' | 'both';

export function checkWhitespace(input: QaInput): QaFinding | null {
  const leading = shape(leadingWhitespace(input.source)) !== shape(leadingWhitespace(input.target));
  const trailing =
    shape(trailingWhitespace(input.source)) !== shape(trailingWhitespace(input.target));
  if (!leading && !trailing) return null;
  const position: WhitespacePosition =
    leading && trailing ? 'both' : leading ? 'leading' : 'trailing';
  return finding('whitespace', { position });
}

/** Runs of two or more space separators (ASCII, no-break, thin, ideographic…). */
const DOUBLE_SPACE = /\p{Zs}{2,}/gu;

/** Double spaces inside the text; those at the ends are the whitespace check's business. */
export function countDoubleSpaces(text: string): number {
  return [...text.trim().matchAll(DOUBLE_SPACE)].length;
}

export function checkDoubleSpaces(input: QaInput): QaFinding | null {
  return countDoubleSpaces(input.target) > countDoubleSpaces(input.source)
    ? finding('double-spaces')
    : null;
}
