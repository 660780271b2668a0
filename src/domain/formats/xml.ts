/**
 * Small helpers shared by the XML formats (XLIFF 2.0, XLIFF 1.2, TMX): building namespaced
 * documents with the platform DOM, serializing them readably, and reading text back out of them.
 * The platform's DOMParser never fetches external entities, so nothing here touches the network.
 */

export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
/** Our own attributes and notes: everything another tool may ignore but we need back. */
export const IL_NS = 'urn:interlinear:review:1';
export const IL_PREFIX = 'il';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Characters XML 1.0 cannot carry at all, not even as character references. Lone surrogates are
 * matched too, because the `u` flag makes them single code points outside every allowed range.
 */
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe to put in an XML text node or attribute: unrepresentable characters become U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML_CHAR, '\uFFFD');
}

/**
 * Splits text around characters XML cannot carry, so that XLIFF 2 can encode them as `<cp hex>`.
 * Surrogates have no code point of their own to encode and become U+FFFD instead.
 */
export function splitForCodePoints(text: string): (string | number)[] {
  const parts: (string | number)[] = [];
  let pending = '';
  let last = 0;
  for (const match of text.matchAll(INVALID_XML_CHAR)) {
    const char = match[0];
    const code = char.codePointAt(0) ?? 0xfffd;
    pending += text.slice(last, match.index);
    last = match.index + char.length;
    if (code >= 0xd800 && code <= 0xdfff) {
      pending += '\uFFFD';
      continue;
    }
    if (pending !== '') parts.push(pending);
    parts.push(code);
    pending = '';
  }
  pending += text.slice(last);
  if (pending !== '') parts.push(pending);
  return parts;
}

export interface XmlBuilder {
  doc: XMLDocument;
  root: Element;
  /** Appends a child element in the document's namespace. */
  add(parent: Element, name: string, attrs?: Record<string, string | null | undefined>): Element;
  /** Appends a child element holding text. */
  addText(
    parent: Element,
    name: string,
    text: string,
    attrs?: Record<string, string | null | undefined>,
  ): Element;
  /** Sets one of our own attributes (skipped when the value is null or undefined). */
  setOwn(el: Element, name: string, value: string | number | null | undefined): void;
}

/**
 * A document whose root declares `ns` as default namespace and our prefix once, so that the
 * serializer does not repeat the declaration on every element that carries one of our attributes.
 */
export function createXml(
  ns: string | null,
  rootName: string,
  doctype?: { systemId: string },
): XmlBuilder {
  const impl = document.implementation;
  const type = doctype ? impl.createDocumentType(rootName, '', doctype.systemId) : null;
  const doc = impl.createDocument(ns, rootName, type);
  const root = doc.documentElement;

  const setAttrs = (el: Element, attrs: Record<string, string | null | undefined> = {}) => {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue;
      if (name.startsWith('xml:')) el.setAttributeNS(XML_NS, name, xmlSafe(value));
      else el.setAttribute(name, xmlSafe(value));
    }
  };
  const add: XmlBuilder['add'] = (parent, name, attrs) => {
    const el = doc.createElementNS(ns, name);
    setAttrs(el, attrs);
    parent.appendChild(el);
    return el;
  };
  return {
    doc,
    root,
    add,
    addText(parent, name, text, attrs) {
      const el = add(parent, name, attrs);
      if (text !== '') el.appendChild(doc.createTextNode(xmlSafe(text)));
      return el;
    },
    setOwn(el, name, value) {
      if (value === null || value === undefined) return;
      if (!root.hasAttributeNS(XMLNS_NS, IL_PREFIX)) {
        root.setAttributeNS(XMLNS_NS, `xmlns:${IL_PREFIX}`, IL_NS);
      }
      el.setAttributeNS(IL_NS, `${IL_PREFIX}:${name}`, xmlSafe(String(value)));
    },
  };
}

/**
 * Indents element-only content so people can read the file. Elements named in `textElements`
 * hold text whose whitespace matters and are left untouched, as is anything with text in it.
 */
function indent(el: Element, depth: number, textElements: ReadonlySet<string>): void {
  if (textElements.has(el.localName)) return;
  const kids = Array.from(el.children);
  if (kids.length === 0) return;
  const hasText = Array.from(el.childNodes).some(
    (node) => node.nodeType === node.TEXT_NODE && (node.nodeValue ?? '').trim() !== '',
  );
  if (hasText) return;
  const doc = el.ownerDocument;
  for (const kid of kids) {
    el.insertBefore(doc.createTextNode(`\n${'  '.repeat(depth + 1)}`), kid);
    indent(kid, depth + 1, textElements);
  }
  el.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
}

export function serializeXml(doc: XMLDocument, textElements: ReadonlySet<string>): string {
  indent(doc.documentElement, 0, textElements);
  const body = new XMLSerializer().serializeToString(doc).replace(/^(<!DOCTYPE[^>]*>)\s*/, '$1\n');
  // Serializers escape CR in attributes but not in text, and a parser turns a raw CR into LF;
  // every raw CR left in the output is therefore text, and a reference keeps it.
  return `${XML_DECLARATION}${body.replace(/\r/g, '&#xD;')}\n`;
}

/**
 * Ids from row indexes, made unique should two rows ever share an index: XLIFF requires unit ids
 * to be unique within a file, and a duplicate would make the whole file invalid.
 */
export function uniqueIds(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Child elements with this local name in the same namespace as their parent. */
export function childrenNamed(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter(
    (el) => el.localName === localName && el.namespaceURI === parent.namespaceURI,
  );
}

export function childNamed(parent: Element, localName: string): Element | null {
  return childrenNamed(parent, localName)[0] ?? null;
}

/** Descendants with this local name in the same namespace as `root`, in document order. */
export function descendantsNamed(root: Element, localName: string): Element[] {
  const ns = root.namespaceURI;
  return Array.from(root.getElementsByTagNameNS(ns ?? '', localName));
}

export function ownAttr(el: Element, name: string): string | null {
  return el.getAttributeNS(IL_NS, name);
}

function preservesSpace(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = node.getAttributeNS(XML_NS, 'space');
    if (value === 'preserve') return true;
    if (value === 'default') return false;
  }
  return false;
}

/**
 * The text of a source or target. Paired markup and markers (`<g>`, `<pc>`, `<mrk>`) give their
 * content; code elements named in `skip` give nothing, because what they hold is the original
 * format's markup, not text; `<cp>` gives the character it stands for; `replace` may stand in
 * for any element (a line-break code becomes a line break). Without
 * `xml:space="preserve"`, whitespace that only comes from the file being indented is dropped.
 */
export function inlineText(
  el: Element,
  skip: ReadonlySet<string> = new Set(),
  replace?: (element: Element) => string | null,
): string {
  const walk = (node: Node): string => {
    let out = '';
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) {
        out += child.nodeValue ?? '';
      } else if (child.nodeType === child.ELEMENT_NODE) {
        const element = child as Element;
        const replacement = replace?.(element) ?? null;
        if (replacement !== null) out += replacement;
        else if (element.localName === 'cp') out += codePointOf(element.getAttribute('hex'));
        else if (!skip.has(element.localName)) out += walk(element);
      }
    }
    return out;
  };
  const text = walk(el);
  if (preservesSpace(el)) return text;
  return text.replace(/^\s*\n\s*/, '').replace(/\s*\n\s*$/, '');
}

function codePointOf(hex: string | null): string {
  if (!hex || !/^[0-9a-fA-F]{1,6}$/.test(hex)) return '';
  const code = parseInt(hex, 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** ISO 8601 with milliseconds, so that ms-since-epoch values come back exactly. */
export function isoDate(ms: number): string | null {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

export function parseDate(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function parseNumber(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
