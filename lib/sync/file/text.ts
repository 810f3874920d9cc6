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
  if (starts(0x1f, 0x8b)) return 'this file is gzip-compressed: unpack it first';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'this is a PDF, not CSV or JSON text';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'this text is UTF-16: save it again as "CSV UTF-8"';
  return undefined;
}

/** One decoded piece of a file and how many bytes have been read up to its end. */
export interface TextChunk {
  text: string;
  bytesRead: number;
}

/**
 * A file's bytes as UTF-8 text, a chunk at a time, with the byte-order mark dropped. Binary
 * files (NUL bytes, known signatures) and text that is not UTF-8 stop with a FileStop that
 * says so. Reading stops when `signal` aborts: the stream is cancelled, not drained.
 */
export async function* readText(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<TextChunk> {
  const reader = stream.getReader();
  // fatal: a byte sequence that is not UTF-8 throws rather than becoming U+FFFD silently.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesRead = 0;
  try {
    for (;;) {
      if (signal?.aborted) return;
      const { done, value } = await reader.read();
      if (value && bytesRead === 0) {
        const binary = sniffBinary(value);
        if (binary) throw new FileStop(binary);
      }
      let text: string;
      try {
        text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        throw new FileStop(
          `the file is not UTF-8 text (near byte ${bytesRead}): it may be binary, or a CSV saved in another encoding; save it as "CSV UTF-8"`,
        );
      }
      if (value) bytesRead += value.byteLength;
      if (text.includes('\u0000'))
        throw new FileStop('the file contains NUL bytes: it is binary, not CSV or JSON text');
      if (text) yield { text, bytesRead };
      if (done) return;
    }
  } finally {
    // Cancelling (rather than only releasing) lets a file reader or fs stream free its handle.
    await reader.cancel().catch(() => undefined);
  }
}
