// What a built chunk is made of: its source map says which source each run of generated code
// came from, so the chunk's bytes can be attributed to packages (node_modules/<name>) and to the
// app's own folders (src/<layer>/<folder>). Enough to say which part of a chunk to split off.

import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** One segment of a mappings line: its VLQ fields, absolute where the spec makes them relative. */
function decodeSegment(text, state) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`Bad source-map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  state.column += fields[0] ?? 0;
  if (fields.length >= 4) state.source += fields[1];
  return { column: state.column, source: fields.length >= 4 ? state.source : null };
}

/** The group a source path counts under: a package, an app folder, or the file itself. */
export function groupOf(source) {
  const path = source.replace(/^(\.\.\/)+|^\/+/, '').replace(/\?.*$/, '');
  const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return `node_modules/${pkg[1]}`;
  const app = /(?:^|\/)(src\/[^/]+\/[^/.]+)(?:\/|$)/.exec(path);
  if (app) return app[1];
  const top = /(?:^|\/)((?:src|locales)\/[^/]+)/.exec(path);
  return top ? top[1] : path;
}

/**
 * Bytes of `code` per source group, according to the map beside it. Each group's generated code
 * is also gzipped on its own: a rough share of the compressed chunk (compression across groups
 * makes the parts add up to more than the whole).
 */
export function breakDownChunk(code, mapPath) {
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const pieces = new Map();
  const add = (group, text) => {
    if (!text) return;
    const list = pieces.get(group) ?? [];
    list.push(text);
    pieces.set(group, list);
  };
  const state = { column: 0, source: 0 };
  lines.forEach((line, lineIndex) => {
    state.column = 0;
    const segments = (mappingLines[lineIndex] ?? '')
      .split(',')
      .filter(Boolean)
      .map((segment) => decodeSegment(segment, state));
    if (segments.length === 0) {
      add('(unmapped)', line);
      return;
    }
    add('(unmapped)', line.slice(0, segments[0].column));
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.column ?? line.length;
      const source = segment.source === null ? null : map.sources[segment.source];
      add(source ? groupOf(source) : '(unmapped)', line.slice(segment.column, end));
    });
  });
  return [...pieces.entries()]
    .map(([group, texts]) => {
      const text = texts.join('\n');
      return {
        group,
        bytes: Buffer.byteLength(text),
        gzipAlone: gzipSync(text, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
}
