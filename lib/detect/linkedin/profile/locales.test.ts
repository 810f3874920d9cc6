import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  localisedProfilePage,
  LOCALISED_MEMBER as M,
  PROFILE_LOCALES,
  type ProfileLocale,
  profileLocale,
} from '../../../../test/fixtures/linkedin/profile-locales';
import type { PageSubject } from '../../types';
import { detectLinkedInPage } from '../detect';

// The unit tests run in Node without a DOM; linkedom parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const URL = `https://www.linkedin.com/in/${M.slug}/`;
const LOCALES = PROFILE_LOCALES.map((l) => [l.lang, l] as const);

function detect(doc: Document): PageSubject {
  const subject = detectLinkedInPage(URL, doc);
  if (subject?.kind !== 'profile') throw new Error('no profile detected');
  return subject;
}

/** What the localised profile says, in every language: the top card's employer, then the side role. */
const MAIN = { linkedinId: M.main.id, name: M.main.name };
const SIDE = { linkedinId: M.side.id, name: M.side.name };

/** Companies the traps name: the past employer, the viewer's, certification, volunteering, also viewed. */
const TRAPS = ['Tailspin', M.past.id, 'Viewer Employer', '9999991', 'Certifying', '6000006', 'Volunteer', '6100006'];
const TRAPS_ALSO = ['Also Viewed', '7000007', 'Synthetic State University'];

/** The page with each entry's dates moved into its company line ("Acme · Vollzeit · März 2021 - Heute · …"). */
function datesInCompanyLine(doc: Document): Document {
  for (const dates of [...doc.querySelectorAll('.pvs-entity__caption-wrapper')]) {
    const entry = dates.closest('li');
    const line = entry?.querySelector('span.t-14.t-normal:not(.t-black--light) > span[aria-hidden="true"]');
    if (!line) throw new Error('the fixture has no company line');
    line.textContent = `${line.textContent} · ${dates.textContent}`;
    dates.parentElement?.remove();
  }
  return doc;
}

describe('detectLinkedInPage on a logged-in profile in each of LinkedIn’s languages', () => {
  it.each(LOCALES)('%s: takes the employer the top card names, and the other current position', (_lang, locale) => {
    const subject = detect(parse(localisedProfilePage(locale)));
    expect(subject.person).toEqual({
      linkedinSlug: M.slug,
      name: `${M.first} ${M.last}`,
      title: `${locale.titles.main} · ${M.main.name}`,
    });
    expect(subject.company).toEqual(MAIN);
    expect(subject.otherCompanies).toEqual([SIDE]);
  });

  it.each(LOCALES)(
    '%s: says the top card named the employer and which experience entry is current',
    (_lang, locale) => {
      const { evidence } = detect(parse(localisedProfilePage(locale)));
      expect(evidence).toContainEqual({ from: 'dom', detail: `top card current company: ${M.main.name}` });
      expect(evidence).toContainEqual({
        from: 'dom',
        detail: `current experience entry: ${M.main.name} https://www.linkedin.com/company/${M.main.id}/`,
      });
    },
  );

  it.each(LOCALES)('%s: never reports a past employer, the viewer’s or a trap’s company', (_lang, locale) => {
    const seen = JSON.stringify(detect(parse(localisedProfilePage(locale))));
    for (const trap of [...TRAPS, ...TRAPS_ALSO]) expect(seen).not.toContain(trap);
  });

  it.each(LOCALES)('%s: reads the dates from the entries’ text when their element is not one it knows', (_lang, l) => {
    const html = localisedProfilePage(l).replaceAll('class="pvs-entity__caption-wrapper" ', '');
    const subject = detect(parse(html));
    expect(subject.company).toEqual(MAIN);
    expect(subject.otherCompanies).toEqual([SIDE]);
  });

  it.each(LOCALES)('%s: with no date line to read, knows LinkedIn’s word for “present”', (_lang, locale) => {
    const doc = datesInCompanyLine(parse(localisedProfilePage(locale)));
    expect(doc.querySelector('.pvs-list')?.textContent).toContain(`${locale.fullTime} · ${locale.dates.main}`);
    const subject = detect(doc);
    expect(subject.company).toEqual(MAIN);
    expect(subject.otherCompanies).toEqual([SIDE]);
  });
});

describe('detectLinkedInPage on profiles in a language whose word for “present” it does not know', () => {
  const GERMAN = profileLocale('de');
  // A made-up interface language: LinkedIn's structure, words of no language in the table.
  const UNKNOWN: ProfileLocale = {
    ...GERMAN,
    lang: 'x-synthetic',
    present: 'zorblat',
    dates: {
      main: 'qim 2021 - zorblat · 4 ix 9 ox',
      side: 'vor 2023 - zorblat · 2 ix 7 ox',
      past: 'qim 2015 - vor 2021 · 6 ix 2 ox',
    },
    currentCompany: 'Zorb vemalt',
    logo: (name) => `Ikon ${name}`,
  };

  it('still finds both current positions from the date lines’ structure alone', () => {
    const subject = detect(parse(localisedProfilePage(UNKNOWN)));
    expect(subject.company).toEqual(MAIN);
    expect(subject.otherCompanies).toEqual([SIDE]);
  });

  it('names no employer when neither the structure nor a known word says a position is current', () => {
    const subject = detect(datesInCompanyLine(parse(localisedProfilePage(UNKNOWN))));
    expect(subject.company).toEqual({});
    expect(subject.otherCompanies).toBeUndefined();
  });

  it('keeps the experience section’s order, the later side role first, when no top-card control names one', () => {
    const html = localisedProfilePage(GERMAN).replace(
      /<button aria-label="Aktuelles Unternehmen: Northwind[\s\S]*?<\/button>/,
      '',
    );
    const subject = detect(parse(html));
    expect(subject.company).toEqual(SIDE);
    expect(subject.otherCompanies).toEqual([MAIN]);
  });
});
