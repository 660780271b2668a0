/**
 * Find in a document whose rows are not all in the DOM. The caller hands over the texts each
 * segment shows (in display order, each with its language) and says how to bring a match into
 * view; this hook prepares the texts once, searches them as the query changes, and keeps track of
 * the current match while texts come and go (a translation arriving, a view switching).
 *
 * Preparing a book's worth of text takes a noticeable moment, so it runs in slices between
 * frames and only for texts not seen before (prepared texts are kept while the document shows
 * them, also across closing and reopening); the query itself goes through useDeferredValue, so
 * typing never waits for a search.
 */
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  caseLocale,
  findMatches,
  matchAtOrAfter,
  prepareText,
  type FindMatch,
  type PreparedText,
} from '../domain/segments/find';

/** One text a segment shows. */
export interface FindText {
  text: string;
  /** The text's language (BCP 47): it decides how the text lowercases. */
  lang?: string;
  /** What the caller calls this text (e.g. source or target), to find it in its row. */
  part: string;
}

/** Per segment index, the texts it shows, in display order. */
export type FindTexts = readonly (readonly FindText[])[];

export interface FindState {
  query: string;
  setQuery: (query: string) => void;
  matches: readonly FindMatch[];
  /** Index of the current match in `matches`; -1 when there is none. */
  current: number;
  /** More matches exist than are counted. */
  truncated: boolean;
  /** The count shown is not yet the count of what was typed (a search or preparation runs). */
  stale: boolean;
  /** The text a match is in, as it was when searched. */
  textOf: (match: FindMatch) => FindText | undefined;
  next: () => void;
  previous: () => void;
}

interface UseFindOptions {
  /** The document's texts, in segment order. */
  texts: FindTexts;
  /** The query, kept by the caller so it outlives the bar (reopening shows the last one). */
  query: string;
  setQuery: (query: string) => void;
  /** The segment to start from: the first match at or after it is the first current one. */
  startSegment?: number;
  /** Brings a match into view. Called when the current match changes or is asked for again. */
  onGoTo: (match: FindMatch, text: FindText) => void;
}

/** Time one slice of preparation may take before the browser gets the thread back. */
const SLICE_MS = 8;

const NO_MATCHES: readonly FindMatch[] = [];

/** A text and the language class it was prepared for share one prepared form. */
type PreparedCache = Map<string, Map<string, PreparedText>>;

let preparedCache: PreparedCache = new Map();

interface Prepared {
  /** The texts this preparation is of (the caller's may have moved on since). */
  texts: FindTexts;
  result: readonly (readonly PreparedText[])[];
}

function usePreparedTexts(texts: FindTexts): Prepared | null {
  const [prepared, setPrepared] = useState<Prepared | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const result: PreparedText[][] = [];
    const used: PreparedCache = new Map();
    let segment = 0;
    const step = () => {
      timer = null;
      const started = performance.now();
      for (; segment < texts.length; segment++) {
        if (performance.now() - started > SLICE_MS) {
          timer = setTimeout(step, 0);
          return;
        }
        const parts = texts[segment] ?? [];
        result.push(parts.map((part) => preparedFor(preparedCache, used, part)));
      }
      if (cancelled) return;
      // Keep what the document still shows; drop what it no longer does (another view, a
      // translation replaced) once the cache has grown well past it.
      let cached = 0;
      let live = 0;
      for (const map of preparedCache.values()) cached += map.size;
      for (const map of used.values()) live += map.size;
      if (cached > 2 * live + 1000) preparedCache = used;
      setPrepared({ texts, result });
    };
    step();
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
    };
  }, [texts]);

  return prepared;
}

function preparedFor(cache: PreparedCache, used: PreparedCache, part: FindText): PreparedText {
  const locale = caseLocale(part.lang);
  let byText = cache.get(locale);
  if (!byText) {
    byText = new Map();
    cache.set(locale, byText);
  }
  let prepared = byText.get(part.text);
  if (!prepared) {
    prepared = prepareText(part.text, part.lang);
    byText.set(part.text, prepared);
  }
  let usedByText = used.get(locale);
  if (!usedByText) {
    usedByText = new Map();
    used.set(locale, usedByText);
  }
  usedByText.set(part.text, prepared);
  return prepared;
}

/** Where the current match is: it stays put (or moves to the next match) as results change. */
interface Place {
  segment: number;
  part: number;
  start: number;
}

export function useFind({
  texts,
  query,
  setQuery,
  startSegment = 0,
  onGoTo,
}: UseFindOptions): FindState {
  const deferredQuery = useDeferredValue(query);
  const prepared = usePreparedTexts(texts);

  const result = useMemo(
    () =>
      prepared
        ? findMatches(prepared.result, deferredQuery)
        : { matches: NO_MATCHES, truncated: false },
    [prepared, deferredQuery],
  );
  const { matches } = result;

  // A new query keeps the place, as a browser's find does: the current match is the first one at
  // or after it.
  const [place, setPlace] = useState<Place>({ segment: startSegment, part: 0, start: 0 });

  const current = useMemo(
    () => matchAtOrAfter(matches, place.segment, place.part, place.start),
    [matches, place],
  );
  // The place follows the current match, so that as texts change (a translation arriving) or
  // the query grows, the current match stays the one the reader is on.
  const onMatch = current === -1 ? undefined : matches[current];
  if (
    onMatch &&
    (onMatch.segment !== place.segment ||
      onMatch.part !== place.part ||
      onMatch.start !== place.start)
  ) {
    setPlace({ segment: onMatch.segment, part: onMatch.part, start: onMatch.start });
  }

  // Asking again for the same match (Enter with one match) brings it back into view too.
  const [request, setRequest] = useState(0);
  const step = useCallback(
    (delta: number) => {
      if (matches.length === 0) return;
      const from = current === -1 ? 0 : current;
      const next = matches[(from + delta + matches.length) % matches.length];
      if (!next) return;
      setPlace({ segment: next.segment, part: next.part, start: next.start });
      setRequest((count) => count + 1);
    },
    [matches, current],
  );

  const goTo = useEffectEvent(onGoTo);
  const currentMatch = current === -1 ? undefined : matches[current];
  const searched = prepared?.texts;
  const textOf = useCallback(
    (match: FindMatch) => searched?.[match.segment]?.[match.part],
    [searched],
  );
  const currentText = currentMatch ? textOf(currentMatch) : undefined;
  // The page moves for what the reader did: next or previous, or a query whose current match is
  // somewhere else. It stays put when typing on keeps the match where it was, and when the
  // current match shifts because a translation arrived under it while they read.
  const shown = useRef<{ query: string; request: number; at: string } | null>(null);
  useEffect(() => {
    if (!currentMatch || !currentText) return;
    const at = `${currentMatch.segment}:${currentMatch.part}:${currentMatch.start}`;
    const last = shown.current;
    const asked = !last || last.request !== request;
    const moved = !last || (last.query !== deferredQuery && last.at !== at);
    if (!asked && !moved) {
      if (last.query !== deferredQuery) shown.current = { ...last, query: deferredQuery };
      return;
    }
    shown.current = { query: deferredQuery, request, at };
    goTo(currentMatch, currentText);
  }, [deferredQuery, request, currentMatch, currentText]);

  return {
    query,
    setQuery,
    matches,
    current,
    truncated: result.truncated,
    stale: query !== deferredQuery || prepared === null,
    textOf,
    next: useCallback(() => step(1), [step]),
    previous: useCallback(() => step(-1), [step]),
  };
}
