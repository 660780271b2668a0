/**
 * Glossaries as CSV, the format every spreadsheet and TMS can export, and term look-up in text.
 *
 * Reading (RFC 4180, leniently):
 * - Quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF and lone CR all
 *   end a record; a leading BOM is dropped; line breaks inside values become `\n`.
 * - The delimiter is a tab when the first record has one, else `;` when it has at least as many
 *   semicolons as commas (spreadsheets in comma-decimal locales write `;`), else `,`.
 * - Every value is trimmed: a term's surrounding spaces never mean anything.
 * - Columns without a header are `source, target, note, dnt`. The first non-blank record is a header
 *   when each of its non-empty cells is a known column name (`source`/`term`/`src`…,
 *   `target`/`translation`…, `note`/`comment`/`description`…, `dnt`/`do not translate`…) and one of
 *   them names the source; it then sets the column order.
 * - Do-not-translate rule: a row is a do-not-translate term when its target is empty (`Firefox`,
 *   `Firefox,,`), equals its source (`Firefox,Firefox`), or its dnt column holds `true`, `yes`, `y`,
 *   `1`, `x`, `dnt` or `do not translate`. Its note, if any, is dropped.
 * - Blank rows are skipped. A row with an empty source is reported as `empty`, one with values in
 *   columns past the known ones as `columns`; both with the 1-based line the row starts on.
 * - Exact duplicates (same source and target; same do-not-translate string) keep their first entry.
 *
 * Writing gives a `source,target,note` header, CRLF line ends, do-not-translate terms as
 * `term,term,` (which other tools read as "translate as itself"). A glossary already in the shape
 * the reader returns parses back identically; a term whose target is empty or equals its source
 * comes back as a do-not-translate term.
 */

import type { GlossaryTerm } from './types';
import { isCjkLanguage, segmentText } from './diff';

export interface GlossaryCsvError {
  line: number;
  reason: 'columns' | 'empty';
}

export interface ParsedGlossaryCsv {
  terms: GlossaryTerm[];
  doNotTranslate: string[];
  errors: GlossaryCsvError[];
}

export interface TermMatch {
  term: string;
  start: number;
  end: number;
}

type Role = 'source' | 'target' | 'note' | 'dnt';

const DEFAULT_COLUMNS: readonly (Role | null)[] = ['source', 'target', 'note', 'dnt'];

const HEADER_NAMES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...['source', 'src', 'term', 'terms', 'source term', 'source text', 'original'].map(
    (name): [string, Role] => [name, 'source'],
  ),
  ...['target', 'tgt', 'trg', 'translation', 'target term', 'target text', 'translated'].map(
    (name): [string, Role] => [name, 'target'],
  ),
  ...['note', 'notes', 'comment', 'comments', 'description', 'context', 'definition'].map(
    (name): [string, Role] => [name, 'note'],
  ),
  ...['dnt', 'do not translate', 'donottranslate', 'untranslatable', 'no translate'].map(
    (name): [string, Role] => [name, 'dnt'],
  ),
]);

const TRUE_FLAGS = new Set(['true', 'yes', 'y', '1', 'x', 'dnt', 'do not translate']);

const normalizeName = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ');

export function parseGlossaryCsv(text: string): ParsedGlossaryCsv {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = readRecords(body, detectDelimiter(body)).filter((record) =>
    record.fields.some((field) => field !== ''),
  );

  let columns = DEFAULT_COLUMNS;
  const first = records[0];
  if (first) {
    const header = headerColumns(first.fields);
    if (header) {
      columns = header;
      records.shift();
    }
  }

  const terms: GlossaryTerm[] = [];
  const doNotTranslate: string[] = [];
  const errors: GlossaryCsvError[] = [];
  const seenTerms = new Set<string>();
  const seenDnt = new Set<string>();

  for (const { line, fields } of records) {
    if (fields.slice(columns.length).some((field) => field !== '')) {
      errors.push({ line, reason: 'columns' });
      continue;
    }
    const value = (role: Role) => {
      const index = columns.indexOf(role);
      return index === -1 ? '' : (fields[index] ?? '');
    };
    const source = value('source');
    if (source === '') {
      errors.push({ line, reason: 'empty' });
      continue;
    }
    const target = value('target');
    if (target === '' || target === source || TRUE_FLAGS.has(normalizeName(value('dnt')))) {
      if (!seenDnt.has(source)) {
        seenDnt.add(source);
        doNotTranslate.push(source);
      }
      continue;
    }
    const key = `${source}\u0000${target}`;
    if (seenTerms.has(key)) continue;
    seenTerms.add(key);
    const note = value('note');
    terms.push(note === '' ? { source, target } : { source, target, note });
  }

  return { terms, doNotTranslate, errors };
}

export function glossaryToCsv(
  terms: readonly GlossaryTerm[],
  doNotTranslate: readonly string[],
): string {
  const rows: string[][] = [['source', 'target', 'note']];
  for (const term of terms) rows.push([term.source, term.target, term.note ?? '']);
  for (const term of doNotTranslate) rows.push([term, term, '']);
  return rows.map((row) => row.map(quoteField).join(',') + '\r\n').join('');
}

function quoteField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function headerColumns(cells: readonly string[]): (Role | null)[] | null {
  const roles: (Role | null)[] = [];
  for (const cell of cells) {
    const name = normalizeName(cell);
    const role = HEADER_NAMES.get(name);
    if (name !== '' && !role) return null;
    // An unnamed or repeated column is kept as a placeholder so the others keep their positions.
    roles.push(role && !roles.includes(role) ? role : null);
  }
  return roles.includes('source') ? roles : null;
}

function detectDelimiter(text: string): string {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  if (counts['\t'] > 0) return '\t';
  if (counts[';'] > 0 && counts[';'] >= counts[',']) return ';';
  return ',';
}

interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

function readRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const length = text.length;
  let i = 0;
  let line = 1;
  const atRecordEnd = (index: number) =>
    index >= length || text[index] === '\n' || text[index] === '\r';

  while (i < length) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let start = i;
      while (
        start < length &&
        (text[start] === ' ' || (text[start] === '\t' && delimiter !== '\t'))
      )
        start++;
      let value: string;
      if (text[start] === '"') {
        value = '';
        i = start + 1;
        while (i < length) {
          const char = text.charAt(i);
          if (char === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (char === '\r' || char === '\n') {
            // A line break inside quotes still moves the line count for error reports.
            line++;
            value += '\n';
            i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
            continue;
          }
          value += char;
          i++;
        }
        // Stray text after the closing quote is kept rather than rejected.
        const rest = i;
        while (!atRecordEnd(i) && text[i] !== delimiter) i++;
        value += text.slice(rest, i);
      } else {
        i = start;
        while (!atRecordEnd(i) && text[i] !== delimiter) i++;
        value = text.slice(start, i);
      }
      fields.push(value.trim());
      if (i < length && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
    else if (text[i] === '\n') i++;
    line++;
    records.push({ line: startLine, fields });
  }
  return records;
}

/**
 * Occurrences of glossary terms, for highlighting. Matching ignores case (Unicode simple case
 * folding, which keeps offsets valid). Outside CJK a match must begin and end on word boundaries
 * from `Intl.Segmenter`, so "cat" is not found in "category" and languages without spaces (Thai)
 * still work; for CJK any substring counts, since glossary terms seldom coincide with the
 * segmenter's dictionary words there. Where matches overlap the longest wins (then the earliest);
 * the result is sorted by start.
 */
export function findTerms(text: string, terms: readonly string[], language: string): TermMatch[] {
  const wanted = new Map<string, string>();
  for (const term of terms) {
    const trimmed = term.trim();
    const key = trimmed.toLowerCase();
    if (trimmed !== '' && !wanted.has(key)) wanted.set(key, trimmed);
  }
  if (wanted.size === 0 || text === '') return [];

  let boundaries: Set<number> | null = null;
  if (!isCjkLanguage(language)) {
    boundaries = new Set([text.length]);
    for (const { index } of segmentText(text, language, 'word')) boundaries.add(index);
  }

  const candidates: TermMatch[] = [];
  for (const term of wanted.values()) {
    const pattern = new RegExp(term.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&'), 'giu');
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      if (!boundaries || (boundaries.has(start) && boundaries.has(end))) {
        candidates.push({ term, start, end });
      } else {
        // A miss on a boundary may hide a real match that starts inside this one.
        pattern.lastIndex = start + 1;
      }
    }
  }

  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const taken: TermMatch[] = [];
  for (const candidate of candidates) {
    if (taken.every((other) => candidate.end <= other.start || candidate.start >= other.end)) {
      taken.push(candidate);
    }
  }
  return taken.sort((x, y) => x.start - y.start);
}
