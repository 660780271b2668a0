/**
 * Limits on what the reader may open, apart from the code that enforces them, so the start page
 * can state them without loading the decoder.
 */

/** Files above this size are refused before any decoding work (20 MiB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
