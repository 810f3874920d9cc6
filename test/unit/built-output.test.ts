import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertFresh } from './built-output';

/**
 * The check the tests of built files make before they read one: a missing or stale build fails
 * with what to run, rather than passing or failing on code that is no longer the project's.
 */
describe('assertFresh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-built-output-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** A file in the scratch folder, last modified at `seconds` (epoch). */
  const file = (name: string, seconds: number): string => {
    const path = join(dir, name);
    writeFileSync(path, name);
    utimesSync(path, seconds, seconds);
    return path;
  };

  it('passes a build newer than every source', () => {
    const built = file('fresh.json', 2_000);
    expect(() => assertFresh(built, [file('a.ts', 1_000), file('b.ts', 1_999)])).not.toThrow();
  });

  it('fails on a missing build, saying to build', () => {
    expect(() => assertFresh(join(dir, 'never-built.json'), [])).toThrow(
      /never-built\.json is missing: run `npx wxt build` before these tests/,
    );
  });

  it('fails on a build older than a source, naming the newer sources and saying to build', () => {
    const built = file('stale.json', 2_000);
    const sources = [file('old.ts', 1_000), file('edited.ts', 3_000), file('also-edited.ts', 2_001)];
    expect(() => assertFresh(built, sources)).toThrow(
      /stale\.json is older than its sources \(.*edited\.ts, .*also-edited\.ts\): run `npx wxt build`/,
    );
    expect(() => assertFresh(built, sources)).not.toThrow(/old\.ts/);
  });

  it('does not ask for a build for a source that no longer exists', () => {
    const built = file('after-delete.json', 2_000);
    expect(() => assertFresh(built, [join(dir, 'deleted.ts')])).not.toThrow();
  });
});
