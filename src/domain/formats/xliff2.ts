/**
 * XLIFF 2.0 (OASIS; 2.1 shares the namespace). What XLIFF 2 core cannot say about a row — our exact
 * status, MT provenance, comment authors and dates, time spent — travels in `subState` and in
 * attributes of our own namespace, which the core schema allows on `<xliff>`, `<file>`, `<unit>`
 * and `<note>` (not on `<segment>`). Other tools ignore them; our own import reads them back.
 */
import type {
  MtOrigin,
  ReviewComment,
  ReviewDocument,
  ReviewSegment,
  SegmentStatus,
} from '../review/types';
import {
  XLIFF2_NS,
  XML_NS,
  childNamed,
  childrenNamed,
  createXml,
  descendantsNamed,
  inlineText,
  isoDate,
  ownAttr,
  parseDate,
  parseNumber,
  serializeXml,
  splitForCodePoints,
  uniqueIds,
  type XmlBuilder,
} from './xml';

export type Xliff2State = 'initial' | 'translated' | 'reviewed' | 'final';

/** Our status → XLIFF 2 `state`. A row without a target is always `initial` (see below). */
export const XLIFF2_STATE_OF: Record<SegmentStatus, Xliff2State> = {
  mt: 'initial',
  edited: 'translated',
  reviewed: 'reviewed',
  approved: 'final',
  // XLIFF 2 has no "rejected": it has been looked at, so `reviewed`, and subState says how.
  rejected: 'reviewed',
};

/** XLIFF 2 `state` → our status, for files that carry no subState of ours. */
export const STATUS_OF_XLIFF2_STATE: Record<Xliff2State, SegmentStatus> = {
  initial: 'mt',
  translated: 'edited',
  reviewed: 'reviewed',
  final: 'approved',
};

export const SUBSTATE_PREFIX = 'interlinear:';
const TEXT_ELEMENTS = new Set(['source', 'target', 'note']);
const MATCHES_NS = 'urn:oasis:names:tc:xliff:matches:2.0';

export interface Xliff2ExportOptions {
  appVersion: string;
  now: Date;
}

export function isSegmentStatus(value: string | null | undefined): value is SegmentStatus {
  return value !== null && value !== undefined && Object.hasOwn(XLIFF2_STATE_OF, value);
}

/** Puts text into a source or target, encoding characters XML cannot hold as `<cp hex>`. */
function fillInline(x: XmlBuilder, el: Element, text: string): void {
  for (const part of splitForCodePoints(text)) {
    if (typeof part === 'string') el.appendChild(x.doc.createTextNode(part));
    else x.add(el, 'cp', { hex: part.toString(16).toUpperCase().padStart(4, '0') });
  }
}

export function exportXliff2(doc: ReviewDocument, options: Xliff2ExportOptions): string {
  const x = createXml(XLIFF2_NS, 'xliff');
  const { root } = x;
  root.setAttribute('version', '2.0');
  root.setAttribute('srcLang', doc.sourceLanguage || 'und');
  root.setAttribute('trgLang', doc.targetLanguage || 'und');
  x.setOwn(root, 'generator', `Interlinear ${options.appVersion}`);
  x.setOwn(root, 'exportedAt', isoDate(options.now.getTime()));

  // xml:space="preserve" is inherited: leading, trailing and doubled spaces are part of the text
  // under review (a QA check looks for them), so no consumer may normalize them away.
  const file = x.add(root, 'file', { id: 'f1', 'xml:space': 'preserve' });
  x.setOwn(file, 'articleId', doc.articleId);
  const fileNotes = x.add(file, 'notes');
  x.addText(fileNotes, 'note', doc.title, { category: 'title' });

  const unitId = uniqueIds();
  for (const segment of doc.segments) {
    const id = unitId(`u${segment.index}`);
    const unit = x.add(file, 'unit', { id });
    x.setOwn(unit, 'index', segment.index);
    x.setOwn(unit, 'timeSpentMs', segment.timeSpentMs);
    x.setOwn(unit, 'updatedAt', isoDate(segment.updatedAt));

    if (segment.mt !== null || segment.mtOrigin || segment.comments.length > 0) {
      const notes = x.add(unit, 'notes');
      if (segment.mt !== null || segment.mtOrigin) {
        const note = x.addText(notes, 'note', segment.mt ?? '', {
          category: 'mt',
          appliesTo: 'target',
        });
        // An origin without text happens when the engine answered nothing for the row.
        if (segment.mt === null) x.setOwn(note, 'noText', 'yes');
        x.setOwn(note, 'provider', segment.mtOrigin?.provider);
        x.setOwn(note, 'model', segment.mtOrigin?.model);
        x.setOwn(note, 'createdAt', segment.mtOrigin ? isoDate(segment.mtOrigin.createdAt) : null);
      }
      for (const comment of segment.comments) {
        const note = x.addText(notes, 'note', comment.text, { category: 'comment' });
        x.setOwn(note, 'id', comment.id);
        x.setOwn(note, 'author', comment.author);
        x.setOwn(note, 'createdAt', isoDate(comment.createdAt));
      }
    }

    const hasTarget = segment.target !== '';
    // Without a target, XLIFF 2 processing expects `initial`; subState still has the truth.
    const state = hasTarget ? XLIFF2_STATE_OF[segment.status] : 'initial';
    const seg = x.add(unit, 'segment', {
      id: id.replace(/^u/, 's'),
      state,
      subState: `${SUBSTATE_PREFIX}${segment.status}`,
    });
    fillInline(x, x.add(seg, 'source'), segment.source);
    if (hasTarget) fillInline(x, x.add(seg, 'target'), segment.target);
  }
  return serializeXml(x.doc, TEXT_ELEMENTS);
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/** What the import needs beyond the segments; `articleId` is null when the file has none of ours. */
export interface ParsedReview {
  articleId: string | null;
  title: string;
  sourceLanguage: string | null;
  targetLanguage: string | null;
  segments: ReviewSegment[];
}

function statusOf(seg: Element, hasTarget: boolean): SegmentStatus {
  const subState = seg.getAttribute('subState');
  if (subState?.startsWith(SUBSTATE_PREFIX)) {
    const ours = subState.slice(SUBSTATE_PREFIX.length);
    if (isSegmentStatus(ours)) return ours;
  }
  const state = seg.getAttribute('state') ?? 'initial';
  if (Object.hasOwn(STATUS_OF_XLIFF2_STATE, state)) {
    return STATUS_OF_XLIFF2_STATE[state as Xliff2State];
  }
  return hasTarget ? 'edited' : 'mt';
}

function mtOriginOf(el: Element, fallbackProvider: string | null): MtOrigin | null {
  const provider = ownAttr(el, 'provider') ?? fallbackProvider;
  if (provider === null) return null;
  const model = ownAttr(el, 'model');
  return {
    provider,
    ...(model !== null ? { model } : {}),
    createdAt: parseDate(ownAttr(el, 'createdAt')) ?? 0,
  };
}

interface UnitExtras {
  mt: string | null;
  mtOrigin: MtOrigin | null;
  /** Segment id the MT belongs to, when the file says. */
  mtSegmentId: string | null;
  comments: ReviewComment[];
}

function readUnitNotes(unit: Element, unitKey: string): UnitExtras {
  const extras: UnitExtras = { mt: null, mtOrigin: null, mtSegmentId: null, comments: [] };
  const notes = childNamed(unit, 'notes');
  const noteEls = notes ? childrenNamed(notes, 'note') : [];
  noteEls.forEach((note, n) => {
    const category = note.getAttribute('category');
    const text = inlineText(note);
    if (category === 'mt' && extras.mt === null && extras.mtOrigin === null) {
      extras.mt = ownAttr(note, 'noText') === 'yes' ? null : text;
      extras.mtOrigin = mtOriginOf(note, null);
      return;
    }
    extras.comments.push({
      id: ownAttr(note, 'id') ?? note.getAttribute('id') ?? `${unitKey}-n${n + 1}`,
      author: ownAttr(note, 'author') ?? 'XLIFF',
      text,
      createdAt: parseDate(ownAttr(note, 'createdAt')) ?? 0,
    });
  });

  // Other tools put machine translation in the Translation Candidates module instead.
  if (extras.mt === null && extras.mtOrigin === null) {
    const matches = Array.from(unit.children).find(
      (el) => el.localName === 'matches' && el.namespaceURI === MATCHES_NS,
    );
    const mtMatch = matches
      ? Array.from(matches.children).find(
          (el) => el.localName === 'match' && el.getAttribute('type') === 'mt',
        )
      : undefined;
    if (mtMatch) {
      const target = Array.from(mtMatch.children).find((el) => el.localName === 'target');
      extras.mt = target ? inlineText(target) : '';
      extras.mtOrigin = mtOriginOf(mtMatch, mtMatch.getAttribute('origin'));
      extras.mtSegmentId = (mtMatch.getAttribute('ref') ?? '').replace(/^#/, '') || null;
    }
  }
  return extras;
}

export function parseXliff2(root: Element): ParsedReview {
  const files = childrenNamed(root, 'file');
  const firstFile = files[0] ?? null;
  const fileNotes = firstFile ? childNamed(firstFile, 'notes') : null;
  const titleNote = fileNotes
    ? (childrenNamed(fileNotes, 'note').find((n) => n.getAttribute('category') === 'title') ?? null)
    : null;
  const title = titleNote ? inlineText(titleNote) : (firstFile?.getAttribute('original') ?? '');

  const segments: ReviewSegment[] = [];
  const used = new Set<number>();
  let next = 0;
  const takeIndex = (wanted: number | null): number => {
    const index = wanted !== null && Number.isInteger(wanted) && !used.has(wanted) ? wanted : next;
    used.add(index);
    next = Math.max(next, index + 1);
    return index;
  };

  let firstTargetLang: string | null = null;
  let firstSourceLang: string | null = null;
  for (const file of files) {
    descendantsNamed(file, 'unit').forEach((unit, u) => {
      const unitKey = unit.getAttribute('id') ?? `u${u}`;
      const extras = readUnitNotes(unit, unitKey);
      const segs = childrenNamed(unit, 'segment');
      const ownIndex = parseNumber(ownAttr(unit, 'index'));
      const mtSeg = segs.find((s) => s.getAttribute('id') === extras.mtSegmentId) ?? segs[0];

      segs.forEach((seg, s) => {
        const source = childNamed(seg, 'source');
        const target = childNamed(seg, 'target');
        firstSourceLang ??= source?.getAttributeNS(XML_NS, 'lang') || null;
        firstTargetLang ??= target?.getAttributeNS(XML_NS, 'lang') || null;
        const first = s === 0;
        const carriesMt = seg === mtSeg;
        segments.push({
          index: takeIndex(first ? ownIndex : null),
          source: source ? inlineText(source) : '',
          mt: carriesMt ? extras.mt : null,
          mtOrigin: carriesMt ? extras.mtOrigin : null,
          target: target ? inlineText(target) : '',
          status: statusOf(seg, target !== null),
          comments: first ? extras.comments : [],
          timeSpentMs: (first ? parseNumber(ownAttr(unit, 'timeSpentMs')) : null) ?? 0,
          updatedAt: (first ? parseDate(ownAttr(unit, 'updatedAt')) : null) ?? 0,
        });
      });
    });
  }

  return {
    articleId: firstFile ? ownAttr(firstFile, 'articleId') : null,
    title,
    sourceLanguage: root.getAttribute('srcLang') || firstSourceLang,
    targetLanguage: root.getAttribute('trgLang') || firstTargetLang,
    segments,
  };
}
