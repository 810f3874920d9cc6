import { describe, expect, it } from 'vitest';
import { parseLinkedInCompany, parseLinkedInPage, parseLinkedInProfile } from './linkedin';

describe('parseLinkedInCompany', () => {
  it.each([
    ['https://www.linkedin.com/company/acme-inc/', { slug: 'acme-inc', kind: 'company' }],
    ['https://www.linkedin.com/company/Acme-Inc', { slug: 'acme-inc', kind: 'company' }],
    ['https://uk.linkedin.com/company/audiense', { slug: 'audiense', kind: 'company' }],
    ['https://www.linkedin.com/company/1234/', { id: '1234', kind: 'company' }],
    ['https://www.linkedin.com/company/stripe/posts/?feedView=all', { slug: 'stripe', kind: 'company' }],
    ['https://www.linkedin.com/company/microsoft/?trk=public_profile', { slug: 'microsoft', kind: 'company' }],
    ['https://www.linkedin.com/company/milano-citt%C3%A0-stato/', { slug: 'milano-città-stato', kind: 'company' }],
    ['linkedin.com/company/acme', { slug: 'acme', kind: 'company' }],
    ['www.linkedin.com/company/acme/about/', { slug: 'acme', kind: 'company' }],
    ['https://www.linkedin.com/sales/company/1035', { id: '1035', kind: 'company' }],
    ['https://www.linkedin.com/showcase/microsoft-azure/', { slug: 'microsoft-azure', kind: 'showcase' }],
    ['https://www.linkedin.com/school/stanford-university/', { slug: 'stanford-university', kind: 'school' }],
  ])('reads %s as %j', (value, expected) => {
    expect(parseLinkedInCompany(value)).toEqual(expected);
  });

  it.each([
    'https://www.linkedin.com/in/some-person/',
    'https://www.linkedin.com/feed/',
    'https://www.acme.com/company/acme',
    'acme-inc',
    '',
    'null',
  ])('reads %j as no company', (value) => {
    expect(parseLinkedInCompany(value)).toBeUndefined();
  });
});

describe('parseLinkedInProfile', () => {
  it.each([
    ['https://www.linkedin.com/in/Some-Person-123/', 'some-person-123'],
    ['https://uk.linkedin.com/in/j%C3%B6rg-m%C3%BCller-42', 'jörg-müller-42'],
    ['linkedin.com/in/jane-doe?originalSubdomain=se', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe/details/experience/', 'jane-doe'],
  ])('reads %s as %s', (value, slug) => {
    expect(parseLinkedInProfile(value)).toBe(slug);
  });

  it.each(['https://www.linkedin.com/company/acme/', 'jane-doe', ''])('reads %j as no profile', (value) => {
    expect(parseLinkedInProfile(value)).toBeUndefined();
  });
});

describe('parseLinkedInPage', () => {
  it.each([
    ['https://www.linkedin.com/showcase/microsoft-azure/', 'showcase', 'microsoft-azure'],
    ['linkedin.com/showcase/Microsoft-Azure/posts/', 'showcase', 'microsoft-azure'],
    ['microsoft-azure', 'showcase', 'microsoft-azure'],
    ['Milano-Citt%C3%A0', 'showcase', 'milano-città'],
    ['https://uk.linkedin.com/school/university-of-oxford/people/', 'school', 'university-of-oxford'],
    ['stanford-university', 'school', 'stanford-university'],
  ] as const)('reads %s as the %s page %s', (value, kind, slug) => {
    expect(parseLinkedInPage(value, kind)).toBe(slug);
  });

  it.each([
    ['https://www.linkedin.com/company/acme/', 'showcase'],
    ['https://www.linkedin.com/school/acme/', 'showcase'],
    ['https://www.linkedin.com/showcase/acme/', 'school'],
    ['https://www.linkedin.com/in/some-person/', 'school'],
    ['acme.com', 'showcase'],
    ['https://www.acme.com/showcase/acme', 'showcase'],
    ['', 'school'],
  ] as const)('reads %j as no %s page', (value, kind) => {
    expect(parseLinkedInPage(value, kind)).toBeUndefined();
  });
});
