/**
 * Review rows and glossaries in IndexedDB.
 *
 * Every row is saved on its own with a revision number. A save names the revision it was based on;
 * when the stored row has moved on because another tab saved it, the save is refused and the
 * caller is told (with the other tab's row), so two tabs never overwrite each other silently.
 * Saved rows are announced on a BroadcastChannel so other tabs on the same article update at once.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Glossary } from '../domain/review/types';
import { getDb, type GlossaryRecord, type ReviewRowRecord } from './storage/db';

/** This tab, so a broadcast of our own save is not taken for someone else's. */
export const TAB_ID =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `tab-${Math.random().toString(36).slice(2)}`;

export const reviewIdFor = (articleId: string, targetLanguage: string) =>
  `${articleId}|${targetLanguage}`;

export const reviewRowsQuery = (reviewId: string | null) =>
  queryOptions({
    queryKey: ['review-rows', reviewId] as const,
    queryFn: async (): Promise<ReviewRowRecord[]> => {
      if (!reviewId) return [];
      const db = await getDb();
      return db.getAllFromIndex('reviewRows', 'reviewId', reviewId);
    },
    staleTime: Infinity,
  });

export type RowDraft = Omit<ReviewRowRecord, 'revision' | 'writer'>;

export type SaveResult =
  { ok: true; row: ReviewRowRecord } | { ok: false; conflict: ReviewRowRecord };

interface RowAnnouncement {
  type: 'row-saved';
  reviewId: string;
  index: number;
  revision: number;
  writer: string;
}

const channel =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('interlinear-review') : null;

/**
 * Saves a row unless another tab saved it since `baseRevision` (0 for a row never saved).
 * `force` overwrites anyway: the reviewer chose to keep their version over the other tab's.
 */
export async function saveReviewRow(
  draft: RowDraft,
  baseRevision: number,
  { force = false } = {},
): Promise<SaveResult> {
  const db = await getDb();
  const tx = db.transaction('reviewRows', 'readwrite');
  const stored = await tx.store.get([draft.reviewId, draft.index]);
  const current = stored?.revision ?? 0;
  if (!force && current !== baseRevision && stored && stored.writer !== TAB_ID) {
    await tx.done;
    return { ok: false, conflict: stored };
  }
  const row: ReviewRowRecord = { ...draft, revision: current + 1, writer: TAB_ID };
  await tx.store.put(row);
  await tx.done;
  const announcement: RowAnnouncement = {
    type: 'row-saved',
    reviewId: row.reviewId,
    index: row.index,
    revision: row.revision,
    writer: TAB_ID,
  };
  channel?.postMessage(announcement);
  return { ok: true, row };
}

/**
 * Stores rows read from a file as a review's starting point, one transaction for all. A row the
 * library already holds is kept: opening a file never overwrites a reviewer's work unasked (the
 * review view's import takes a file's targets deliberately). Returns how many rows were added.
 */
export async function addReviewRows(drafts: readonly RowDraft[]): Promise<number> {
  const db = await getDb();
  const tx = db.transaction('reviewRows', 'readwrite');
  let added = 0;
  for (const draft of drafts) {
    const stored = await tx.store.get([draft.reviewId, draft.index]);
    if (stored) continue;
    await tx.store.put({ ...draft, revision: 1, writer: TAB_ID });
    added++;
  }
  await tx.done;
  return added;
}

export async function readReviewRow(
  reviewId: string,
  index: number,
): Promise<ReviewRowRecord | undefined> {
  const db = await getDb();
  return db.get('reviewRows', [reviewId, index]);
}

/** Calls back when another tab saved a row of this review. */
export function onRowSavedElsewhere(
  reviewId: string,
  listener: (index: number, revision: number) => void,
): () => void {
  if (!channel) return () => undefined;
  const handle = (event: MessageEvent<RowAnnouncement | null>) => {
    const data = event.data;
    if (data?.type !== 'row-saved' || data.reviewId !== reviewId || data.writer === TAB_ID) return;
    listener(data.index, data.revision);
  };
  channel.addEventListener('message', handle);
  return () => channel.removeEventListener('message', handle);
}

export const glossaryIdFor = (sourceLanguage: string, targetLanguage: string) =>
  `${sourceLanguage}|${targetLanguage}`;

export const glossaryQuery = (sourceLanguage: string, targetLanguage: string) =>
  queryOptions({
    queryKey: ['glossary', sourceLanguage, targetLanguage] as const,
    queryFn: async (): Promise<Glossary> => {
      const db = await getDb();
      const stored = await db.get('glossaries', glossaryIdFor(sourceLanguage, targetLanguage));
      return stored ?? { sourceLanguage, targetLanguage, terms: [], doNotTranslate: [] };
    },
    staleTime: Infinity,
  });

export async function saveGlossary(glossary: Glossary): Promise<void> {
  const db = await getDb();
  const record: GlossaryRecord = {
    ...glossary,
    id: glossaryIdFor(glossary.sourceLanguage, glossary.targetLanguage),
    updatedAt: Date.now(),
  };
  await db.put('glossaries', record);
}
