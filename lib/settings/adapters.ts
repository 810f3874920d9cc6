import type { PageKind, PageSubject } from '../detect/types';
import { registrableDomain } from '../keys/company-keys';
import type { Settings } from './types';

export type AdapterId = keyof Settings['adapters'];

/** Which adapter reads each kind of page. */
export const ADAPTER_OF: Record<PageKind, AdapterId> = {
  company: 'linkedinCompany',
  showcase: 'linkedinCompany',
  school: 'linkedinCompany',
  profile: 'linkedinProfile',
  'sales-company': 'salesNavigator',
  'sales-lead': 'salesNavigator',
  website: 'websites',
};

/** How the options page names each adapter. */
export const ADAPTER_LABELS: Record<AdapterId, string> = {
  linkedinCompany: 'LinkedIn company, showcase and school pages',
  linkedinProfile: 'LinkedIn profiles',
  salesNavigator: 'Sales Navigator',
  websites: 'Company websites',
};

/** Whether the org lets Tierlens read this kind of page. */
export function adapterEnabled(settings: Settings, kind: PageKind): boolean {
  return settings.adapters[ADAPTER_OF[kind]];
}

/**
 * Whether a detected page may name its company under the org's settings: its adapter is on
 * and, for a website, its registrable domain is not one of the org's platforms.
 */
export function subjectAllowed(settings: Settings, subject: PageSubject): boolean {
  if (!adapterEnabled(settings, subject.kind)) return false;
  if (subject.site !== 'website') return true;
  const domain = registrableDomain(subject.url);
  return domain !== undefined && !settings.platforms.some((p) => (registrableDomain(p) ?? p) === domain);
}
