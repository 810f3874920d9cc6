import { registrableDomain } from '../../keys/company-keys';
import { isEmptyCell } from './empty';

/**
 * Registrable domains of free and ISP mail services. Mail at these says nothing about the
 * sender's company, and a company whose "website" is one of them is a data-entry slip: as
 * company keys they would join thousands of unrelated accounts.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  't-online.de',
  'mail.com',
  'mail.ru',
  'yandex.ru',
  'qq.com',
  '163.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'orange.fr',
  'free.fr',
  'libero.it',
]);

/**
 * The registrable domain of a website cell ("https://www.acme.co.uk/about" → "acme.co.uk",
 * "acme.com", "WWW.ACME.COM"), through the same tldts-backed `registrableDomain` the keys use.
 * An email address is not a website (use emailDomain); a free-mail domain (FREE_MAIL_DOMAINS)
 * and junk are undefined.
 */
export function parseDomain(value: string): string | undefined {
  if (isEmptyCell(value) || value.includes('@') || /\s/.test(value.trim())) return undefined;
  const domain = registrableDomain(value);
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : undefined;
}

/**
 * The company domain of an email address ("jane@eu.acme.com" → "acme.com"), for linking a
 * contact to its account when nothing else does. Free-mail addresses say nothing about the
 * company: undefined.
 */
export function emailDomain(email: string): string | undefined {
  const match = /^[^@\s]+@([^@\s]+)$/.exec(email.trim());
  return match?.[1] ? parseDomain(match[1]) : undefined;
}
