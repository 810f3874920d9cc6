import type { PageKind } from '../detect/types';
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
