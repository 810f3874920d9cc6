import { queryAll, queryFirst, textOf } from '../../dom';
import type { CompanyRef, PageSubject } from '../../types';
import { companyOfHref, distinctCompanies, stripUndefined, urlSubject } from '../subject';
import type { LinkedInUrlMatch } from '../urls';
import { salesNavigatorSelectors as S } from './selectors';

/**
 * An account page (`/sales/company/<id>`, account insights): the URL's id, and the heading's
 * name unless the heading's top card links another account (the previous page, still on
 * screen for a moment after in-app navigation).
 */
function readAccount(subject: PageSubject, id: string, doc: Document): PageSubject {
  const heading = queryFirst(doc, S.accountName);
  const name = textOf(heading);
  if (!heading || !name) return subject;
  const topCard = heading.closest('section') ?? heading;
  const ids = queryAll(topCard, S.accountOwnLink).map((a) => companyOfHref(a.getAttribute('href'))?.linkedinId);
  if (ids.some((other) => other !== undefined && other !== id)) return subject;
  subject.company.name = name;
  subject.evidence.push({ from: 'dom', detail: `account heading: ${name}` });
  return subject;
}

/** The employers of the lead's current-role area, in order: linked accounts, or names only. */
function leadCompanies(role: Element): CompanyRef[] {
  const links = S.leadCompanyLink.join(',');
  const companies: CompanyRef[] = [];
  for (const el of role.querySelectorAll([...S.leadCompanyLink, ...S.leadCompanyName].join(','))) {
    const name = textOf(el) || undefined;
    if (el.matches(links)) companies.push(stripUndefined({ ...companyOfHref(el.getAttribute('href')), name }));
    else if (!el.closest(links) && name) companies.push({ name });
  }
  return distinctCompanies(companies);
}

/**
 * A lead page: the lead's name and current title from their top card, and their employers
 * from its current-role area only (never the "similar leads" or "also viewed" lists, nor past
 * positions further down).
 */
function readLead(subject: PageSubject, doc: Document): PageSubject {
  const heading = queryFirst(doc, S.leadName);
  const name = textOf(heading);
  if (!heading || !name) return subject;
  const topCard = heading.closest('section') ?? heading;
  const role = queryFirst(topCard, S.leadCurrentRole);
  const title = textOf(role && queryFirst(role, S.leadRoleTitle)) || textOf(queryFirst(topCard, S.leadHeadline));
  subject.person = stripUndefined({ name, title: title || undefined });
  subject.evidence.push({ from: 'dom', detail: `lead top card: ${name}` });
  const [primary, ...others] = role ? leadCompanies(role) : [];
  if (primary) subject.company = primary;
  if (others.length > 0) subject.otherCompanies = others;
  for (const c of [primary, ...others]) {
    if (c) subject.evidence.push({ from: 'dom', detail: `current role at ${c.name ?? c.linkedinId}` });
  }
  return subject;
}

/** Detects a Sales Navigator account or lead page; the URL's answer when the page says nothing usable. */
export function detectSalesNavigator(url: string, match: LinkedInUrlMatch, doc: Document): PageSubject {
  const subject = urlSubject(url, match);
  if (match.kind === 'sales-company' && match.id) return readAccount(subject, match.id, doc);
  if (match.kind === 'sales-lead') return readLead(subject, doc);
  return subject;
}
