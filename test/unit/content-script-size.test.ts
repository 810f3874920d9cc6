import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The LinkedIn content script runs on every LinkedIn page: DESIGN.md caps it at 35 kB minified
 * with the browser API polyfill (webextension-polyfill, through `wxt/browser`), and no React,
 * Dexie or zod in it. Reads the Chromium build (`npm run build` first).
 */
const SCRIPT = fileURLToPath(new URL('../../.output/chrome-mv3/content-scripts/linkedin.js', import.meta.url));

describe('the LinkedIn content script', () => {
  const code = () => {
    if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run npm run build first`);
    return readFileSync(SCRIPT, 'utf8');
  };

  it('stays at or under 35 kB minified', () => {
    expect(Buffer.byteLength(code())).toBeLessThanOrEqual(35 * 1024);
  });

  // The cap counts the polyfill: a build without it would meet the cap by dropping the shared API.
  it('carries the webextension-polyfill browser, not the bare chrome/browser global', () => {
    expect(code()).toContain('This script should only be loaded in a browser extension.');
    expect(code()).not.toMatch(/globalThis\.browser\?\.runtime\?\.id\?globalThis\.browser:globalThis\.chrome/);
  });

  it.each([
    ['React', /react\.element|__REACT_DEVTOOLS|useState/],
    ['Dexie', /Dexie|indexedDB\.open/],
    ['zod', /ZodError|\$ZodType/],
    // tldts ships the Public Suffix List's rules; its private suffixes name these hosts.
    ['the Public Suffix List (tldts)', /blogspot|amazonaws/],
  ])('carries no %s', (_name, marker) => {
    expect(code()).not.toMatch(marker);
  });
});
