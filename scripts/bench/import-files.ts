/**
 * Import benchmark files, streamed to disk a few thousand lines at a time (a 500,000-account set
 * is ~500 MB of CSV and is never held in memory): accounts in HubSpot's companies export format,
 * contacts in HubSpot's contacts export format (~2 per account, linked by "Associated Company
 * IDs"), and touchpoints in Tierlens's canonical columns (~5 per account, 70% by a contact).
 * Deterministic: the same size gives the same files. Account i is "Bench Company i" with the
 * LinkedIn page /company/bench-co-i/ and the domain bench-co-i.com, as navigation.ts names them.
 */
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../lib/demo/random';

export interface ImportFileSet {
  accounts: number;
  contacts: number;
  touchpoints: number;
  /** Absolute paths, accounts first. */
  paths: string[];
  bytes: number;
}

export const CONTACTS_PER_ACCOUNT = 2;
export const TOUCHPOINTS_PER_ACCOUNT = 5;

/** The HubSpot Record ID of account i (contacts name it in "Associated Company IDs"). */
export const accountRecordId = (i: number) => 10_000_000 + i;
const contactRecordId = (i: number, k: number) => 50_000_000 + i * CONTACTS_PER_ACCOUNT + k;

const INDUSTRIES = ['Computer Software', 'Retail', 'Financial Services', 'Hospital & Health Care', 'Manufacturing'];
const COUNTRIES = ['United States', 'Germany', 'United Kingdom', 'France', 'Brazil', 'Canada', 'India'];
const TIERS = ['tier_1', 'tier_2', 'tier_3', '', '', '', ''];
const ROLES = ['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER;DECISION_MAKER', 'INFLUENCER', 'END_USER', ''];
const TITLES = ['VP Marketing', 'Head of Sales Operations', 'CFO', 'Marketing Manager', 'Director, "Revenue" Ops'];
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eitan', 'Fatima', 'Gus', 'Hana'];
const LAST = ['Silva', 'Okafor', 'Müller', 'Nguyen', "O'Brien", 'Kowalski', 'Rossi', 'Tanaka'];
const TYPES = [
  'web_visit',
  'email_open',
  'email_click',
  'ad_click',
  'content_download',
  'meeting',
  'pricing_page_visit',
];
const DAY = 86_400_000;

/** A CSV cell, quoted when it must be (RFC 4180). */
const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const line = (cells: (string | number)[]) => `${cells.map(cell).join(',')}\r\n`;

/** Writes `count` lines made by `row`, a chunk of lines per write, waiting whenever the stream asks to. */
async function writeCsv(path: string, header: string[], count: number, row: (n: number) => string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${line(header)}`);
  const CHUNK = 2_000;
  for (let from = 0; from < count; from += CHUNK) {
    let text = '';
    for (let n = from; n < Math.min(count, from + CHUNK); n++) text += row(n);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes accounts.csv, contacts.csv and touchpoints.csv for `accounts` accounts into `dir`. */
export async function writeImportFiles(dir: string, accounts: number, now: number): Promise<ImportFileSet> {
  const rng = createRng(7);
  const paths = ['accounts.csv', 'contacts.csv', 'touchpoints.csv'].map((n) => join(dir, n));
  const [accountsPath, contactsPath, touchpointsPath] = paths as [string, string, string];

  await writeCsv(
    accountsPath,
    [
      'Record ID',
      'Company name',
      'Company Domain Name',
      'Industry',
      'Number of Employees',
      'Annual Revenue',
      'Country/Region',
      'LinkedIn Company Page',
      'Ideal Customer Profile Tier',
      'Target Account',
    ],
    accounts,
    (i) =>
      line([
        accountRecordId(i),
        `Bench Company ${i}`,
        `bench-co-${i}.com`,
        INDUSTRIES[i % INDUSTRIES.length] as string,
        10 + rng.int(0, 20_000),
        rng.int(1, 900) * 100_000,
        COUNTRIES[i % COUNTRIES.length] as string,
        `https://www.linkedin.com/company/bench-co-${i}`,
        TIERS[i % TIERS.length] as string,
        i % 10 === 0 ? 'true' : 'false',
      ]),
  );

  await writeCsv(
    contactsPath,
    ['Record ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Buying Role', 'Associated Company IDs'],
    accounts * CONTACTS_PER_ACCOUNT,
    (n) => {
      const i = Math.floor(n / CONTACTS_PER_ACCOUNT);
      const first = FIRST[n % FIRST.length] as string;
      const last = LAST[(n >> 3) % LAST.length] as string;
      return line([
        contactRecordId(i, n % CONTACTS_PER_ACCOUNT),
        first,
        last,
        `${first.toLowerCase()}.${n}@bench-co-${i}.com`.normalize('NFKD').replace(/[^\x20-\x7e]/g, ''),
        TITLES[n % TITLES.length] as string,
        ROLES[n % ROLES.length] as string,
        accountRecordId(i),
      ]);
    },
  );

  await writeCsv(
    touchpointsPath,
    ['id', 'type', 'stage', 'at', 'accountId', 'contactId'],
    accounts * TOUCHPOINTS_PER_ACCOUNT,
    (n) => {
      const i = Math.floor(n / TOUCHPOINTS_PER_ACCOUNT);
      const byContact = rng.chance(0.7);
      return line([
        `tp-${n}`,
        TYPES[n % TYPES.length] as string,
        '',
        new Date(now - rng.int(0, 180) * DAY - rng.int(0, DAY)).toISOString(),
        accountRecordId(i),
        byContact ? contactRecordId(i, rng.int(0, CONTACTS_PER_ACCOUNT - 1)) : '',
      ]);
    },
  );

  return {
    accounts,
    contacts: accounts * CONTACTS_PER_ACCOUNT,
    touchpoints: accounts * TOUCHPOINTS_PER_ACCOUNT,
    paths,
    bytes: paths.reduce((s, p) => s + statSync(p).size, 0),
  };
}
