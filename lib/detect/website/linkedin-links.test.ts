import { describe, expect, it } from 'vitest';
import { detectWebsite } from './detect';
import { chromeCompanyLinks, linkedInCompanyOf } from './linkedin-links';
import { jsonLd, page } from './test-pages';

const link = (slug: string) => `<a href="https://www.linkedin.com/company/${slug}/">LinkedIn</a>`;

/** The LinkedIn company (slug or #id) detected on www.acme.com with `body`, and `head` if given. */
const linkedInOn = (body: string, head = ''): string | undefined => {
  const company = detectWebsite('https://www.acme.com/', page({ head, body }), { platforms: [] })?.company;
  return company?.linkedinSlug ?? (company?.linkedinId ? `#${company.linkedinId}` : undefined);
};

describe('LinkedIn company links in the page chrome', () => {
  it.each<[string, string, string | undefined]>([
    ['a footer', `<footer>${link('acme-inc')}</footer>`, 'acme-inc'],
    ['a header', `<header>${link('acme-inc')}</header>`, 'acme-inc'],
    ['a nav', `<nav>${link('acme-inc')}</nav>`, 'acme-inc'],
    ['role=contentinfo', `<div role="contentinfo">${link('acme-inc')}</div>`, 'acme-inc'],
    ['role=banner', `<div role="banner">${link('acme-inc')}</div>`, 'acme-inc'],
    ['role=navigation', `<div role="navigation">${link('acme-inc')}</div>`, 'acme-inc'],
    ['a numeric company id', `<footer>${link('1006947')}</footer>`, '#1006947'],
    ['a percent-encoded slug', `<footer>${link('milano-citt%C3%A0-stato')}</footer>`, 'milano-città-stato'],
    [
      'a company subpage, upper-case host',
      '<footer><a href="https://LinkedIn.com/company/Acme-Inc/about/">in</a></footer>',
      'acme-inc',
    ],
    // The fallback for pages whose footer is a plain div (globenewswire, milanocittastato).
    ['a div whose id names a footer', `<div id="site-footer">${link('acme-inc')}</div>`, 'acme-inc'],
    ['a div whose class names a footer', `<div class="td-Footer-wrapper">${link('acme-inc')}</div>`, 'acme-inc'],
    // Links in content are the content's subject.
    ['an article body', `<main><article><p>We met ${link('segment')}</p></article></main>`, undefined],
    ['an article’s own footer', `<article><footer>${link('segment')}</footer></article>`, undefined],
    ['an article’s own header', `<article><header>${link('segment')}</header></article>`, undefined],
    [
      'an articleBody',
      `<div itemprop="articleBody"><div class="card-footer">${link('segment')}</div></div>`,
      undefined,
    ],
    ['a plain paragraph', `<main><p>${link('segment')}</p></main>`, undefined],
    // Not company links.
    ['a person', '<footer><a href="https://www.linkedin.com/in/jane-doe/">Jane</a></footer>', undefined],
    ['a showcase page', '<footer><a href="https://www.linkedin.com/showcase/acme-cloud/">in</a></footer>', undefined],
    ['a look-alike host', '<footer><a href="https://notlinkedin.com/company/acme/">in</a></footer>', undefined],
    ['a share link', '<footer><a href="https://www.linkedin.com/shareArticle?url=x">Share</a></footer>', undefined],
  ])('reads %s', (_where, body, expected) => {
    expect(linkedInOn(body)).toBe(expected);
  });

  it('prefers the landmarks to an element named a footer', () => {
    expect(linkedInOn(`<footer>${link('acme-inc')}</footer><div class="footer-partners">${link('globex')}</div>`)).toBe(
      'acme-inc',
    );
  });

  it('takes a company linked several times in the chrome', () => {
    expect(
      linkedInOn(`<header>${link('acme-inc')}</header><footer>${link('acme-inc')}${link('acme-inc/jobs')}</footer>`),
    ).toBe('acme-inc');
  });

  it.each<[string, string, string, string | undefined]>([
    ['two companies, neither like the site', `<footer>${link('globex')}${link('initech')}</footer>`, '', undefined],
    [
      'a slug and an id, which may or may not be one company',
      `<footer>${link('globex')}${link('1234')}</footer>`,
      '',
      undefined,
    ],
    ['an id and a slug named like the domain', `<footer>${link('1234')}${link('acme')}</footer>`, '', 'acme'],
    [
      'two companies, one named like the domain',
      `<footer>${link('acme-hq')}${link('initech')}</footer>`,
      '',
      'acme-hq',
    ],
    [
      'two companies, both named like the domain',
      `<footer>${link('acme')}${link('acme-labs')}</footer>`,
      '',
      undefined,
    ],
    [
      'two companies, one named like the site’s Organization',
      `<footer>${link('wile-e-coyote-supplies')}${link('initech')}</footer>`,
      jsonLd({ '@type': 'Organization', url: '/', name: 'Wile E. Coyote Supplies' }),
      'wile-e-coyote-supplies',
    ],
  ])('with %s, takes %j', (_what, body, head, expected) => {
    expect(linkedInOn(body, head)).toBe(expected);
  });

  it('says where each link was found', () => {
    const doc = page({ body: `<footer>${link('acme-inc')}</footer>` });
    expect(chromeCompanyLinks(doc)).toEqual([
      { slug: 'acme-inc', id: undefined, href: 'https://www.linkedin.com/company/acme-inc/', where: 'landmark' },
    ]);
    expect(linkedInCompanyOf('https://www.linkedin.com/company/1006947')).toMatchObject({ id: '1006947' });
  });
});
