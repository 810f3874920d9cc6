/**
 * How the tests and benchmarks start Chromium with the built extension: Debian's Chromium (or
 * CHROMIUM_PATH), and the flags that a closed network and a headless machine need.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The Chromium build of the extension. */
/** The built extension the benchmarks load (BENCH_EXTENSION_DIR: another build, for an A/B). */
export const EXTENSION_DIR =
  process.env.BENCH_EXTENSION_DIR ?? resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');

/** The system Chromium, or the one named by CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The Chromium path, or a clear error saying how to get one. */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return CHROMIUM;
}

/** Flags that load `extension` alone and keep Chromium off the (closed) network. */
export function extensionArgs(extension = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
}
