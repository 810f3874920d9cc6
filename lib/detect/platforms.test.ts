import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../keys/company-keys';
import { DEFAULT_PLATFORMS } from './platforms';

describe('DEFAULT_PLATFORMS', () => {
  it.each(DEFAULT_PLATFORMS)('%s is a registrable domain, so that a page’s domain can equal it', (domain) => {
    expect(registrableDomain(domain)).toBe(domain);
  });

  it('lists each domain once', () => {
    expect(new Set(DEFAULT_PLATFORMS).size).toBe(DEFAULT_PLATFORMS.length);
  });

  it.each(['github.io', 'blogspot.com', 'notion.site', 'vercel.app', 'herokuapp.com'])(
    'needs no entry for %s: its subdomains are separate sites under a private suffix',
    (suffix) => {
      expect(registrableDomain(suffix)).toBeUndefined();
      expect(registrableDomain(`acme.${suffix}`)).toBe(`acme.${suffix}`);
    },
  );

  it('holds LinkedIn, so that LinkedIn pages never make LinkedIn the company', () => {
    expect(DEFAULT_PLATFORMS).toContain('linkedin.com');
  });
});
