/**
 * Why a file cannot be read on: thrown by the readers, caught by the importer, which reports
 * it at `row` (0: the file as a whole) and keeps the rows before it.
 */
export class FileStop extends Error {
  readonly row: number;
  constructor(reason: string, row = 0) {
    super(reason);
    this.name = 'FileStop';
    this.row = row;
  }
}

/** Signatures of files people pick by mistake, for a message that says what they picked. */
function sniffBinary(first: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => first[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return 'this is a ZIP archive or an Excel workbook (.xlsx), not CSV or JSON text: unzip it, or save the sheet as "CSV UTF-8"';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return 'this is an old Excel workbook (.xls), not CSV text: save it as "CSV UTF-8"';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'this is a PDF, not CSV or JSON text';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'this text is UTF-16: save it again as "CSV UTF-8"';
  return undefined;
}

/** One decoded piece of a file and how many bytes have been read up to its end. */
export interface TextChunk {
  text: string;
  bytesRead: number;
  /** Set when the file is not UTF-8 and is read as Windows-1252 instead (readText). */
  encoding?: 'windows-1252';
}

/** What a user is told when a file is read as Windows-1252. */
export const WINDOWS_1252_WORDS =
  'the file is not UTF-8 text: it was read as Windows-1252 (Western European), the encoding Excel saves "CSV" in; check that accented names look right, or save it as "CSV UTF-8"';

/**
 * Lead bytes of two-byte UTF-8 sequences that UTF-8 text in a CRM is made of: Latin-1 symbols
 * and letters (C2, C3: £, °, «, é, ü), Latin Extended-A and -B (C4, C5, C8: ł, š, ș), Greek (CE,
 * CF), Cyrillic (D0, D1), Hebrew and Arabic (D7–DB). Read as Windows-1252 they are Â, Ã, Ä, Å, È,
 * Î, Ï, Ð, Ñ, ×, Ø, Ù, Ú, Û followed by a symbol ("Ã©", "Â£"), which is the mark of UTF-8 read
 * wrongly, not text. Other pairs do occur in Windows-1252 text: a capital letter
 * before a quote or a no-break space ("SOCIÉTÉ»" is C9 BB, "É’" C9 92).
 */
const UTF8_LEADS = new Set([0xc2, 0xc3, 0xc4, 0xc5, 0xc8, 0xce, 0xcf, 0xd0, 0xd1, 0xd7, 0xd8, 0xd9, 0xda, 0xdb]);

/**
 * Whether `bytes` hold a well-formed UTF-8 sequence that Windows-1252 text does not hold by
 * chance: three or four bytes, or two with a lead of UTF8_LEADS. One that also fails as UTF-8
 * mixes the two encodings, or is damaged.
 */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const length = UTF8_LEADS.has(b) ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) continue;
    let k = 1;
    while (k < length && i + k < bytes.length && ((bytes[i + k] as number) & 0xc0) === 0x80) k++;
    if (k === length) return true;
  }
  return false;
}

/** Bytes at or above 0x80 at the end of a chunk: what a streaming UTF-8 decoder holds back. */
function heldBack(bytes: Uint8Array | undefined): Uint8Array {
  if (!bytes) return new Uint8Array(0);
  let from = bytes.length;
  while (from > 0 && bytes.length - from < 3 && (bytes[from - 1] as number) >= 0x80) from--;
  return bytes.slice(from);
}

/**
 * A file's bytes, unpacked when they are gzip (a team feed's shards, `gzip` of an export), with
 * how many of the file's own bytes have been read then (for progress against its size); for
 * any other file, its reader as it is.
 */
async function unpacked(
  stream: ReadableStream<Uint8Array>,
): Promise<{ reader: ReadableStreamDefaultReader<Uint8Array>; fileBytes?: () => number }> {
  const source = stream.getReader();
  const first = await source.read();
  let read = first.value?.byteLength ?? 0;
  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.value) controller.enqueue(first.value);
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await source.read();
      if (next.done) controller.close();
      else {
        read += next.value.byteLength;
        controller.enqueue(next.value);
      }
    },
    cancel: (reason) => source.cancel(reason),
  });
  const gzip = first.value?.[0] === 0x1f && first.value[1] === 0x8b;
  if (!gzip) return { reader: replay.getReader() };
  return {
    reader: replay
      .pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
      .getReader(),
    fileBytes: () => read,
  };
}

/**
 * A file's bytes as UTF-8 text, a chunk at a time, with the byte-order mark dropped. Binary
 * files (NUL bytes, known signatures) stop with a FileStop that says so. A file that is not
 * UTF-8 before any other non-ASCII character is read as Windows-1252, as Excel saves "CSV" in
 * much of Europe (each chunk then says so); one that stops being UTF-8 after UTF-8 text is
 * mixed or damaged, and stops. Reading stops when `signal` aborts: the stream is cancelled, not drained.
 */
export async function* readText(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<TextChunk> {
  const { reader, fileBytes } = await unpacked(stream);
  // fatal: a byte sequence that is not UTF-8 throws rather than becoming U+FFFD silently.
  let decoder = new TextDecoder('utf-8', { fatal: true });
  let encoding: TextChunk['encoding'];
  let nonAscii = false;
  let previous: Uint8Array | undefined;
  let bytesRead = 0;
  try {
    for (;;) {
      if (signal?.aborted) return;
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (!fileBytes) throw error;
        throw new FileStop(`the gzip file is damaged: ${(error as Error).message}`);
      }
      const { done, value } = next;
      if (value && bytesRead === 0) {
        const binary = sniffBinary(value);
        if (binary) throw new FileStop(binary);
        // A UTF-8 byte-order mark says what the file is: it is never read as anything else.
        if (value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf) nonAscii = true;
      }
      let text: string;
      try {
        text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        // The bytes the UTF-8 decoder held back from the last chunk, then this one.
        const held = heldBack(previous);
        const bytes = new Uint8Array(held.length + (value?.length ?? 0));
        bytes.set(held);
        if (value) bytes.set(value, held.length);
        if (nonAscii || hasUtf8Sequence(bytes)) {
          throw new FileStop(
            `the file is UTF-8 text in part only (it turns invalid before byte ${(bytesRead + (value?.length ?? 0)).toLocaleString('en-US')}): it is damaged or mixes encodings; save it again as "CSV UTF-8"`,
          );
        }
        // Nothing but ASCII before, which reads the same in both: the rest is Windows-1252.
        decoder = new TextDecoder('windows-1252');
        encoding = 'windows-1252';
        text = decoder.decode(bytes, { stream: !done });
      }
      if (value) bytesRead = fileBytes ? fileBytes() : bytesRead + value.byteLength;
      previous = value;
      if (text.includes('\u0000'))
        throw new FileStop('the file contains NUL bytes: it is binary, not CSV or JSON text');
      if (!nonAscii && /[\u0080-\uffff]/.test(text)) nonAscii = true;
      if (text) yield encoding ? { text, bytesRead, encoding } : { text, bytesRead };
      if (done) return;
    }
  } finally {
    // Cancelling (rather than only releasing) lets a file reader or fs stream free its handle.
    await reader.cancel().catch(() => undefined);
  }
}
