import type { Account } from '../db/accounts';
import type { PageSubject } from '../detect/types';

/**
 * A headcount from a size range as LinkedIn writes it: "51-200 employees" → 126 (the middle),
 * "10,001+ employees" → 10001, "1 employee" → 1. Undefined when there is no number.
 */
export function parseSizeRange(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const numbers = [...text.replace(/[,.\u00a0\s](?=\d{3}\b)/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));
  const [low, high] = numbers;
  if (low === undefined) return undefined;
  return high === undefined ? low : Math.round((low + high) / 2);
}

/**
 * An account built from what a page says about a company that is not among the accounts, so
 * that it can be graded provisionally (and added). Keys come from the background's resolution.
 */
export function provisionalAccount(subject: PageSubject, keys: readonly string[], now: number): Account {
  const c = subject.company;
  const fromWebsite = subject.site === 'website';
  // A showcase or school page's slug is that page's, not the company's (see subjectKeys).
  const page = subject.kind === 'showcase' || subject.kind === 'school' ? subject.kind : undefined;
  const slug = c.linkedinSlug && !fromWebsite ? c.linkedinSlug : undefined;
  const domains = keys.filter((k) => k.startsWith('dom:')).map((k) => k.slice(4));
  const account: Account = {
    id: `page:${keys[0] ?? subject.url}`,
    name: c.name ?? c.linkedinSlug ?? domains[0] ?? 'Unnamed company',
    keys: [...keys],
    domains,
    // A website's LinkedIn page is only its claim (see pageKeys): never stored as the company's.
    linkedinSlugs: slug && !page ? [slug] : [],
    linkedinIds: c.linkedinId && !fromWebsite ? [c.linkedinId] : [],
    isTarget: false,
    updatedAt: now,
    source: 'local',
    generation: 0,
  };
  if (slug && page === 'showcase') account.linkedinShowcases = [slug];
  if (slug && page === 'school') account.linkedinSchools = [slug];
  if (c.industry) account.industry = c.industry;
  const employees = c.employees ?? parseSizeRange(c.sizeRange);
  if (employees !== undefined) account.employees = employees;
  if (c.country) account.country = c.country;
  return account;
}
