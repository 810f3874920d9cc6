/**
 * Scoring benchmark against DESIGN.md's performance targets: all scores of one account with
 * 1,000 touchpoints (≤ 1 ms), rescoring 100,000 accounts (≤ 5 s), and the options page's live
 * preview over the same accounts (no target); then the browser sections (navigation, write path,
 * import). Run with `npm run bench` (BENCH_SECTIONS=scoring,program,navigation,write-path,import picks
 * some; default all); it reports and never fails: a figure over its target is marked OVER, and
 * the exit code stays 0.
 */

import { availableParallelism, loadavg } from 'node:os';
import type { AccountRows } from '../lib/accounts/account-rows';
import { scoreAccount } from '../lib/scoring/account-view';
import { scoreEngagement } from '../lib/scoring/engagement';
import { gradeAccount } from '../lib/scoring/grade';
import { nextActions } from '../lib/scoring/next-actions';
import { previewSettings } from '../lib/scoring/preview';
import { recommendTier } from '../lib/scoring/tier';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { PRESETS } from '../lib/settings/presets';
import { benchColdStart } from './bench/cold-start';
import { busyAccount, demoRows } from './bench/fixtures';
import { benchImport } from './bench/import';
import { benchLookupAt, lookupRows } from './bench/lookup';
import { heapUsedMb, mean, percentile, type Row, table, timeEach, timeOnce } from './bench/measure';
import { benchNavigation, navigationBenchUnavailable } from './bench/navigation';
import { benchRescoreInChromium, queryRows, scoreRows } from './bench/program';
import { benchEditShown, benchPush } from './bench/write-path';

const NOW = Date.UTC(2026, 10, 18, 12);
const ACCOUNTS = 100_000;
const settings = DEFAULT_SETTINGS;
/** Results flow here so that the engine cannot drop the work as unused. */
let sink = 0;
const log = (text: string) => process.stdout.write(`${text}\n`);
/** Sections that could not run here: the verdict names them rather than call the figures complete. */
const skipped: string[] = [];
const skip = (what: string, why: string) => {
  skipped.push(what);
  log(`${what}: skipped, ${why}`);
};

/** (a) One account with 1,000 touchpoints and 20 contacts: many timed calls after a warm-up. */
function oneAccount(): Row[] {
  const { account, contacts, touchpoints } = busyAccount(NOW);
  const all = () => (sink += scoreAccount(account, contacts, touchpoints, settings, NOW).actions.length);
  const times = timeEach(all, 5_000, 1_000);
  // Where the time goes, by part, so that an OVER says what to look at.
  const v = scoreAccount(account, contacts, touchpoints, settings, NOW);
  const inputs = { ...v, touchpoints, settings, now: NOW };
  const parts: [string, () => unknown][] = [
    ['grade', () => gradeAccount(account, settings.icp)],
    ['engagement', () => scoreEngagement(touchpoints, contacts, settings.engagement, NOW)],
    ['tier', () => recommendTier(account, v.grade, v.engagement, settings)],
    ['next actions', () => nextActions(inputs)],
  ];
  const breakdown = parts.map(([name, fn]) => `${name} ${mean(timeEach(fn, 2_000, 200)).toFixed(3)} ms`);
  log(
    `(a) one account, ${touchpoints.length} touchpoints, ${contacts.length} contacts, ${times.length} runs` +
      ` after 1,000 warm-up; of which ${breakdown.join(', ')} (means)`,
  );
  const row = (stat: string, ms: number): Row => ({
    what: `one account, 1k touchpoints: ${stat}`,
    measured: ms,
    unit: 'ms',
    target: 1,
  });
  return [row('p50', percentile(times, 50)), row('p95', percentile(times, 95)), row('mean', mean(times))];
}

/** (b) Rescoring every account, the touchpoints grouped by account beforehand; only the loop is timed. */
function rescoreAll(rows: readonly AccountRows[]): Row[] {
  const score = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = rows[i] as AccountRows;
      sink += scoreAccount(r.account, r.contacts, r.touchpoints, settings, NOW).engagement.score;
    }
  };
  score(0, 5_000);
  const heapBefore = heapUsedMb();
  const passes = [0, 1, 2].map(() => timeOnce(() => score(0, rows.length)).ms / 1_000);
  const seconds = [...passes].sort((a, b) => a - b)[1] as number;
  log(
    `(b) rescoring ${rows.length.toLocaleString('en-US')} accounts: 3 passes, ${passes.map((s) => `${s.toFixed(2)} s`).join(', ')}; the median counts`,
  );
  return [
    { what: `rescore ${rows.length.toLocaleString('en-US')} accounts`, measured: seconds, unit: 's', target: 5 },
    { what: 'rescore throughput', measured: rows.length / seconds, unit: 'accounts/s', note: '5 s target = 20,000/s' },
    {
      what: `heap used, ${rows.length.toLocaleString('en-US')} accounts loaded`,
      measured: heapBefore,
      unit: 'MB',
      note: `${heapUsedMb().toFixed(0)} MB after the passes`,
    },
  ];
}

/** (c) The options page's live preview over every account, once per tier model. */
function preview(rows: readonly AccountRows[]): Row[] {
  return (['three_tier', 'icp_ladder'] as const).map((id) => {
    previewSettings(rows.slice(0, 5_000), PRESETS[id].settings, NOW);
    const { ms, result } = timeOnce(() => previewSettings(rows, PRESETS[id].settings, NOW));
    sink += result.notRecommended;
    return { what: `settings preview, ${id.replace('_', ' ')}`, measured: ms / 1_000, unit: 's' };
  });
}

/** What the accounts hold, so that the figures can be read against the data. */
function summarise(rows: readonly AccountRows[]): string {
  const touches = rows.reduce((n, r) => n + r.touchpoints.length, 0);
  const contacts = rows.reduce((n, r) => n + r.contacts.length, 0);
  const tiered = rows.filter((r) => r.account.assignedTier !== undefined).length;
  const mostTouches = rows.reduce((m, r) => Math.max(m, r.touchpoints.length), 0);
  return `${touches.toLocaleString('en-US')} touchpoints (max ${mostTouches} on one account), ${contacts.toLocaleString('en-US')} contacts, ${tiered.toLocaleString('en-US')} tiered`;
}

/** (d) Navigation → badge and side panel updated, in Chromium, warm worker, beside a minimal extension. */
async function navigation(): Promise<Row[]> {
  const unavailable = navigationBenchUnavailable();
  if (unavailable) {
    skip('(d) navigation in Chromium', unavailable);
    return [];
  }
  const f = await benchNavigation(ACCOUNTS, 200, 60);
  log(
    `(d) navigation in Chromium: ${f.runs} in-app navigations and ${f.loads} page loads between companies (after 10 untimed of each), ${f.accounts.toLocaleString('en-US')} accounts in a file generation, warm worker;` +
      ` alternating with a minimal extension (one indexed read, then the badge) in a second Chromium with the same accounts;` +
      ` page loads timed from the page's response; load average ${f.load.map((l) => l.toFixed(1)).join(' → ')} on ${availableParallelism()} cores`,
  );
  const row = (what: string, values: number[], q: number, target?: number): Row => ({
    what,
    measured: percentile(values, q),
    unit: 'ms',
    target,
  });
  const ratio = (what: string, values: number[], minimal: number[], q: number): Row => ({
    what,
    measured: percentile(values, q) / percentile(minimal, q),
    unit: '×',
    target: 2,
  });
  const cold: Row[] = [];
  if (typeof WebSocket === 'undefined') {
    skip('(e) stopped worker', 'needs WebSocket (Node 22, or Node 20 with --experimental-websocket)');
  } else {
    const samples = await benchColdStart(ACCOUNTS, 20);
    log(
      `(e) stopped worker: ${samples.length} navigations, each after stopping the service worker, as the browser does when idle`,
    );
    cold.push({ what: 'stopped worker → panel state: p50', measured: percentile(samples, 50), unit: 'ms' });
    cold.push(row('stopped worker → panel state: p95', samples, 95, 200));
  }
  return [
    ...cold,
    row('in-app navigation → panel state: p50', f.state.inApp, 50, 30),
    row('in-app navigation → panel state: p95', f.state.inApp, 95, 50),
    row('in-app navigation → badge: p50', f.badge.inApp, 50, 30),
    row('in-app navigation → badge: p95', f.badge.inApp, 95, 50),
    row('minimal extension, in-app navigation → badge: p50', f.minimal.inApp, 50),
    row('minimal extension, in-app navigation → badge: p95', f.minimal.inApp, 95),
    ratio('in-app navigation → badge, Tierlens ÷ minimal: p50', f.badge.inApp, f.minimal.inApp, 50),
    ratio('in-app navigation → badge, Tierlens ÷ minimal: p95', f.badge.inApp, f.minimal.inApp, 95),
    row('page load → badge: p50', f.badge.load, 50),
    row('page load → badge: p95', f.badge.load, 95),
    row('minimal extension, page load → badge: p50', f.minimal.load, 50),
    row('minimal extension, page load → badge: p95', f.minimal.load, 95),
    ratio('page load → badge, Tierlens ÷ minimal: p50', f.badge.load, f.minimal.load, 50),
    ratio('page load → badge, Tierlens ÷ minimal: p95', f.badge.load, f.minimal.load, 95),
  ];
}

/** (g) The write path: edit → shown in the side panel (Chromium), and 1,000 queued edits pushed. */
async function writePath(): Promise<Row[]> {
  const rows: Row[] = [];
  const unavailable = navigationBenchUnavailable();
  if (unavailable) skip('(g) edit → shown', unavailable);
  else {
    const f = await benchEditShown(40);
    log(
      `(g) edit → shown: ${f.edits} tags added in the side panel one after another (demo data), click → chip on screen, the edit on disk (strict durability) first`,
    );
    rows.push(
      {
        what: 'edit → shown in the panel: p50',
        measured: percentile(f.shownMs, 50),
        unit: 'ms',
        note: 'none in DESIGN.md',
      },
      {
        what: 'edit → shown in the panel: p95',
        measured: percentile(f.shownMs, 95),
        unit: 'ms',
        note: 'none in DESIGN.md',
      },
    );
  }
  const push = await benchPush(1_000);
  log(
    `(g) push: ${push.edits} queued edits (roles on 500 contacts, tags on 500 companies) to the HubSpot-compatible server on 127.0.0.1 in ${push.ms.toFixed(0)} ms, ${push.requests} requests (batches of 100: read, then write); outbox in fake-indexeddb`,
  );
  rows.push({
    what: 'push throughput, 1,000 queued edits',
    measured: (push.edits / push.ms) * 1_000,
    unit: 'edits/s',
    note: `${(push.ms / 1_000).toFixed(2)} s, ${push.requests} requests`,
  });
  return rows;
}

/** (h) The program view: filter and sort at 100k and 500k accounts, and a full rescoring in the background. */
async function program(rows: readonly AccountRows[]): Promise<Row[]> {
  // BENCH_PROGRAM_QUERIES=0: the rescoring in Chromium alone (the queries take minutes at 500k).
  const out = process.env.BENCH_PROGRAM_QUERIES === '0' ? [] : queryRows(scoreRows(rows, NOW), NOW, log);
  const unavailable = navigationBenchUnavailable();
  if (unavailable) {
    skip('(h) rescoring in Chromium', unavailable);
    return out;
  }
  // BENCH_RESCORE_ACCOUNTS: another size (the issue's 500,000).
  const size = Number(process.env.BENCH_RESCORE_ACCOUNTS ?? ACCOUNTS);
  // Background work rests at its pauses while someone browses (lib/background/foreground.ts):
  // timed once with nobody browsing, once with navigations back to back.
  const quiet = await benchRescoreInChromium(size, false);
  const r = await benchRescoreInChromium(size);
  log(
    `(h) full rescoring in the background, ${r.scored.toLocaleString('en-US')} accounts in a file generation (Chromium, built extension): ${(r.wallMs / 1_000).toFixed(1)} s from the data change to the new scores visible; ${r.during.length} in-app navigations during it, ${r.after.length} after`,
  );
  const ms = (what: string, values: number[], q: number, target?: number): Row => ({
    what,
    measured: percentile(values, q),
    unit: 'ms',
    target,
  });
  return [
    ...out,
    // DESIGN.md's "rescoring 100k accounts ≤ 5 s", pro rata at other sizes (the issue's 500,000:
    // 25 s), held to the whole run: reading the accounts, scoring them (b alone), writing the rows.
    {
      what: `full rescoring in the background, ${quiet.scored.toLocaleString('en-US')}, nobody browsing`,
      measured: quiet.tookMs / 1_000,
      unit: 's',
      target: (5 * quiet.scored) / 100_000,
    },
    {
      what: `full rescoring in the background, ${r.scored.toLocaleString('en-US')}, navigating non-stop`,
      measured: r.tookMs / 1_000,
      unit: 's',
      note: 'rests while browsing',
    },
    ms('in-app navigation → badge during rescoring: p50', r.during, 50, 30),
    ms('in-app navigation → badge during rescoring: p95', r.during, 95, 50),
    ms('in-app navigation → badge after: p50', r.after, 50, 30),
    ms('in-app navigation → badge after: p95', r.after, 95, 50),
  ];
}

/**
 * (d2) Lookup by key at 100,000 and 500,000 accounts (BENCH_LOOKUP_SIZES), written straight into
 * a file generation: the import section measures the same after its (much longer) import.
 */
async function lookups(): Promise<Row[]> {
  const unavailable = navigationBenchUnavailable();
  if (unavailable) {
    skip('(d2) lookup in Chromium', unavailable);
    return [];
  }
  const sizes = (process.env.BENCH_LOOKUP_SIZES ?? '100000,500000').split(',').map(Number).filter(Boolean);
  const rows: Row[] = [];
  for (const accounts of sizes) {
    const f = await benchLookupAt(accounts);
    const label = `lookup at ${accounts.toLocaleString('en-US')}`;
    log(
      `(d2) ${label}: ${f.runs} random accounts after 200 warm-up, over ${f.databases.join(' + ')}, in an extension page; load average ${loadavg()[0]?.toFixed(1)}`,
    );
    rows.push(...lookupRows(label, f, accounts));
  }
  return rows;
}

/** The sections to run, from BENCH_SECTIONS (comma-separated; default all). */
const SECTIONS = ['scoring', 'program', 'navigation', 'lookup', 'write-path', 'import'] as const;
const selected = (process.env.BENCH_SECTIONS ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
const runs = (section: (typeof SECTIONS)[number]) => selected.includes(section);

async function main(): Promise<void> {
  log(`Node ${process.version}, ${process.arch}; settings: defaults (three ABM tiers)\n`);
  const results: Row[] = [];
  let rows: AccountRows[] | undefined;
  if (runs('scoring')) {
    results.push(...oneAccount());
    const generated = timeOnce(() => demoRows(NOW, ACCOUNTS));
    rows = generated.result;
    log(
      `    demo data: ${rows.length.toLocaleString('en-US')} accounts (the 2,000 demo accounts, copied) built and grouped in ${(generated.ms / 1_000).toFixed(1)} s (not timed below): ${summarise(rows)}`,
    );
    results.push(...rescoreAll(rows));
    const previews = preview(rows);
    log(`(c) settings preview over the same accounts, after a 5,000-account warm-up\n`);
    results.push(...previews);
  }
  if (runs('program')) results.push(...(await program(rows ?? demoRows(NOW, ACCOUNTS))));
  if (runs('navigation')) results.push(...(await navigation()));
  if (runs('lookup')) results.push(...(await lookups()));
  if (runs('write-path')) results.push(...(await writePath()));
  if (runs('import')) results.push(...(await benchImport(log, skip)));
  log(table(results));
  const over = results.filter((r) => r.target !== undefined && r.measured > r.target);
  log(
    over.length
      ? `\nOVER target: ${over.map((r) => r.what).join('; ')}`
      : '\nAll measured figures within DESIGN.md targets.',
  );
  if (skipped.length) log(`NOT MEASURED (see above): ${skipped.join('; ')}`);
}

void main();
