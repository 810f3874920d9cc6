import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { loggedInProfilePage, type SyntheticMember, salesCompanyPage } from '../../fixtures/linkedin/pages';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'linkedin');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A synthetic logged-in company page for `slug`, named `name`, with numeric id `id`. */
export function syntheticCompanyPage(slug: string, name: string, id: string): string {
  const jsonName = JSON.stringify(name).slice(1, -1);
  return read('synthetic/company_logged_in.html')
    .replace(/"name":"\{\{name\}\}"/g, `"name":"${escapeHtml(jsonName)}"`)
    .replace(/\{\{name\}\}/g, escapeHtml(name))
    .replace(/\{\{slug\}\}/g, slug)
    .replace(/\{\{id\}\}/g, id);
}

/** A company LinkedIn serves in these tests. */
export interface ServedCompany {
  slug: string;
  name: string;
  id: string;
}

/** A member LinkedIn serves a logged-in profile for, at `/in/<slug>/`. */
export type ServedPerson = SyntheticMember;

/**
 * Serves LinkedIn from fixtures: the real Audiense page, synthetic logged-in company pages for
 * `companies`, and the synthetic feed; synthetic logged-in profiles for `people`; Sales
 * Navigator account pages (`/sales/company/<id>`, account insights) for `companies` and the
 * synthetic lead page at `/sales/lead/…`. Any other http(s) request is aborted (the network is
 * closed). Extension pages are not routed, so they load as usual.
 */
export async function serveLinkedIn(
  context: BrowserContext,
  companies: readonly ServedCompany[],
  people: readonly ServedPerson[] = [],
): Promise<void> {
  const audiense = read('company_audiense_uk_metascraper.html');
  const feed = read('synthetic/feed_logged_in.html');
  const html = (route: Route, body: string) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    if (!/(^|\.)linkedin\.com$/.test(url.hostname) || route.request().resourceType() !== 'document') {
      return route.abort();
    }
    const [kind, key] = url.pathname.split('/').filter(Boolean);
    if (kind === 'feed') return html(route, feed);
    if (kind === 'company' && (key === 'audiense' || key === '10529043')) return html(route, audiense);
    const company = companies.find((c) => c.slug === key || c.id === key);
    if (kind === 'company' && company) return html(route, syntheticCompanyPage(company.slug, company.name, company.id));
    const person = people.find((p) => p.slug === key);
    if (kind === 'in' && person) return html(route, loggedInProfilePage(person));
    if (kind === 'sales') {
      const [, , area, value] = url.pathname.split('/');
      const accountId = area === 'accounts' ? url.searchParams.get('companyId') : area === 'company' ? value : null;
      const account = companies.find((c) => c.id === accountId);
      if (account) return html(route, salesCompanyPage(account.id, account.name));
      if (area === 'lead' && value) return html(route, read('synthetic/sales_lead.html'));
    }
    return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Page not found</h1>' });
  });
}
