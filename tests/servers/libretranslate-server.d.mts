// Types for libretranslate-server.mjs, so TypeScript tests can start it.

export interface LibreTranslateFaults {
  /** Answer the first n `/translate` calls (after the faults were set) with 429 "Slowdown". */
  rateLimitFirst?: number;
  /** Drop the last translation of every array answer. */
  wrongCount?: boolean;
  /** Answer every `/translate` call with 403 `{"error":"Invalid API key"}`. */
  badKey?: boolean;
  /** Answer every text with an empty string. */
  emptyItems?: boolean;
  /** Answer the next n `/translate` calls (after any 429s) with 500. */
  status500?: number;
  /** Wait this long before answering each `/translate` call. */
  delayMs?: number;
}

export interface LibreTranslateRequestRecord {
  /** When the call arrived (ms since the epoch). */
  time: number;
  texts: number;
  characters: number;
  /** Whether an `api_key` came with the call; its value is never kept. */
  apiKey: boolean;
  source: string | null;
  target: string | null;
  format: string | null;
  /** Filled in once answered. */
  status: number | null;
  ms: number | null;
}

export interface LibreTranslateServerOptions {
  port?: number;
  host?: string;
  apyUrl?: string;
  apiKey?: string | null;
  faults?: LibreTranslateFaults;
  /** Characters per request (-1: no limit). Default 5000. */
  charLimit?: number;
  /** Texts per request (-1: no limit). Default -1. */
  batchLimit?: number;
  log?: ((line: string) => void) | null;
}

export interface LibreTranslateServer {
  url: string;
  port: number;
  requests: LibreTranslateRequestRecord[];
  setFaults(faults?: LibreTranslateFaults): void;
  close(): Promise<void>;
}

export function startLibreTranslateServer(
  options?: LibreTranslateServerOptions,
): Promise<LibreTranslateServer>;
