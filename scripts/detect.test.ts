import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** Runs `npm run detect` as a developer would (tsx directly, to spare npm's startup) and parses its JSON. */
async function detect(url: string, html: string): Promise<{ subject: Record<string, unknown> | null; keys: string[] }> {
  const { stdout } = await promisify(execFile)(TSX, ['scripts/detect.ts', '--url', url, '--html', html], { cwd: ROOT });
  return JSON.parse(stdout);
}

// Each spawn starts tsx (about a second): one per detector family.
describe('npm run detect', () => {
  it('runs the LinkedIn detector on a LinkedIn URL: the real Audiense page', { timeout: 30_000 }, async () => {
    const result = await detect(
      'https://www.linkedin.com/company/10529043/',
      'test/fixtures/linkedin/company_audiense_uk_metascraper.html',
    );
    expect(result.subject).toMatchObject({ site: 'linkedin', kind: 'company' });
    expect(result.keys).toEqual(expect.arrayContaining(['li#10529043', 'li:audiense', 'dom:audiense.com']));
  });

  it('runs the website detector elsewhere: the real postplanner article', { timeout: 30_000 }, async () => {
    const result = await detect(
      'https://www.postplanner.com/get-more-likes-fans-facebook-page/',
      'test/fixtures/sites/postplanner.html',
    );
    expect(result.subject).toMatchObject({ site: 'website', kind: 'website', company: { name: 'Post Planner' } });
    expect(result.keys).toEqual(['li:post-planner', 'dom:postplanner.com', 'name:post planner']);
  });
});
