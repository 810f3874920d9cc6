import { describe, expect, it } from 'vitest';
import { emailDomain, parseDomain } from './domain';

describe('parseDomain', () => {
  it.each([
    ['https://www.acme.co.uk/about', 'acme.co.uk'],
    ['acme.com', 'acme.com'],
    ['WWW.ACME.COM', 'acme.com'],
    ['http://shop.acme.de/', 'acme.de'],
    ['acme.github.io', 'acme.github.io'],
  ])('reads %s as %s', (value, domain) => {
    expect(parseDomain(value)).toBe(domain);
  });

  it.each([
    ['jane@acme.com', 'an email is not a website'],
    ['gmail.com', 'free mail is no company'],
    ['not a domain', 'junk'],
    ['localhost', 'no registrable domain'],
    ['null', 'empty'],
    ['', 'empty'],
  ])('reads %j as no domain (%s)', (value) => {
    expect(parseDomain(value)).toBeUndefined();
  });
});

describe('emailDomain', () => {
  it.each([
    ['jane@acme.com', 'acme.com'],
    ['Jane.Doe@EU.Acme.co.uk', 'acme.co.uk'],
  ])('reads %s as %s', (value, domain) => {
    expect(emailDomain(value)).toBe(domain);
  });

  it.each(['jane@gmail.com', 'jane@hotmail.co.uk', 'acme.com', 'a@b@c.com', ''])(
    'reads %j as no company domain',
    (value) => {
      expect(emailDomain(value)).toBeUndefined();
    },
  );
});
