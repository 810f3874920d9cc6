/**
 * Test helpers for the website detector: the committed real pages and small synthetic ones.
 * Imported by tests only; the unit tests run in Node, where linkedom (a WXT dependency) parses HTML.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

/** A document from HTML, as the detector sees it in a content script. */
export const parse = (html: string): Document => parseHTML(html).document as unknown as Document;

/** The text of a committed page in test/fixtures/sites/. */
export const siteFixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/sites/${name}`, import.meta.url), 'utf8');

/** A JSON-LD script holding `data`, with `</` escaped as a real page must. */
export const jsonLd = (data: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(data).replaceAll('</', '<\\/')}</script>`;

/** A synthetic page: `head` and `body` markup as given. */
export const page = ({ head = '', body = '' }: { head?: string; body?: string }): Document =>
  parse(`<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`);
