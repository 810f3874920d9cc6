/**
 * Detection on a saved page: `npm run detect -- --url <url> --html <file>` prints what the
 * content script would detect on that page, as JSON `{ subject, keys }`: the subject (company,
 * person, firmographics, evidence) and the company keys the background would resolve it by.
 * It runs the content scripts' own detectors: detectLinkedInPage on LinkedIn hosts,
 * detectWebsite with the default platforms elsewhere. Exit codes: 0 done (a page about no
 * company prints `"subject": null`), 1 the file cannot be read, 2 bad arguments.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { subjectKeys } from '../lib/background/tab-updates';
import { detectLinkedInPage } from '../lib/detect/linkedin/detect';
import { isLinkedInHost } from '../lib/detect/linkedin/urls';
import { DEFAULT_PLATFORMS } from '../lib/detect/platforms';
import type { PageSubject } from '../lib/detect/types';
import { detectWebsite } from '../lib/detect/website/detect';

const USAGE = `usage: npm run detect -- --url <url> --html <file>

  --url   the URL the page was saved from (http or https); it decides which detector runs
  --html  the saved page's HTML file

Prints {"subject": …, "keys": […]} as JSON.`;

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`detect: ${message}\n${code === 2 ? `\n${USAGE}\n` : ''}`);
  process.exit(code);
}

/** The URL and file from the command line, or an exit with the usage. */
function readArguments(argv: string[]): { url: string; html: string } {
  let values: { url?: string; html?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, html: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(2, error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!values.url || !values.html) fail(2, `missing ${!values.url ? '--url' : '--html'}`);
  if (!URL.canParse(values.url) || !/^https?:$/.test(new URL(values.url).protocol)) {
    fail(2, `--url must be an http(s) URL, not ${JSON.stringify(values.url)}`);
  }
  return { url: values.url, html: values.html };
}

/** The page's subject, by the detector its content script runs. */
function detectSavedPage(url: string, html: string): PageSubject | undefined {
  const doc = parseHTML(html).document as unknown as Document;
  return isLinkedInHost(new URL(url).hostname)
    ? detectLinkedInPage(url, doc)
    : detectWebsite(url, doc, { platforms: DEFAULT_PLATFORMS });
}

function main(): void {
  const { url, html: file } = readArguments(process.argv.slice(2));
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    fail(1, `cannot read --html ${file}: ${reason}`);
  }
  const subject = detectSavedPage(url, html) ?? null;
  process.stdout.write(`${JSON.stringify({ subject, keys: subject ? subjectKeys(subject) : [] }, null, 2)}\n`);
}

main();
