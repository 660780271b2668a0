/**
 * XLIFF 1.2 (OASIS, 2008), still what many CAT tools read best. Status goes into the target's
 * `state` / `state-qualifier` and the unit's `approved` flag as 1.2 defines them; since those cannot
 * tell every one of our statuses apart, the exact one also travels in an attribute of our own
 * namespace, as do MT provenance, comment dates and time spent.
 */
import type {
  MtOrigin,
  ReviewComment,
  ReviewSegment,
  ReviewDocument,
  SegmentStatus,
} from '../review/types';
import type { ParsedReview } from './xliff2';
import { isSegmentStatus } from './xliff2';
import {
  XLIFF12_NS,
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
  uniqueIds,
} from './xml';

interface TargetState {
  state: string;
  qualifier?: string;
  approved?: boolean;
}

/**
 * Our status → 1.2 target state. Untouched MT is a translation whose origin is MT
 * (`leveraged-mt`); a rejected row needs its translation reviewed again; `signed-off` is the
 * 1.2 state for "reviewed, not yet final".
 */
export const XLIFF12_STATE_OF: Record<SegmentStatus, TargetState> = {
  mt: { state: 'translated', qualifier: 'leveraged-mt' },
  edited: { state: 'translated' },
  reviewed: { state: 'signed-off' },
  approved: { state: 'final', approved: true },
  rejected: { state: 'needs-review-translation' },
};

const MT_QUALIFIERS = new Set(['leveraged-mt', 'mt-suggestion']);
/** 1.2 inline elements whose content is the original format's code, not text. */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph']);
const TEXT_ELEMENTS = new Set(['source', 'target', 'note', 'seg-source']);

/** Text of 1.2 content: codes dropped, except line-break placeholders, which are text. */
function text12(el: Element): string {
  return inlineText(el, CODE_ELEMENTS, (code) =>
    (code.localName === 'x' || code.localName === 'ph') && code.getAttribute('ctype') === 'lb'
      ? '\n'
      : null,
  );
}

export interface Xliff12ExportOptions {
  appVersion: string;
  now: Date;
}

export function exportXliff12(doc: ReviewDocument, options: Xliff12ExportOptions): string {
  const x = createXml(XLIFF12_NS, 'xliff');
  x.root.setAttribute('version', '1.2');
  const file = x.add(x.root, 'file', {
    // `original` names what was translated; for an article that is its title.
    original: doc.title,
    'source-language': doc.sourceLanguage || 'und',
    'target-language': doc.targetLanguage || 'und',
    datatype: 'plaintext',
    date: isoDate(options.now.getTime()),
    'tool-id': 'interlinear',
  });
  x.setOwn(file, 'articleId', doc.articleId);
  const header = x.add(file, 'header');
  x.add(header, 'tool', {
    'tool-id': 'interlinear',
    'tool-name': 'Interlinear',
    'tool-version': options.appVersion,
  });
  const body = x.add(file, 'body');

  const unitId = uniqueIds();
  for (const segment of doc.segments) {
    const mapped = XLIFF12_STATE_OF[segment.status];
    const unit = x.add(body, 'trans-unit', {
      id: unitId(`u${segment.index}`),
      approved: mapped.approved ? 'yes' : null,
      'xml:space': 'preserve',
    });
    x.setOwn(unit, 'index', segment.index);
    x.setOwn(unit, 'status', segment.status);
    x.setOwn(unit, 'timeSpentMs', segment.timeSpentMs);
    x.setOwn(unit, 'updatedAt', isoDate(segment.updatedAt));

    x.addText(unit, 'source', segment.source);
    if (segment.target !== '') {
      x.addText(unit, 'target', segment.target, {
        state: mapped.state,
        'state-qualifier': mapped.qualifier,
      });
    }
    if (segment.mt !== null || segment.mtOrigin) {
      const alt = x.add(unit, 'alt-trans', { origin: segment.mtOrigin?.provider });
      x.setOwn(alt, 'role', 'mt');
      x.setOwn(alt, 'model', segment.mtOrigin?.model);
      x.setOwn(alt, 'createdAt', segment.mtOrigin ? isoDate(segment.mtOrigin.createdAt) : null);
      if (segment.mt === null) x.setOwn(alt, 'noText', 'yes');
      x.addText(alt, 'target', segment.mt ?? '');
    }
    for (const comment of segment.comments) {
      const note = x.addText(unit, 'note', comment.text, { from: comment.author });
      x.setOwn(note, 'id', comment.id);
      x.setOwn(note, 'createdAt', isoDate(comment.createdAt));
    }
  }
  return serializeXml(x.doc, TEXT_ELEMENTS);
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/**
 * Status of another tool's unit. Approval and the terminal states win; an MT qualifier marks a
 * target nobody has touched; states asking for review still hold a human translation.
 */
function statusOf(unit: Element, target: Element | null, targetText: string): SegmentStatus {
  const ours = ownAttr(unit, 'status');
  if (isSegmentStatus(ours)) return ours;
  if (unit.getAttribute('approved') === 'yes') return 'approved';
  const state = target?.getAttribute('state') ?? null;
  if (state === 'final') return 'approved';
  if (state === 'signed-off') return 'reviewed';
  if (MT_QUALIFIERS.has(target?.getAttribute('state-qualifier') ?? '')) return 'mt';
  if (state === 'translated' || state?.startsWith('needs-review-')) return 'edited';
  if (state === 'new' || state?.startsWith('needs-')) return 'mt';
  return targetText !== '' ? 'edited' : 'mt';
}

const MT_ORIGIN = /(^|[^a-z])(n?mt|smt|machine)([^a-z]|$)/i;

/** Another tool's alt-trans counts as MT unless it looks like a translation-memory match. */
function isMtAltTrans(alt: Element, ours: boolean): boolean {
  if (ours) return ownAttr(alt, 'role') === 'mt';
  const type = alt.getAttribute('alttranstype');
  if (type !== null && type !== 'proposal') return false;
  const origin = `${alt.getAttribute('origin') ?? ''} ${alt.getAttribute('tool-id') ?? ''}`;
  const target = childNamed(alt, 'target');
  if (MT_ORIGIN.test(origin)) return true;
  if (MT_QUALIFIERS.has(target?.getAttribute('state-qualifier') ?? '')) return true;
  return !alt.hasAttribute('match-quality');
}

function mtOf(unit: Element, ours: boolean): { mt: string | null; mtOrigin: MtOrigin | null } {
  const alt = childrenNamed(unit, 'alt-trans').find((el) => isMtAltTrans(el, ours));
  if (!alt) return { mt: null, mtOrigin: null };
  const target = childNamed(alt, 'target');
  const mt = ownAttr(alt, 'noText') === 'yes' ? null : target ? text12(target) : '';
  const provider = alt.getAttribute('origin') ?? alt.getAttribute('tool-id');
  if (provider === null) return { mt, mtOrigin: null };
  const model = ownAttr(alt, 'model');
  const mtOrigin: MtOrigin = {
    provider,
    ...(model !== null ? { model } : {}),
    createdAt: parseDate(ownAttr(alt, 'createdAt')) ?? 0,
  };
  return { mt, mtOrigin };
}

function commentsOf(unit: Element, unitKey: string): ReviewComment[] {
  return childrenNamed(unit, 'note').map((note, n) => ({
    id: ownAttr(note, 'id') ?? `${unitKey}-n${n + 1}`,
    author: note.getAttribute('from') ?? 'XLIFF',
    text: inlineText(note),
    createdAt: parseDate(ownAttr(note, 'createdAt')) ?? 0,
  }));
}

/**
 * Sources split into sentences with `<seg-source><mrk mtype="seg">` give one row per sentence,
 * the target's `<mrk mid>` matched by id; anything else is one row.
 */
function pieces(unit: Element): { source: string; target: Element | null; text: string }[] {
  const target = childNamed(unit, 'target');
  const segSource = childNamed(unit, 'seg-source');
  const marks = segSource
    ? descendantsNamed(segSource, 'mrk').filter((m) => m.getAttribute('mtype') === 'seg')
    : [];
  if (marks.length === 0) {
    const source = childNamed(unit, 'source');
    return [
      {
        source: source ? text12(source) : '',
        target,
        text: target ? text12(target) : '',
      },
    ];
  }
  const targetMarks = target
    ? descendantsNamed(target, 'mrk').filter((m) => m.getAttribute('mtype') === 'seg')
    : [];
  return marks.map((mark) => {
    const mid = mark.getAttribute('mid');
    const match = targetMarks.find((m) => m.getAttribute('mid') === mid) ?? null;
    return {
      source: text12(mark),
      target: match ? target : null,
      text: match ? text12(match) : '',
    };
  });
}

export function parseXliff12(root: Element): ParsedReview {
  const files = childrenNamed(root, 'file');
  const firstFile = files[0] ?? null;
  const segments: ReviewSegment[] = [];
  const used = new Set<number>();
  let next = 0;
  let firstTargetLang: string | null = null;

  for (const file of files) {
    descendantsNamed(file, 'trans-unit').forEach((unit, u) => {
      const unitKey = unit.getAttribute('id') ?? `u${u}`;
      const ours = isSegmentStatus(ownAttr(unit, 'status'));
      const { mt, mtOrigin } = mtOf(unit, ours);
      const comments = commentsOf(unit, unitKey);
      const ownIndex = parseNumber(ownAttr(unit, 'index'));

      pieces(unit).forEach((piece, p) => {
        const first = p === 0;
        firstTargetLang ??= piece.target?.getAttributeNS(XML_NS, 'lang') || null;
        const status = statusOf(unit, piece.target, piece.text);
        // Another tool's MT-qualified target is itself the machine translation.
        const targetIsMt =
          !ours &&
          mt === null &&
          MT_QUALIFIERS.has(piece.target?.getAttribute('state-qualifier') ?? '');
        const wanted = first && ownIndex !== null && Number.isInteger(ownIndex) ? ownIndex : null;
        const index = wanted !== null && !used.has(wanted) ? wanted : next;
        used.add(index);
        next = Math.max(next, index + 1);
        segments.push({
          index,
          source: piece.source,
          mt: first ? (targetIsMt ? piece.text : mt) : null,
          mtOrigin: first ? mtOrigin : null,
          target: piece.text,
          status,
          comments: first ? comments : [],
          timeSpentMs: (first ? parseNumber(ownAttr(unit, 'timeSpentMs')) : null) ?? 0,
          updatedAt: (first ? parseDate(ownAttr(unit, 'updatedAt')) : null) ?? 0,
        });
      });
    });
  }

  return {
    articleId: firstFile ? ownAttr(firstFile, 'articleId') : null,
    title: firstFile?.getAttribute('original') ?? '',
    sourceLanguage: firstFile?.getAttribute('source-language') || null,
    targetLanguage: firstFile?.getAttribute('target-language') || firstTargetLang,
    segments,
  };
}
