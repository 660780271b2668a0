/**
 * Turns a Markdown document into an article draft. Only `marked`'s lexer is used: the token tree
 * is walked straight into plain-text blocks and nothing is ever rendered to HTML. Raw HTML inside
 * the Markdown goes through the same sanitizing block walker as HTML files.
 *
 * YAML front matter is read for the header with a deliberately small parser (scalars, quoted
 * strings, lists, folded text); anything it does not understand is ignored rather than guessed.
 */
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import {
  blocksFromHtmlFragment,
  canonicalLanguage,
  collapseWhitespace,
  toHtmlDatetime,
} from './html';
import type { ArticleDraft, Block, BlockKind, PublicationStamp, StampKind } from './types';

export interface MarkdownArticleOptions {
  /** A title chosen by the user or the caller; wins over the document's own. */
  title?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Front matter

type FrontMatterValue = string | string[];

/** `---` on the first line, then YAML, then `---` (or YAML's `...`) on a line of its own. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;
const LIST_LINE = /^[ \t]*-[ \t]+(.*)$/;
const NESTED_NAME = /^[ \t]+name[ \t]*:[ \t]+(.*)$/;

const DOUBLE_QUOTED = /^"((?:[^"\\]|\\.)*)"(?:[ \t]+#.*)?$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'(?:[ \t]+#.*)?$/;
const YAML_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t' };

const unquote = (raw: string): string => {
  const value = raw.trim();
  const double = DOUBLE_QUOTED.exec(value);
  if (double)
    return (double[1] ?? '').replace(/\\(.)/g, (_, char: string) => YAML_ESCAPES[char] ?? char);
  const single = SINGLE_QUOTED.exec(value);
  if (single) return (single[1] ?? '').replace(/''/g, "'");
  // In YAML a comment needs whitespace before its `#`, so `C#` survives.
  return value.replace(/[ \t]+#.*$/, '');
};

const inlineList = (raw: string): string[] | null => {
  const value = raw.trim();
  if (!value.startsWith('[') || !value.endsWith(']')) return null;
  return value
    .slice(1, -1)
    .split(',')
    .map(unquote)
    .filter((item) => item !== '');
};

/**
 * Reads top-level `key: value` pairs. A block that is not line-for-line YAML-shaped (a document
 * that merely starts with a `---` rule) yields null, and the text stays part of the body.
 */
const parseFrontMatter = (yaml: string): Map<string, FrontMatterValue> | null => {
  const entries = new Map<string, FrontMatterValue>();
  const lines = yaml.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = KEY_LINE.exec(line);
    if (!match) return null;
    const key = (match[1] ?? '').toLowerCase();
    const rest = (match[2] ?? '').trim();

    // Indented lines below the key belong to it: list items, a folded or literal block, or a map
    // (of which only `name` is of use, for authors).
    const nested: string[] = [];
    while (index + 1 < lines.length && /^([ \t]+\S|[ \t]*-[ \t])/.test(lines[index + 1] ?? '')) {
      index += 1;
      nested.push(lines[index] ?? '');
    }

    if (rest === '' || rest.startsWith('#')) {
      const items = nested
        .map((item) => LIST_LINE.exec(item)?.[1])
        .filter((item) => item !== undefined);
      const names = nested
        .map((item) => NESTED_NAME.exec(item)?.[1])
        .filter((item) => item !== undefined);
      if (items.length > 0) {
        entries.set(
          key,
          items.map((item) => unquote(NESTED_NAME.exec(` ${item}`)?.[1] ?? item)),
        );
      } else if (names.length > 0) {
        entries.set(key, unquote(names[0] ?? ''));
      }
    } else if (/^[|>][+-]?$/.test(rest)) {
      const separator = rest.startsWith('|') ? '\n' : ' ';
      entries.set(key, nested.map((item) => item.trim()).join(separator));
    } else {
      entries.set(
        key,
        inlineList(rest) ?? unquote([rest, ...nested.map((item) => item.trim())].join(' ')),
      );
    }
  }
  return entries;
};

const splitFrontMatter = (
  markdown: string,
): { body: string; fields: Map<string, FrontMatterValue> } => {
  const match = FRONT_MATTER.exec(markdown);
  const fields = match ? parseFrontMatter(match[1] ?? '') : null;
  if (!match || fields === null) return { body: markdown, fields: new Map() };
  return { body: markdown.slice(match[0].length), fields };
};

const firstField = (
  fields: Map<string, FrontMatterValue>,
  keys: readonly string[],
): FrontMatterValue | null => {
  for (const key of keys) {
    const value = fields.get(key);
    if (value !== undefined && value.length > 0) return value;
  }
  return null;
};

const fieldText = (
  fields: Map<string, FrontMatterValue>,
  keys: readonly string[],
): string | null => {
  const value = firstField(fields, keys);
  if (value === null) return null;
  const text = collapseWhitespace(Array.isArray(value) ? value.join(', ') : value);
  return text === '' ? null : text;
};

const fieldStamp = (
  fields: Map<string, FrontMatterValue>,
  keys: readonly string[],
  kind: StampKind,
): PublicationStamp | null => {
  const raw = fieldText(fields, keys);
  if (raw === null) return null;
  const datetime = toHtmlDatetime(raw);
  return datetime === null ? null : { kind, raw, datetime };
};

// ---------------------------------------------------------------------------------------------
// Inline text

const namedEntities = new Map<string, string>();

/** Named entities are resolved by the platform's HTML parser; the input holds no markup. */
const decodeNamedEntity = (entity: string): string => {
  let decoded = namedEntities.get(entity);
  if (decoded === undefined) {
    decoded = new DOMParser().parseFromString(entity, 'text/html').body.textContent;
    namedEntities.set(entity, decoded);
  }
  return decoded;
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** CommonMark decodes entity references in text (not in code), and the lexer leaves them as is. */
const decodeEntities = (text: string): string =>
  text.replace(ENTITY, (entity, decimal: string | undefined, hex: string | undefined) => {
    if (decimal === undefined && hex === undefined) return decodeNamedEntity(entity);
    const code = decimal === undefined ? parseInt(hex ?? '', 16) : parseInt(decimal, 10);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\uFFFD';
  });

/** Raw-text HTML elements whose content is code or markup, never prose. */
const RAW_TEXT_TAG =
  /^<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template)\b/i;

interface InlineState {
  /** Set while inside an inline raw-text element, whose content is dropped. */
  skipUntil: RegExp | null;
}

const inlineText = (tokens: readonly Token[], state: InlineState): string => {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'html') {
      const html = token as Tokens.HTML | Tokens.Tag;
      if (state.skipUntil?.test(html.text)) {
        state.skipUntil = null;
      } else if (state.skipUntil === null) {
        const opened = RAW_TEXT_TAG.exec(html.text)?.[1];
        if (opened !== undefined) state.skipUntil = new RegExp(`^</${opened}\\s*>`, 'i');
      }
      continue;
    }
    if (state.skipUntil !== null) continue;
    text += tokenText(token, state);
  }
  return text;
};

const tokenText = (token: Token, state: InlineState): string => {
  switch (token.type) {
    case 'text': {
      const textToken = token as Tokens.Text;
      return textToken.tokens === undefined
        ? decodeEntities(textToken.text)
        : inlineText(textToken.tokens, state);
    }
    case 'escape':
    case 'codespan':
      return (token as Tokens.Escape | Tokens.Codespan).text;
    case 'br':
      return ' ';
    // The reader shows no images, and alt text is often a file name; an image adds nothing.
    case 'image':
    case 'checkbox':
      return '';
    default:
      return 'tokens' in token && Array.isArray(token.tokens)
        ? inlineText(token.tokens, state)
        : '';
  }
};

const plainText = (tokens: readonly Token[] | undefined, fallback: string): string =>
  collapseWhitespace(
    tokens === undefined ? decodeEntities(fallback) : inlineText(tokens, { skipUntil: null }),
  );

// ---------------------------------------------------------------------------------------------
// Blocks

const push = (out: Block[], block: Block): void => {
  if (block.text !== '') out.push(block);
};

const codeText = (text: string): string =>
  text
    .replace(/\u00a0/g, ' ')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');

const collectBlocks = (tokens: readonly Token[], kind: BlockKind, out: Block[]): void => {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        push(out, {
          kind: 'heading',
          text: plainText(heading.tokens, heading.text),
          level: heading.depth,
        });
        break;
      }
      case 'paragraph':
      case 'text': {
        // `text` blocks are the content of tight list items.
        const paragraph = token as Tokens.Paragraph | Tokens.Text;
        push(out, { kind, text: plainText(paragraph.tokens, paragraph.text) });
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items)
          collectBlocks(item.tokens, 'list-item', out);
        break;
      case 'blockquote':
        collectBlocks((token as Tokens.Blockquote).tokens, 'quote', out);
        break;
      case 'code':
        push(out, { kind: 'preformatted', text: codeText((token as Tokens.Code).text) });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) {
          push(out, { kind, text: plainText(cell.tokens, cell.text) });
        }
        break;
      }
      case 'html':
        out.push(...blocksFromHtmlFragment((token as Tokens.HTML).text));
        break;
      default:
        // Rules, blank space, link definitions: nothing to read.
        break;
    }
  }
};

const firstContentToken = (tokens: readonly Token[]): Token | undefined =>
  tokens.find((token) => token.type !== 'space');

export const extractMarkdownArticle = (
  markdown: string,
  options: MarkdownArticleOptions = {},
): ArticleDraft => {
  // A byte-order mark left on pasted or decoded text would otherwise start the first block.
  const { body, fields } = splitFrontMatter(markdown.replace(/^\uFEFF/, ''));
  const tokens = Lexer.lex(body, { gfm: true });

  const given = collapseWhitespace(options.title ?? '');
  const declaredTitle = given === '' ? fieldText(fields, ['title']) : given;

  // A leading `# Title` is the document's title: it leaves the body when it supplies the title or
  // repeats the one given, and stays a heading when a different title was chosen.
  let bodyTokens: readonly Token[] = tokens;
  let title = declaredTitle;
  const first = firstContentToken(tokens);
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    const heading = first as Tokens.Heading;
    const headingText = plainText(heading.tokens, heading.text);
    if (declaredTitle === null || declaredTitle === headingText) {
      title = headingText === '' ? declaredTitle : headingText;
      bodyTokens = tokens.filter((token) => token !== first);
    }
  }

  const blocks: Block[] = [];
  collectBlocks(bodyTokens, 'paragraph', blocks);

  const deck = fieldText(fields, ['description', 'subtitle', 'summary', 'excerpt']);
  const lead = blocks.find((block) => block.kind === 'paragraph');

  return {
    format: 'markdown',
    title,
    deck: deck !== null && deck !== lead?.text && deck !== title ? deck : null,
    byline: fieldText(fields, ['author', 'authors', 'byline']),
    published: fieldStamp(
      fields,
      ['date', 'published', 'pubdate', 'publishdate', 'published_at', 'created'],
      'published',
    ),
    modified: fieldStamp(
      fields,
      ['updated', 'modified', 'lastmod', 'last_modified', 'updated_at', 'datemodified'],
      'modified',
    ),
    blocks,
    removed: [],
    sourceUrl: null,
    declaredLanguage: canonicalLanguage(fieldText(fields, ['lang', 'language', 'locale'])),
  };
};
