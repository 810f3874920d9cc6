import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, readLinkedInFixture } from '../../test/fixtures/linkedin/pages';
import { TierlensDB } from '../db/db';
import { detectLinkedInPage } from '../detect/linkedin/detect';
import { DEFAULT_PLATFORMS } from '../detect/platforms';
import type { PageSubject } from '../detect/types';
import { detectWebsite } from '../detect/website/detect';
import { pageKeys, subjectKeys } from '../keys/subject-keys';
import { provisionalAccount } from '../scoring/provisional';
import { buildAccount } from '../sync/records';
import { addAccountFromPage } from './add-account';
import { resolvePageKeys } from './resolve';

const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const NOW = Date.UTC(2026, 0, 15);

/**
 * A LinkedIn page as detected. The document is Acme's logged-in company page: after in-app
 * navigation from /company/acme/ to a showcase or school page of the same slug, the company's
 * markup and page JSON are still on screen.
 */
function onLinkedIn(url: string): PageSubject {
  const acmePage = fillTemplate(readLinkedInFixture('synthetic/company_logged_in.html'), {
    slug: 'acme',
    name: 'Acme',
    id: '1035',
  });
  const subject = detectLinkedInPage(url, parse(acmePage));
  if (!subject) throw new Error(`nothing detected at ${url}`);
  return subject;
}

describe('showcase and school pages are not the company whose slug they share', () => {
  it.each([
    ['https://www.linkedin.com/showcase/acme/', 'showcase', ['li-showcase:acme']],
    ['https://www.linkedin.com/showcase/Acme/posts/?feedView=all', 'showcase', ['li-showcase:acme']],
    ['https://uk.linkedin.com/school/acme/people/', 'school', ['li-school:acme']],
    ['https://www.linkedin.com/company/acme/', 'company', ['li#1035', 'li:acme', 'dom:acme.example', 'name:acme']],
  ])('%s is a %s page with the keys %j', (url, kind, keys) => {
    const subject = onLinkedIn(url);
    expect(subject.kind).toBe(kind);
    expect(subjectKeys(subject)).toEqual(keys);
    expect(pageKeys(subject)).toEqual({ own: keys, claimed: [] });
  });

  describe('against the accounts', () => {
    const db = new TierlensDB(`linkedin-pages-${crypto.randomUUID()}`);
    beforeAll(async () => {
      await db.accounts.bulkAdd([
        // Acme the company: only its company page.
        buildAccount('hubspot', '1', { name: 'Acme', linkedinSlugs: ['acme'], linkedinIds: ['1035'] }, NOW),
        // Globex carries its showcase and school pages explicitly (an import's columns).
        buildAccount(
          'hubspot',
          '2',
          {
            name: 'Globex',
            linkedinSlugs: ['globex'],
            linkedinShowcases: ['globex-cloud'],
            linkedinSchools: ['globex-academy'],
          },
          NOW,
        ),
      ]);
    });
    afterAll(async () => {
      db.close();
      await db.delete();
    });

    const resolve = (url: string) => resolvePageKeys(db, pageKeys(onLinkedIn(url)));

    it('a showcase page whose slug is a company’s shows no account, not that company', async () => {
      expect(await resolve('https://www.linkedin.com/showcase/acme/')).toEqual({ status: 'unknown' });
    });

    it('a school page whose slug is a company’s shows no account, not that company', async () => {
      expect(await resolve('https://www.linkedin.com/school/acme/')).toEqual({ status: 'unknown' });
    });

    it('the company page itself still shows the company', async () => {
      expect(await resolve('https://www.linkedin.com/company/acme/')).toMatchObject({
        status: 'matched',
        accountId: 'hubspot:1',
      });
    });

    it.each([
      ['https://www.linkedin.com/showcase/globex-cloud/', 'li-showcase:globex-cloud'],
      ['https://www.linkedin.com/school/globex-academy/', 'li-school:globex-academy'],
    ])('%s shows the account that carries that page, matched by %s', async (url, key) => {
      expect(await resolve(url)).toMatchObject({
        status: 'matched',
        accountId: 'hubspot:2',
        matchedBy: key,
        lowConfidence: false,
      });
    });

    it('the company page of a slug that is only an account’s showcase page shows no account', async () => {
      expect(await resolve('https://www.linkedin.com/company/globex-cloud/')).toEqual({ status: 'unknown' });
    });

    it('"Add to accounts" on a showcase page stores the showcase page, never a company slug', async () => {
      const subject = onLinkedIn('https://www.linkedin.com/showcase/initech-labs/');
      const { account } = await addAccountFromPage(db, subject, pageKeys(subject).own, NOW, () => crypto.randomUUID());
      expect(account).toMatchObject({
        keys: ['li-showcase:initech-labs'],
        linkedinSlugs: [],
        linkedinShowcases: ['initech-labs'],
      });
      expect(account).not.toHaveProperty('linkedinSchools');
    });
  });

  it('the provisional account of a school page carries the school page, not a company slug', () => {
    const subject = onLinkedIn('https://www.linkedin.com/school/acme/');
    const account = provisionalAccount(subject, subjectKeys(subject), NOW);
    expect(account).toMatchObject({ keys: ['li-school:acme'], linkedinSlugs: [], linkedinSchools: ['acme'] });
  });
});

describe('a company website linking a LinkedIn showcase or school page', () => {
  const site = (body: string) =>
    parse(`<!doctype html><html><head><title>Acme Cloud</title></head><body>${body}</body></html>`);
  const keysAt = (body: string) => {
    const subject = detectWebsite('https://www.acme-cloud.example/', site(body), { platforms: DEFAULT_PLATFORMS });
    return subject ? subjectKeys(subject) : [];
  };

  it('does not take a footer link to /showcase/acme/ for the company acme', () => {
    const keys = keysAt('<footer><a href="https://www.linkedin.com/showcase/acme/">LinkedIn</a></footer>');
    expect(keys).toContain('dom:acme-cloud.example');
    expect(keys.filter((k) => k.startsWith('li'))).toEqual([]);
  });

  it('does not take a footer link to /school/acme/ for the company acme', () => {
    const keys = keysAt('<footer><a href="https://www.linkedin.com/school/acme/">LinkedIn</a></footer>');
    expect(keys.filter((k) => k.startsWith('li'))).toEqual([]);
  });

  it('does not take a JSON-LD Organization whose sameAs is a showcase page for the company', () => {
    const org = {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Acme Cloud',
      url: 'https://www.acme-cloud.example/',
      sameAs: ['https://www.linkedin.com/showcase/acme/'],
    };
    const keys = keysAt(`<script type="application/ld+json">${JSON.stringify(org)}</script>`);
    expect(keys.filter((k) => k.startsWith('li'))).toEqual([]);
  });
});
