import { describe, expect, it } from 'vitest';
import { readContentScript } from './built-output';

/**
 * The content scripts run on every page they match: DESIGN.md caps the LinkedIn one at 35 kB
 * and the website one (every site, once allowed) at 30 kB, minified, with the browser API
 * polyfill (webextension-polyfill, through `wxt/browser`), and no React, Dexie or zod in them;
 * the background computes registrable domains, so neither carries the Public Suffix List.
 * Reads the Chromium build, and fails when it is missing or older than the scripts' sources:
 * run `npx wxt build` first.
 */
describe.each([
  ['LinkedIn', 'linkedin', 35],
  ['website', 'website', 30],
])('the %s content script', (_label, name, capKb) => {
  const code = () => readContentScript(name);

  it(`stays at or under ${capKb} kB minified`, () => {
    expect(Buffer.byteLength(code())).toBeLessThanOrEqual(capKb * 1024);
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
