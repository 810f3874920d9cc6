import type { Contact } from '../../db/contacts';
import { parseDate } from '../normalise/date';
import { parseLinkedInProfile } from '../normalise/linkedin';
import { parseBuyingRoles } from '../normalise/roles';
import { prop } from './companies';
import type { CrmObject } from './wire';

/** A company a contact is associated with, and whether it is the primary one. */
export interface CompanyLink {
  id: string;
  primary: boolean;
}

/**
 * The primary company of a contact from a list page's `associations.companies` (§2): the
 * `contact_to_company` entry is the primary, `…_unlabeled` repeats every company.
 */
export function linksFromList(o: CrmObject): CompanyLink[] {
  return (o.associations?.companies?.results ?? []).map((r) => ({
    id: r.id,
    primary: r.type === 'contact_to_company',
  }));
}

/**
 * The company of a contact: the primary association, else `associatedcompanyid` ("Primary
 * Associated Company ID", §5), else the first association; undefined when it has none.
 */
export function primaryCompany(o: CrmObject, links: readonly CompanyLink[]): string | undefined {
  return links.find((l) => l.primary)?.id ?? prop(o, 'associatedcompanyid') ?? links[0]?.id;
}

/** A HubSpot contact as a contact of account `hubspot:<companyId>`. */
export function contactToRecord(o: CrmObject, companyId: string, linkedinProperty: string, now: number): Contact {
  const value = (name: string) => prop(o, name);
  const name = [value('firstname'), value('lastname')].filter(Boolean).join(' ');
  const profile = value(linkedinProperty);
  const linkedinSlug = profile ? parseLinkedInProfile(profile) : undefined;
  const modified = value('lastmodifieddate') ?? value('hs_lastmodifieddate');
  return {
    id: `hubspot:${o.id}`,
    accountId: `hubspot:${companyId}`,
    name: name || value('email') || `HubSpot contact ${o.id}`,
    ...(value('jobtitle') ? { title: value('jobtitle') } : {}),
    ...(value('email') ? { email: value('email') } : {}),
    ...(linkedinSlug ? { linkedinSlug } : {}),
    // `hs_buying_role` is a multi-select: values joined by `;` (§6).
    buyingRoles: parseBuyingRoles(value('hs_buying_role') ?? '').roles,
    updatedAt: (modified ? parseDate(modified) : undefined) ?? now,
  };
}
