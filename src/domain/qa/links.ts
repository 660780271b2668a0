import type { QaFinding } from '../review/types';
import type { QaInput } from './checks';
import { finding } from './finding';
import { LIST_SEPARATOR, diffMultisets } from './text';

export interface LinkMatch {
  text: string;
  start: number;
  end: number;
}

// Stops at whitespace and at quotes, brackets and punctuation of scripts that write no space
// before or after a link (`请访问https://example.com。`), so the sentence around it stays out.
const URL_PATTERN =
  /(?:\b(?:https?|ftp):\/\/|(?<![\w@.-])www\.)[^\s<>"'`«»“”‘’„「」『』（）［］【】《》〈〉、。，！？；：]+/giu;

// Sentence punctuation a link is often followed by but rarely ends with.
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', '*', ')', ']', '}', '>']);

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const ch = url.charAt(end - 1);
    if (!URL_TRAILING.has(ch)) break;
    const head = url.slice(0, end);
    // A closing bracket that pairs with one inside the link belongs to it (Wikipedia titles).
    if (ch === ')' && count(head, '(') >= count(head, ')')) break;
    if (ch === ']' && count(head, '[') >= count(head, ']')) break;
    end--;
  }
  return url.slice(0, end);
}

export function findUrls(text: string): LinkMatch[] {
  const out: LinkMatch[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    // A bare scheme or `www.` is the start of a sentence about links, not a link.
    if (/^(?:(?:https?|ftp):\/\/|www\.)$/i.test(url)) continue;
    out.push({ text: url, start: match.index, end: match.index + url.length });
  }
  return out;
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * Addresses are found by expanding around each `@` rather than with one regex over the whole
 * text: a pattern like `[\w.]+@` rescans every long run of word characters and turns quadratic.
 */
export function findEmails(text: string): LinkMatch[] {
  const out: LinkMatch[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text.charAt(end))) end++;
    while (start < at && text.charAt(start) === '.') start++;
    while (end > at + 1 && /[.-]/.test(text.charAt(end - 1))) end--;
    const local = text.slice(start, at);
    const labels = text.slice(at + 1, end).split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (
      local !== '' &&
      labels.length >= 2 &&
      labels.every((label) => DOMAIN_LABEL.test(label)) &&
      /^[A-Za-z]{2,}$/.test(tld)
    ) {
      out.push({ text: text.slice(start, end), start, end });
    }
    at = text.indexOf('@', at + 1);
  }
  return out;
}

function blank(text: string, spans: readonly LinkMatch[]): string {
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.start) + ' ';
    last = span.end;
  }
  return out + text.slice(last);
}

/** E-mail addresses outside links (an address inside a URL belongs to the URL). */
function emailsOutsideUrls(text: string): LinkMatch[] {
  return findEmails(blank(text, findUrls(text)));
}

/**
 * The text with URLs and e-mail addresses replaced by a space, so other checks don't read the
 * digits and words inside them; those have checks of their own.
 */
export function maskLinks(text: string): string {
  const withoutUrls = blank(text, findUrls(text));
  return blank(withoutUrls, findEmails(withoutUrls));
}

function compareLinks(
  check: 'urls' | 'emails',
  source: readonly LinkMatch[],
  target: readonly LinkMatch[],
): QaFinding | null {
  const { missing, extra } = diffMultisets(
    source.map((m) => m.text),
    target.map((m) => m.text),
  );
  if (missing.length === 0 && extra.length === 0) return null;
  return finding(check, {
    missing: missing.join(LIST_SEPARATOR),
    extra: extra.join(LIST_SEPARATOR),
  });
}

export function checkUrls(input: QaInput): QaFinding | null {
  return compareLinks('urls', findUrls(input.source), findUrls(input.target));
}

export function checkEmails(input: QaInput): QaFinding | null {
  return compareLinks('emails', emailsOutsideUrls(input.source), emailsOutsideUrls(input.target));
}
