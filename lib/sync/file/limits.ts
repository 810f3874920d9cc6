/** Records handed to the sink at a time: big enough for one quick transaction, small enough to stream. */
export const BATCH_SIZE = 2_000;
/**
 * The longest record (CSV row, NDJSON line) read: 1 MiB. A longer one is an unclosed quote
 * swallowing the rest of the file, or no CSV at all; reading on would hold it all in memory.
 */
export const MAX_RECORD_CHARS = 1 << 20;
/** A JSON document that is an object (`{"results": […]}`) is parsed whole, up to this size; a list streams (see readJson). */
export const MAX_JSON_CHARS = 64 << 20;
/** Problems kept per file and per import; counts go on beyond. */
export const MAX_PROBLEMS = 1_000;
/** Bad rows kept for badRowsCsv(); the report says when there were more. */
export const MAX_BAD_ROWS = 10_000;
/** Rows a preview reads. */
export const PREVIEW_ROWS = 100;
