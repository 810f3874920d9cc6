import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Chromium build that the unit tests of built files read, checked before it is read: a test
 * of a missing or stale build would pass or fail on code that is no longer the project's.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD = join(ROOT, '.output/chrome-mv3');

/** Project files an import specifier names: relative or `@/`/`~/` (the root); packages are not followed. */
function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else if (/^[@~]\//.test(specifier)) base = join(ROOT, specifier.slice(2));
  else return undefined;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The project's source files `entries` are built from: the entries and everything they import, transitively. */
export function sourcesOf(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => join(ROOT, entry));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const imported = specifier && resolveImport(file, specifier);
      if (imported) queue.push(imported);
    }
  }
  return [...seen];
}

/**
 * Throws, saying what to run, when the built file `built` is missing or older than one of
 * `sources` (absolute paths; one that does not exist is no reason to rebuild).
 */
export function assertFresh(built: string, sources: readonly string[]): void {
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npx wxt build\` before these tests`);
  const builtAt = statSync(built).mtimeMs;
  const newer = sources.filter((file) => existsSync(file) && statSync(file).mtimeMs > builtAt);
  if (newer.length > 0) {
    const names = newer.map((file) => relative(ROOT, file)).join(', ');
    throw new Error(`${built} is older than its sources (${names}): run \`npx wxt build\` before these tests`);
  }
}

/**
 * The text of a built file (`path` inside .output/chrome-mv3), after checking that it exists and
 * is newer than every source it is built from (`entries`, with what they import, the build
 * configuration and the locked dependencies). Throws, saying what to run, otherwise.
 */
export function readBuilt(path: string, entries: readonly string[]): string {
  const built = join(BUILD, path);
  assertFresh(built, sourcesOf([...entries, 'wxt.config.ts']).concat(join(ROOT, 'package-lock.json')));
  return readFileSync(built, 'utf8');
}

/** The files under a project folder (`entrypoints`), relative to the root. */
function filesUnder(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((file) => join(dir, file))
    .filter((file) => statSync(join(ROOT, file)).isFile());
}

/**
 * The built manifest's text, checked fresh against what WXT makes it from: wxt.config.ts, every
 * entrypoint (their options add content scripts, pages and the worker) with what it imports,
 * the public files (the icons) and package.json (the version).
 */
export function readBuiltManifest(): string {
  return readBuilt('manifest.json', [...filesUnder('entrypoints'), ...filesUnder('public'), 'package.json']);
}

/** The content scripts the build holds, by name (`linkedin` for content-scripts/linkedin.js). */
export function builtContentScripts(): string[] {
  const dir = join(BUILD, 'content-scripts');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npx wxt build\` before these tests`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.slice(0, -'.js'.length));
}

/** A content script's built code, checked fresh against `entrypoints/<name>.content.ts` and its imports. */
export function readContentScript(name: string): string {
  const entry = ['ts', 'tsx']
    .flatMap((ext) => [`entrypoints/${name}.content.${ext}`, `entrypoints/${name}.content/index.${ext}`])
    .find((file) => existsSync(join(ROOT, file)));
  if (!entry) throw new Error(`no entrypoint for the built content script ${name}`);
  return readBuilt(`content-scripts/${name}.js`, [entry]);
}
