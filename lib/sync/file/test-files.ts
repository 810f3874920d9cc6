import { readFileSync } from 'node:fs';
import type { ImportFile } from './types';

/** A file whose stream delivers `content` in chunks of `chunkSize` bytes (or the given chunks), for tests. */
export function memoryFile(
  name: string,
  content: string | Uint8Array | Uint8Array[],
  chunkSize = 64 * 1024,
): ImportFile {
  const chunks = (): Uint8Array[] => {
    if (Array.isArray(content)) return content;
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const out: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += chunkSize) out.push(bytes.slice(i, i + chunkSize));
    return out;
  };
  return {
    name,
    stream: () => {
      const queue = chunks();
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = queue.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
    },
  };
}

/** A fixture of test/fixtures/imports as an ImportFile. */
export function fixtureFile(name: string, chunkSize?: number): ImportFile {
  return memoryFile(name, readFileSync(new URL(`../../../test/fixtures/imports/${name}`, import.meta.url)), chunkSize);
}
