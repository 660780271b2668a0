/**
 * The article model every ingest path (pasted text, .txt/.md/.html files, URL parameters) produces
 * and every view and the translation queue consume. Pure data: it is stored in IndexedDB as is.
 */

/** The kinds of body block a reader shows; each block is one translation segment. */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';

export interface Block {
  kind: BlockKind;
  /**
   * The block's words exactly as the source had them, on one line (wrapping undone). Non-breaking
   * spaces are normalized to ordinary spaces; nothing else is rewritten.
   */
  text: string;
  /** Heading level (1–6) for `heading` blocks. */
  level?: number;
}

/** Which stamp a publication time came from; Korean CMSs print several. */
export type StampKind = 'approved' | 'input' | 'modified' | 'published' | 'updated';

export interface PublicationStamp {
  kind: StampKind;
  /** The line as it stood in the source, e.g. `승인 2018.02.20 15:33`. */
  raw: string;
  /**
   * A valid HTML `datetime` value: `2018-02-20T15:33+09:00` when the zone is known (Korean CMS
   * stamps are KST), `2018-02-20T15:33` when it is not, `2018-02-20` for a date alone.
   */
  datetime: string;
}

/** Why a line was kept out of the body. */
export type ChromeReason =
  | 'comments' // comment counts, comment-widget prompts, delete confirmations, account choice
  | 'share' // share lines and share-button labels
  | 'translation-notice' // "translating into that language" notices
  | 'metadata' // bullets of metadata, stamps already taken into the header, view counts
  | 'navigation' // menus, breadcrumbs, "related articles", "back to top"
  | 'copyright' // copyright and reprint notices
  | 'advertising'
  | 'duplicate-title'; // the title repeated inside the body

export interface RemovedLine {
  text: string;
  reason: ChromeReason;
}

export type ArticleFormat = 'text' | 'html' | 'markdown';

/** What an ingest path returns: the article's content and header, before it is stored. */
export interface ArticleDraft {
  format: ArticleFormat;
  title: string | null;
  /** A deck (subtitle/standfirst) under the title. */
  deck: string | null;
  byline: string | null;
  published: PublicationStamp | null;
  modified: PublicationStamp | null;
  blocks: Block[];
  /** Site chrome kept out of the body, so the reader can say what was dropped and why. */
  removed: RemovedLine[];
  sourceUrl: string | null;
  /** A language the source declared (e.g. `<html lang>`), as a BCP 47 tag; detection decides otherwise. */
  declaredLanguage: string | null;
}
