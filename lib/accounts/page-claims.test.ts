import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TierlensDB } from '../db/db';
import type { PageSubject } from '../detect/types';
import { pageKeys } from '../keys/subject-keys';
import { provisionalAccount } from '../scoring/provisional';
import { buildAccount } from '../sync/records';
import { addAccountFromPage } from './add-account';
import { resolvePageKeys } from './resolve';

/** A company website as the website detector reports it: its origin, and what its content claims. */
function site(origin: string, claims: { linkedinSlug?: string; name?: string } = {}): PageSubject {
  return {
    site: 'website',
    kind: 'website',
    url: `${origin}/`,
    company: { website: origin, ...claims },
    evidence: [{ from: 'url', detail: 'the page is on its domain' }],
  };
}

describe('pageKeys: what a page vouches for and what it only claims', () => {
  it('a website vouches for its own domain only; its LinkedIn page and name are claims', () => {
    expect(pageKeys(site('https://login-acme.net', { linkedinSlug: 'acme', name: 'Acme' }))).toEqual({
      own: ['dom:login-acme.net'],
      claimed: ['li:acme', 'name:acme'],
    });
  });

  it('a LinkedIn page vouches for the company it shows', () => {
    const subject: PageSubject = {
      site: 'linkedin',
      kind: 'company',
      url: 'https://www.linkedin.com/company/acme/',
      company: { linkedinSlug: 'acme', name: 'Acme' },
      evidence: [],
    };
    expect(pageKeys(subject)).toEqual({ own: ['li:acme', 'name:acme'], claimed: [] });
  });
});

describe('resolvePageKeys and "Add to accounts" on a website that claims to be a LinkedIn company', () => {
  const db = new TierlensDB(`page-claims-${crypto.randomUUID()}`);
  const NOW = Date.UTC(2026, 11, 1);
  beforeAll(async () => {
    await db.accounts.bulkAdd([
      buildAccount('hubspot', '1', { name: 'Acme', domains: ['acme.com'], linkedinSlugs: ['acme'] }, NOW),
      buildAccount('hubspot', '2', { name: 'Globex', domains: ['globex.com'], linkedinSlugs: ['globex'] }, NOW),
    ]);
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it('a site whose domain is no account\'s, claiming Acme\'s LinkedIn page, is "this site says it is Acme", at low confidence', async () => {
    const resolution = await resolvePageKeys(db, pageKeys(site('https://login-acme.net', { linkedinSlug: 'acme' })));
    expect(resolution).toMatchObject({
      status: 'matched',
      accountId: 'hubspot:1',
      lowConfidence: true,
      pageClaim: true,
    });
  });

  it("the domain decides over the claim: globex.com claiming Acme's LinkedIn page is Globex", async () => {
    const resolution = await resolvePageKeys(db, pageKeys(site('https://www.globex.com', { linkedinSlug: 'acme' })));
    expect(resolution).toMatchObject({ status: 'matched', accountId: 'hubspot:2', lowConfidence: false });
    expect(resolution).not.toHaveProperty('pageClaim');
  });

  it('a claim that matches nothing leaves the site unknown', async () => {
    expect(await resolvePageKeys(db, pageKeys(site('https://initech.io', { linkedinSlug: 'initech' })))).toEqual({
      status: 'unknown',
    });
  });

  it('"Add to accounts" stores the site\'s domain, never the LinkedIn page or name key it only claimed', async () => {
    const subject = site('https://shop.initech.io', { linkedinSlug: 'acme', name: 'Acme' });
    const { own } = pageKeys(subject);
    const { account } = await addAccountFromPage(db, subject, own, NOW);
    expect(account.keys).toEqual(['dom:initech.io']);
    expect(account.linkedinSlugs).toEqual([]);
    expect(account.linkedinIds).toEqual([]);
    const edit = await db.outbox.where('entityId').equals(account.id).first();
    expect((edit?.value as { keys?: string[] } | undefined)?.keys).toEqual(['dom:initech.io']);
  });

  it('the provisional account of a website carries no LinkedIn identity from its content', () => {
    const account = provisionalAccount(site('https://initech.io', { linkedinSlug: 'acme' }), ['dom:initech.io'], NOW);
    expect(account.linkedinSlugs).toEqual([]);
  });
});
