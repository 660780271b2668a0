/**
 * Turns a saved or fetched HTML page into an article draft of plain-text blocks.
 *
 * Safety rests on three layers. The markup is parsed only into inert documents (DOMParser: no
 * scripts run, no resources load). DOMPurify cleans that markup before Readability, the metadata
 * readers or the block walker look at it, so script bodies, style sheets and handler attributes
 * cannot leak into any text we read. And the result holds strings only, which the reader renders
 * as text, never as markup; no node from the page ever reaches the live document.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { ArticleDraft, Block, BlockKind, PublicationStamp, StampKind } from './types';

export interface HtmlArticleOptions {
  /** Where the page came from; wins over the page's own canonical URL. */
  url?: string | null;
  /** A title chosen by the user or the caller; wins over the page's own. */
  title?: string | null;
}

type Purifier = ReturnType<typeof DOMPurify>;

let purifier: Purifier | null = null;

/**
 * A private DOMPurify instance: hooks or configuration other code may add to the shared default
 * instance cannot loosen what is removed here.
 */
const getPurifier = (): Purifier => {
  purifier ??= DOMPurify(window);
  return purifier;
};

/** Elements whose text is never article prose: code, styling, widgets, form controls, icons. */
const DROPPED_ELEMENTS = [
  'style',
  'template',
  'svg',
  'math',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'input',
];

const PURIFY_CONFIG = {
  // The head carries the metadata (title, meta tags, canonical link); keep it.
  WHOLE_DOCUMENT: true,
  ADD_TAGS: ['meta', 'link', 'title'],
  ADD_ATTR: ['content', 'property', 'itemprop'],
  // Values like `og:title` look like URLs with an unknown scheme, which DOMPurify would strip.
  // These attributes are only ever read as strings, never followed.
  ADD_URI_SAFE_ATTR: ['content', 'property', 'itemprop'],
  FORBID_TAGS: DROPPED_ELEMENTS,
  // Without this, a removed element's text would be kept in its place.
  ADD_FORBID_CONTENTS: DROPPED_ELEMENTS,
};

/**
 * Sanitizes the page and returns it as a fresh inert document. DOMPurify parses the string with
 * the platform DOMParser; the cleaned `<html>` element is then moved into a document this module
 * owns, so Readability gets a whole Document to work on.
 */
const sanitizeDocument = (html: string): Document => {
  const cleanRoot = getPurifier().sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM: true });
  const doc = new DOMParser().parseFromString('<!DOCTYPE html><html></html>', 'text/html');
  // Typed as Node, and null for input DOMPurify cannot parse at all: then the page is empty.
  if (cleanRoot instanceof Element) {
    doc.replaceChild(doc.importNode(cleanRoot, true), doc.documentElement);
  }
  return doc;
};

// ---------------------------------------------------------------------------------------------
// Text

/** NBSP becomes a space; runs of HTML whitespace (not ideographic space) become one space. */
export const collapseWhitespace = (text: string): string =>
  text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/^ | $/g, '');

const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const BLOCK_SELECTOR = [...BLOCK_ELEMENTS].join(',');

/** Skipped while walking: besides what sanitizing removed, menus and hidden content. */
const isSkipped = (element: Element): boolean =>
  element.localName === 'nav' ||
  element.localName === 'noscript' ||
  element.localName === 'script' ||
  element.hasAttribute('hidden') ||
  element.getAttribute('aria-hidden') === 'true';

const HEADING_LEVELS: Readonly<Record<string, number>> = {
  h1: 1,
  h2: 2,
  h3: 3,
  h4: 4,
  h5: 5,
  h6: 6,
};

const LINE_BREAK = Symbol('line break');
type RunPart = string | typeof LINE_BREAK;

/** Text of a subtree, with `lineBreak` for each `<br>`; skipped subtrees contribute nothing. */
const textOf = (node: Node, lineBreak: string): string => {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (!(node instanceof Element) || isSkipped(node)) return '';
  if (node.localName === 'br') return lineBreak;
  let text = '';
  for (const child of node.childNodes) text += textOf(child, lineBreak);
  return text;
};

/** Inline content with its line breaks, so a `<br><br>` can end a paragraph. */
const inlineParts = (node: Node, parts: RunPart[]): void => {
  if (node.nodeType === Node.TEXT_NODE) {
    parts.push((node as Text).data);
    return;
  }
  if (!(node instanceof Element) || isSkipped(node)) return;
  if (node.localName === 'br') {
    parts.push(LINE_BREAK);
    return;
  }
  for (const child of node.childNodes) inlineParts(child, parts);
};

/**
 * Emits a run of inline content as blocks. One `<br>` is a wrapped line and joins with a space;
 * two or more in a row (whitespace between them aside) separate paragraphs, the way old CMS
 * templates lay out a body inside a single `<div>`.
 */
const flushRun = (parts: readonly RunPart[], kind: BlockKind, out: Block[]): void => {
  let current = '';
  let breaks = 0;
  const emit = (): void => {
    const text = collapseWhitespace(current);
    if (text !== '') out.push({ kind, text });
    current = '';
  };
  for (const part of parts) {
    if (part === LINE_BREAK) {
      breaks += 1;
      continue;
    }
    if (/^[ \t\n\r\f]*$/.test(part)) {
      current += part;
      continue;
    }
    if (breaks >= 2) emit();
    else if (breaks === 1) current += ' ';
    breaks = 0;
    current += part;
  }
  emit();
};

/** Preformatted text keeps its lines and indentation; only blank edges are trimmed. */
const preformattedText = (element: Element): string =>
  textOf(element, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');

/** Walks a container's children; inline runs between child blocks become blocks of `kind`. */
const collectBlocks = (container: Element, kind: BlockKind, out: Block[]): void => {
  const run: RunPart[] = [];
  for (const child of container.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      run.push((child as Text).data);
      continue;
    }
    if (!(child instanceof Element) || isSkipped(child)) continue;
    if (child.localName === 'br') {
      run.push(LINE_BREAK);
    } else if (BLOCK_ELEMENTS.has(child.localName) || child.querySelector(BLOCK_SELECTOR)) {
      flushRun(run.splice(0), kind, out);
      blockFromElement(child, kind, out);
    } else {
      inlineParts(child, run);
    }
  }
  flushRun(run, kind, out);
};

const blockFromElement = (element: Element, kind: BlockKind, out: Block[]): void => {
  const name = element.localName;
  const level = HEADING_LEVELS[name];
  if (level !== undefined) {
    const text = collapseWhitespace(textOf(element, ' '));
    if (text !== '') out.push({ kind: 'heading', text, level });
  } else if (name === 'pre') {
    const text = preformattedText(element);
    if (text !== '') out.push({ kind: 'preformatted', text });
  } else if (name === 'blockquote') {
    collectBlocks(element, 'quote', out);
  } else if (name === 'li') {
    collectBlocks(element, 'list-item', out);
  } else if (name !== 'hr') {
    // p, div, figcaption, table cells and the like take the kind of whatever holds them, so a
    // paragraph inside a quote stays a quote and is emitted once.
    collectBlocks(element, kind, out);
  }
};

const blocksOf = (root: Element): Block[] => {
  const blocks: Block[] = [];
  collectBlocks(root, 'paragraph', blocks);
  return blocks;
};

/** Blocks of an HTML fragment (such as raw HTML inside Markdown), sanitized the same way. */
export const blocksFromHtmlFragment = (html: string): Block[] => {
  const body = getPurifier().sanitize(html, {
    FORBID_TAGS: DROPPED_ELEMENTS,
    ADD_FORBID_CONTENTS: DROPPED_ELEMENTS,
    RETURN_DOM: true,
  });
  return body instanceof Element ? blocksOf(body) : [];
};

// ---------------------------------------------------------------------------------------------
// Dates

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Normalises an ISO 8601 date or date-time to a valid HTML `datetime` value, keeping the source's
 * precision and zone: `2024-03-05T09:30:00.000+0900` → `2024-03-05T09:30:00.000+09:00`. Returns
 * null for anything else (including impossible dates), since a stamp must carry a valid value.
 */
export const toHtmlDatetime = (value: string): string | null => {
  const match = ISO_DATETIME.exec(value.trim());
  if (!match) return null;
  const [, year = '', month = '', day = '', hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined || minute === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59) return null;
  let time = `${hour}:${minute}`;
  if (second !== undefined) {
    if (Number(second) > 59) return null;
    time += `:${second}`;
    // HTML allows at most three fractional digits.
    if (fraction !== undefined) time += `.${fraction.slice(0, 3)}`;
  }
  if (zone === undefined) return `${date}T${time}`;
  const offset = normaliseZone(zone);
  return offset === null ? null : `${date}T${time}${offset}`;
};

const normaliseZone = (zone: string): string | null => {
  if (zone === 'Z' || zone === 'z') return 'Z';
  const sign = zone.charAt(0);
  const digits = zone.slice(1).replace(':', '');
  const hours = digits.slice(0, 2);
  const minutes = digits.slice(2) || '00';
  if (Number(hours) > 23 || Number(minutes) > 59) return null;
  // HTML forbids a negative zero offset.
  const zero = Number(hours) === 0 && Number(minutes) === 0;
  return `${zero ? '+' : sign}${hours}:${minutes}`;
};

// ---------------------------------------------------------------------------------------------
// Metadata

const attributeValue = (element: Element | null, name: string): string | null => {
  const value = element?.getAttribute(name);
  if (value === null || value === undefined) return null;
  const collapsed = collapseWhitespace(value);
  return collapsed === '' ? null : collapsed;
};

/** A meta tag's content, looked up by `property` (Open Graph) or `name`, case-insensitively. */
const metaContent = (doc: Document, ...keys: string[]): string | null => {
  const wanted = new Set(keys.map((key) => key.toLowerCase()));
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (!wanted.has(key)) continue;
    const value = attributeValue(meta, 'content');
    if (value !== null) return value;
  }
  return null;
};

const orNull = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const collapsed = collapseWhitespace(value);
  return collapsed === '' ? null : collapsed;
};

const TITLE_SEPARATORS = [' - ', ' | ', ' – ', ' — ', ' · ', ' :: ', ' » '];

/** `Headline - Site` and `Site | Headline` lose the site name when it is the page's own. */
const stripSiteName = (title: string, siteName: string | null): string => {
  if (siteName === null) return title;
  const lowerTitle = title.toLowerCase();
  const lowerSite = siteName.toLowerCase();
  for (const separator of TITLE_SEPARATORS) {
    const suffix = `${separator}${lowerSite}`;
    if (lowerTitle.endsWith(suffix) && lowerTitle.length > suffix.length) {
      return title.slice(0, title.length - suffix.length).trim();
    }
    const prefix = `${lowerSite}${separator}`;
    if (lowerTitle.startsWith(prefix) && lowerTitle.length > prefix.length) {
      return title.slice(prefix.length).trim();
    }
  }
  return title;
};

const isUrlLike = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);

const findByline = (doc: Document, fromReadability: string | null): string | null => {
  if (fromReadability !== null) return fromReadability;
  const candidates = [
    metaContent(doc, 'author', 'article:author', 'byl', 'dc.creator'),
    orNull(doc.querySelector('[rel~="author"]')?.textContent),
    orNull(doc.querySelector('.byline')?.textContent),
  ];
  return candidates.find((value) => value !== null && !isUrlLike(value)) ?? null;
};

const stamp = (kind: StampKind, raw: string | null): PublicationStamp | null => {
  if (raw === null) return null;
  const datetime = toHtmlDatetime(raw);
  return datetime === null ? null : { kind, raw, datetime };
};

const stampFromTime = (element: Element | null): PublicationStamp | null => {
  const value = attributeValue(element, 'datetime');
  if (element === null || value === null) return null;
  const datetime = toHtmlDatetime(value);
  if (datetime === null) return null;
  // The visible text is what the page shows; the attribute is only the machine form of it.
  return { kind: 'published', raw: orNull(element.textContent) ?? value, datetime };
};

const firstStamp = (
  candidates: readonly (() => PublicationStamp | null)[],
): PublicationStamp | null => {
  for (const candidate of candidates) {
    const found = candidate();
    if (found !== null) return found;
  }
  return null;
};

const findPublished = (doc: Document, fromReadability: string | null): PublicationStamp | null =>
  firstStamp([
    () => stamp('published', metaContent(doc, 'article:published_time')),
    () =>
      stamp(
        'published',
        attributeValue(doc.querySelector('meta[itemprop="datePublished"]'), 'content'),
      ),
    () => stampFromTime(doc.querySelector('time[itemprop="datePublished"][datetime]')),
    () => stampFromTime(doc.querySelector('time[pubdate][datetime]')),
    () => stampFromTime(doc.querySelector('article time[datetime]')),
    () => stampFromTime(doc.querySelector('time[datetime]')),
    () => stamp('published', metaContent(doc, 'date', 'dc.date', 'dc.date.issued', 'pubdate')),
    () => stamp('published', fromReadability),
  ]);

const findModified = (doc: Document): PublicationStamp | null =>
  firstStamp([
    () => stamp('modified', metaContent(doc, 'article:modified_time')),
    () =>
      stamp(
        'modified',
        attributeValue(doc.querySelector('meta[itemprop="dateModified"]'), 'content'),
      ),
    () => stamp('modified', metaContent(doc, 'og:updated_time')),
  ]);

const withoutEllipsis = (text: string): string =>
  text.replace(/\s*(?:…|\.\.\.)$/, '').toLowerCase();

/** A description that merely repeats (or truncates) the first paragraph is not a deck. */
const findDeck = (doc: Document, title: string | null, blocks: Block[]): string | null => {
  const deck = metaContent(doc, 'og:description') ?? metaContent(doc, 'description');
  if (deck === null) return null;
  const core = withoutEllipsis(deck);
  if (core === '' || (title !== null && core === title.toLowerCase())) return null;
  const lead = blocks.find((block) => block.kind === 'paragraph');
  if (lead !== undefined) {
    const leadText = lead.text.toLowerCase();
    if (leadText.startsWith(core) || core.startsWith(leadText)) return null;
  }
  return deck;
};

/** A BCP 47 tag in canonical case (`ko_kr` → `ko-KR`), or null when it is not a valid tag. */
export const canonicalLanguage = (tag: string | null): string | null => {
  if (tag === null) return null;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
};

const findLanguage = (doc: Document, fromReadability: string | null): string | null =>
  canonicalLanguage(attributeValue(doc.documentElement, 'lang')) ??
  canonicalLanguage(fromReadability) ??
  canonicalLanguage(metaContent(doc, 'og:locale', 'dc.language', 'language'));

const httpUrl = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

const findSourceUrl = (doc: Document, given: string | null | undefined): string | null =>
  httpUrl(given) ??
  httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ??
  httpUrl(metaContent(doc, 'og:url'));

// ---------------------------------------------------------------------------------------------

interface ReadabilityResult {
  root: Element | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
}

const runReadability = (doc: Document): ReadabilityResult => {
  // Readability rewrites the document it is given; the original stays untouched for metadata
  // and for the fallback.
  const copy = doc.cloneNode(true) as Document;
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    article = new Readability(copy, { serializer: (node: Node) => node }).parse();
  } catch {
    // A page Readability cannot cope with still has a body to fall back on.
  }
  const content = article?.content;
  return {
    root: content instanceof Element ? content : null,
    title: orNull(article?.title),
    byline: orNull(article?.byline),
    siteName: orNull(article?.siteName),
    lang: orNull(article?.lang),
    publishedTime: orNull(article?.publishedTime),
  };
};

export const extractHtmlArticle = (
  html: string,
  options: HtmlArticleOptions = {},
): ArticleDraft => {
  const doc = sanitizeDocument(html);
  const readable = runReadability(doc);

  let blocks = readable.root === null ? [] : blocksOf(readable.root);
  // Short or unusual pages can leave Readability with nothing; the whole body is better than
  // an empty article. (A frameset page has no body at all.)
  const body = doc.querySelector('body');
  if (blocks.length === 0 && body !== null) blocks = blocksOf(body);

  const siteName = metaContent(doc, 'og:site_name') ?? readable.siteName;
  const pageTitle =
    readable.title ??
    metaContent(doc, 'og:title') ??
    orNull(doc.querySelector('title')?.textContent);
  const title =
    orNull(options.title) ?? (pageTitle === null ? null : stripSiteName(pageTitle, siteName));

  return {
    format: 'html',
    title,
    deck: findDeck(doc, title, blocks),
    byline: findByline(doc, readable.byline),
    published: findPublished(doc, readable.publishedTime),
    modified: findModified(doc),
    blocks,
    removed: [],
    sourceUrl: findSourceUrl(doc, options.url),
    declaredLanguage: findLanguage(doc, readable.lang),
  };
};
