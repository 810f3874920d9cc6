import type { Account, Opportunity } from '../../db/accounts';
import { parseBoolean } from '../normalise/boolean';
import { normaliseCountry } from '../normalise/country';
import { parseDate } from '../normalise/date';
import { parseLinkedInCompany } from '../normalise/linkedin';
import { parseNumber } from '../normalise/number';
import { parseTier } from '../normalise/tier';
import { applyOpportunities } from '../opportunities';
import { buildAccount } from '../records';
import { type OwnerDirectory, ownerFields } from './owners';
import type { CrmObject } from './wire';

/** A property's value, with HubSpot's `null` and empty strings (§2) as undefined. */
export function prop(o: CrmObject, name: string): string | undefined {
  const v = o.properties[name];
  return v === null || v === undefined || v.trim() === '' ? undefined : v;
}

/** Tags as Tierlens writes them back: `;`-joined (a multi-checkbox property's form too); none is undefined. */
export function tagsOf(raw: string | undefined): string[] | undefined {
  const tags = [
    ...new Set(
      (raw ?? '')
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return tags.length ? tags : undefined;
}

/**
 * A HubSpot company as an account `hubspot:<id>`: the tier from `hs_ideal_customer_profile`
 * (`tier_1` → 1), the target flag from `hs_is_target_account` (not the legacy
 * `hs_target_account`, §6), the country as ISO alpha-2 (HubSpot's is free text), LinkedIn slug
 * or id from the page URL, `updatedAt` from `hs_lastmodifieddate`. A showcase or school page
 * is not the company's own page, so it gives no `li:` key (a showcase or school page gives its own). The owner is `hubspot_owner_id` named
 * from `owners` (its name, id and email), or the id alone when the owners could not be read.
 * `opportunities` are its deals when the run reads them (deals.ts): they set the open opportunity
 * and the outcome; without them (no deals scope) the account has neither.
 */
export function companyToAccount(
  o: CrmObject,
  now: number,
  tagsProperty?: string,
  owners?: OwnerDirectory,
  opportunities?: readonly Opportunity[],
): Account {
  const value = (name: string) => prop(o, name);
  const linkedin = value('linkedin_company_page');
  const page = linkedin ? parseLinkedInCompany(linkedin) : undefined;
  const own = page?.kind === 'company' ? page : undefined;
  const employees = value('numberofemployees');
  const revenue = value('annualrevenue');
  const country = value('country');
  const tier = value('hs_ideal_customer_profile');
  const modified = value('hs_lastmodifieddate');
  const employeeCount = employees ? parseNumber(employees) : undefined;
  const { owner, ownerId, ownerEmail } = ownerFields(value('hubspot_owner_id'), owners);
  const account = buildAccount(
    'hubspot',
    o.id,
    {
      name: value('name') ?? value('domain') ?? `HubSpot company ${o.id}`,
      websites: [value('domain'), value('website')].filter((s): s is string => s !== undefined),
      linkedinSlugs: own?.slug ? [own.slug] : [],
      linkedinIds: own?.id ? [own.id] : [],
      // A showcase or school page is the account's own page of that kind: its own key, never `li:`.
      ...(page?.kind === 'showcase' && page.slug ? { linkedinShowcases: [page.slug] } : {}),
      ...(page?.kind === 'school' && page.slug ? { linkedinSchools: [page.slug] } : {}),
      industry: value('industry'),
      employees: employeeCount === undefined ? undefined : Math.max(0, Math.round(employeeCount)),
      revenue: revenue ? parseNumber(revenue) : undefined,
      country: country ? normaliseCountry(country) : undefined,
      assignedTier: tier ? parseTier(tier) : undefined,
      isTarget: parseBoolean(value('hs_is_target_account') ?? '') ?? false,
      owner,
      ownerId,
      ownerEmail,
      lifecycleStage: value('lifecyclestage'),
      tags: tagsOf(tagsProperty ? value(tagsProperty) : undefined),
      updatedAt: modified ? parseDate(modified) : undefined,
    },
    now,
  );
  return opportunities ? applyOpportunities(account, opportunities) : account;
}
