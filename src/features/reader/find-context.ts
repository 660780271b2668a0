/**
 * The reader's find bar as the review sees it. The review searches its own rows, so it renders
 * the search itself, into the slot the reader's toolbar keeps for the bar. A context rather than
 * props: typing in the find field re-renders the search, not the review's rows.
 */
import { createContext, type RefObject } from 'react';

/** What a find bar is handed by the page that keeps its state (the reader's toolbar and query). */
export interface FindBarControls {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  barRef: RefObject<HTMLDivElement | null>;
  query: string;
  setQuery: (query: string) => void;
  startSegment: number;
  focusRequest: number;
  onClose: () => void;
}

export interface FindControls extends FindBarControls {
  open: boolean;
  /** Where in the toolbar the bar goes. */
  slot: HTMLElement | null;
}

export const FindContext = createContext<FindControls | null>(null);
