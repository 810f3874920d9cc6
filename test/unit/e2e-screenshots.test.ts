import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Screenshots the end-to-end tests take are for a person to look at in the report: each goes to
 * the test's own folder under Playwright's outputDir (`testInfo.outputPath`, cleared before each
 * run) and is attached, never written to /tmp or elsewhere where it outlives the run, collides
 * with a parallel run's, or goes unseen.
 */
const E2E = fileURLToPath(new URL('../e2e', import.meta.url));
const files = readdirSync(E2E, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ name: relative(E2E, join(E2E, file)), text: readFileSync(join(E2E, file), 'utf8') }));
const shooting = files.filter((f) => /\.screenshot\(/.test(f.text));

describe('the end-to-end tests’ screenshots', () => {
  it('are taken somewhere (else this check checks nothing)', () => {
    expect(shooting.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.name, f.text]))('%s writes nothing to /tmp', (_name, text) => {
    expect(text).not.toMatch(/['"`]\/tmp\b/);
  });

  it.each(shooting.map((f) => [f.name, f.text]))(
    '%s names each screenshot’s path by outputPath, not a literal, and attaches it',
    (_name, text) => {
      expect(text).not.toMatch(/\.screenshot\(\s*\{\s*path:\s*['"`]/);
      expect(text).toMatch(/\.outputPath\(/);
      expect(text).toMatch(/\.attach\(/);
    },
  );
});
