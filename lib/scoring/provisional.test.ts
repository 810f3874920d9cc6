import { describe, expect, it } from 'vitest';
import type { PageSubject } from '../detect/types';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { gradeAccount } from './grade';
import { parseSizeRange, provisionalAccount } from './provisional';

describe('parseSizeRange', () => {
  it.each([
    ['51-200 employees', 126],
    ['2-10 employees', 6],
    ['10,001+ employees', 10001],
    ['1 employee', 1],
    ['1.001-5.000 Mitarbeiter', 3001],
    ['5 001–10 000 salariés', 7501],
    ['Self-employed', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseSizeRange(text)).toBe(expected);
  });
});

describe('provisionalAccount', () => {
  const subject: PageSubject = {
    site: 'linkedin',
    kind: 'company',
    url: 'https://www.linkedin.com/company/10529043/',
    company: {
      name: 'Audiense',
      linkedinSlug: 'audiense',
      linkedinId: '10529043',
      industry: 'Advertising Services',
      sizeRange: '51-200 employees',
      country: 'GB',
    },
    evidence: [],
  };
  const keys = ['li#10529043', 'li:audiense', 'dom:audiense.com', 'name:audiense'];

  it('takes what the page says: industry, the middle of the size range, the country, the domain', () => {
    expect(provisionalAccount(subject, keys, 5)).toMatchObject({
      name: 'Audiense',
      industry: 'Advertising Services',
      employees: 126,
      country: 'GB',
      domains: ['audiense.com'],
      linkedinSlugs: ['audiense'],
      linkedinIds: ['10529043'],
      keys,
      source: 'local',
      isTarget: false,
    });
  });

  it('grades on what is known and is honest about what is not: revenue and technographics are missing', () => {
    const grade = gradeAccount(provisionalAccount(subject, keys, 5), DEFAULT_SETTINGS.icp);
    expect(grade.missing).toEqual(['Annual revenue', 'Uses a CRM']);
    expect(grade.confidence).toBeCloseTo(0.7);
    expect(grade.letter).not.toBeNull();
  });

  it('leaves a page with no firmographics ungraded rather than graded F', () => {
    const bare = { ...subject, company: { linkedinSlug: 'audiense' } };
    expect(gradeAccount(provisionalAccount(bare, ['li:audiense'], 5), DEFAULT_SETTINGS.icp).letter).toBeNull();
  });
});
