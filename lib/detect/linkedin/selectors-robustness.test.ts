import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { companyPageSelectors } from './company/selectors';
import { profileSelectors } from './profile/selectors';
import { salesNavigatorSelectors } from './sales-navigator/selectors';

/** Every LinkedIn selector file, by page family, with its source for the comment check. */
const FAMILIES = [
  { family: 'company', file: './company/selectors.ts', selectors: companyPageSelectors },
  { family: 'profile', file: './profile/selectors.ts', selectors: profileSelectors },
  { family: 'sales-navigator', file: './sales-navigator/selectors.ts', selectors: salesNavigatorSelectors },
];

const EVERY_SELECTOR = FAMILIES.flatMap(({ family, selectors }) =>
  Object.entries(selectors).flatMap(([key, alternatives]: [string, readonly string[]]) =>
    alternatives.map((selector) => [family, key, selector] as const),
  ),
);

/** A class name that looks generated (`Xk29aQpl`): no separators, mixed case or letters mixed with digits. */
const looksHashed = (className: string): boolean =>
  !/[-_]/.test(className) && className.length >= 5 && /[A-Z]/.test(className) && /[a-z0-9]/.test(className);

const classNamesOf = (selector: string): string[] =>
  [...selector.replace(/"[^"]*"|'[^']*'/g, '""').matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].flatMap((m) => m[1] ?? []);

describe('the hashed-class and positional checks themselves', () => {
  it.each(['Xk29aQpl', 'Dm3pYtq', 'Qx81LmA'])('recognises %s, from the synthetic pages, as a hashed class', (name) => {
    expect(looksHashed(name)).toBe(true);
  });

  it.each(['org-top-card-summary__title', 'top-card-layout__title', 't-24', 'global-nav', 'text-body-medium'])(
    'recognises %s as a stable class',
    (name) => {
      expect(looksHashed(name)).toBe(false);
    },
  );

  it('reads the class names out of a selector, ignoring dots in attribute values', () => {
    expect(classNamesOf('h1.org-top-card-summary__title a.Xk29aQpl[href="www.acme.example"]')).toEqual([
      'org-top-card-summary__title',
      'Xk29aQpl',
    ]);
  });
});

describe('every LinkedIn selector', () => {
  it('lives in one selectors.ts per page family, with alternatives for every key', () => {
    for (const { selectors } of FAMILIES) {
      for (const alternatives of Object.values(selectors)) expect(alternatives.length).toBeGreaterThan(0);
    }
  });

  it.each(EVERY_SELECTOR)('%s %s: %s is not positional', (_family, _key, selector) => {
    expect(selector).not.toMatch(/:nth-|:first-child|:last-child|:first-of-type|:last-of-type|:only-/);
    expect(selector).not.toMatch(/\[\d+\]/);
  });

  it.each(EVERY_SELECTOR)('%s %s: %s uses no hashed class name', (_family, _key, selector) => {
    expect(classNamesOf(selector).filter(looksHashed)).toEqual([]);
  });

  const empty = parseHTML('<html><body></body></html>').document;
  it.each(EVERY_SELECTOR)('%s %s: %s is a valid selector', (_family, _key, selector) => {
    expect(() => empty.querySelectorAll(selector)).not.toThrow();
  });

  const KEYS = FAMILIES.flatMap(({ family, file, selectors }) =>
    Object.keys(selectors).map((key) => [family, key, file] as const),
  );
  it.each(KEYS)('%s %s has a comment saying what it finds', (_family, key, file) => {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8');
    const at = source.search(new RegExp(`\\n\\s*${key}: \\[`));
    expect(at).toBeGreaterThan(0);
    expect(source.slice(0, at).trimEnd()).toMatch(/\*\/$/);
  });
});
