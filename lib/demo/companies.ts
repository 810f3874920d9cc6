/**
 * The companies of the demo data: a fixed list of well-known real companies (so that the
 * extension lights up on their public LinkedIn pages and websites) and a generator of
 * clearly fictional ones.
 */

import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Tier } from '../settings/types';
import type { Rng } from './random';

/** A real company: public LinkedIn slug and website domain, illustrative firmographics. */
export interface RealCompany {
  name: string;
  slug: string;
  /** Numeric LinkedIn company id, only where it is known for certain. */
  linkedinId?: string;
  domain: string;
  industry: string;
  employees: number;
  /** Illustrative annual revenue in USD, not a reported figure. */
  revenue: number;
  country: string;
  technologies: string[];
  /** Fixed assigned tier, independent of the seed; absent means untiered. */
  tier?: Tier;
}

type Extra = Pick<RealCompany, 'tier' | 'linkedinId'>;
const real = (
  name: string,
  slug: string,
  domain: string,
  extra: Extra,
  industry: string,
  employees: number,
  revenue: number,
  country: string,
  technologies: string[],
): RealCompany => ({ name, slug, domain, industry, employees, revenue, country, technologies, ...extra });

/**
 * Real companies, always the first accounts (`demo:1` = Microsoft, in this order) whatever the
 * seed. Tiers are fixed so that end-to-end tests can expect them: Microsoft is Tier 1,
 * HubSpot and Audiense are Tier 2 (a test fixture uses Audiense's LinkedIn page). Salesforce,
 * Adobe and Spotify are also Tier 1; IKEA is a Tier 3 that uses no listed CRM (a hard
 * disqualifier), and Microsoft and Audiense sit outside the default size range, so the real
 * rows show tier disagreements too. Numeric LinkedIn ids are given only where certain.
 */
export const REAL_COMPANIES: readonly RealCompany[] = [
  real('Microsoft', 'microsoft', 'microsoft.com', { tier: 1, linkedinId: '1035' }, 'Software', 221_000, 245e9, 'US', [
    'Microsoft Dynamics',
    'Azure',
  ]),
  real('Salesforce', 'salesforce', 'salesforce.com', { tier: 1, linkedinId: '3185' }, 'Software', 73_000, 35e9, 'US', [
    'Salesforce',
    'Slack',
    'Tableau',
  ]),
  real('Adobe', 'adobe', 'adobe.com', { tier: 1, linkedinId: '1480' }, 'Software', 29_000, 21e9, 'US', [
    'Salesforce',
    'Marketo',
  ]),
  real('Spotify', 'spotify', 'spotify.com', { tier: 1 }, 'Media', 7_300, 16e9, 'SE', [
    'Salesforce',
    'Google Analytics',
  ]),
  real('HubSpot', 'hubspot', 'hubspot.com', { tier: 2, linkedinId: '68529' }, 'Software', 7_600, 2.6e9, 'US', [
    'HubSpot',
    'Snowflake',
  ]),
  real(
    'Audiense',
    'audiense',
    'audiense.com',
    { tier: 2, linkedinId: '10529043' },
    'Marketing & Advertising',
    60,
    8e6,
    'GB',
    ['HubSpot', 'Google Analytics'],
  ),
  real('Atlassian', 'atlassian', 'atlassian.com', { tier: 2 }, 'Software', 12_000, 4.4e9, 'AU', ['Salesforce', 'Jira']),
  real('Shopify', 'shopify', 'shopify.com', { tier: 2 }, 'Software', 8_100, 8.9e9, 'CA', ['Salesforce', 'Shopify']),
  real('Stripe', 'stripe', 'stripe.com', { tier: 2 }, 'Financial Services', 8_000, 5e9, 'US', [
    'Salesforce',
    'Segment',
  ]),
  real('Zendesk', 'zendesk', 'zendesk.com', { tier: 2 }, 'Software', 6_000, 2e9, 'US', ['Salesforce', 'Zendesk']),
  real('Intercom', 'intercom', 'intercom.com', { tier: 2 }, 'Software', 900, 3e8, 'IE', ['HubSpot', 'Intercom']),
  real('IKEA', 'ikea', 'ikea.com', { tier: 3 }, 'Retail', 220_000, 48e9, 'SE', ['Google Analytics']),
  real('Canva', 'canva', 'canva.com', { tier: 3 }, 'Software', 4_000, 2.3e9, 'AU', ['Salesforce', 'Segment']),
  real('Figma', 'figma', 'figma.com', { tier: 3 }, 'Software', 1_500, 7e8, 'US', ['Salesforce', 'Slack']),
  real('Dropbox', 'dropbox', 'dropbox.com', { tier: 3 }, 'Software', 2_700, 2.5e9, 'US', ['Salesforce', 'Marketo']),
  real('Asana', 'asana', 'asana.com', { tier: 3 }, 'Software', 1_800, 7.2e8, 'US', ['Salesforce', 'Slack']),
  real('Klarna', 'klarna', 'klarna.com', { tier: 3 }, 'Financial Services', 5_000, 2.8e9, 'SE', ['Salesforce']),
  real('Semrush', 'semrush', 'semrush.com', { tier: 3 }, 'Marketing & Advertising', 1_300, 3.8e8, 'US', ['HubSpot']),
  real('Brandwatch', 'brandwatch', 'brandwatch.com', { tier: 3 }, 'Marketing & Advertising', 600, 1e8, 'GB', [
    'Salesforce',
  ]),
  real('Hotjar', 'hotjar', 'hotjar.com', { tier: 3 }, 'Software', 300, 5e7, 'MT', ['HubSpot', 'Intercom']),
  real('Typeform', 'typeform', 'typeform.com', { tier: 3 }, 'Software', 450, 1.3e8, 'ES', ['HubSpot']),
  real('Pipedrive', 'pipedrive', 'pipedrive.com', { tier: 3 }, 'Software', 900, 1.5e8, 'EE', ['Pipedrive']),
  real('Google', 'google', 'google.com', { linkedinId: '1441' }, 'Software', 180_000, 350e9, 'US', [
    'Google Analytics',
  ]),
  real('Amazon', 'amazon', 'amazon.com', { linkedinId: '1586' }, 'Retail', 1_500_000, 640e9, 'US', ['Salesforce']),
  real('IBM', 'ibm', 'ibm.com', { linkedinId: '1009' }, 'IT Services', 280_000, 62e9, 'US', ['Salesforce']),
  real('Oracle', 'oracle', 'oracle.com', { linkedinId: '1028' }, 'Software', 160_000, 53e9, 'US', ['Oracle CX']),
  real('Apple', 'apple', 'apple.com', {}, 'Consumer Electronics', 160_000, 390e9, 'US', ['Salesforce']),
  real('Netflix', 'netflix', 'netflix.com', {}, 'Media', 13_000, 39e9, 'US', ['Salesforce']),
  real('SAP', 'sap', 'sap.com', {}, 'Software', 107_000, 36e9, 'DE', ['SAP CRM']),
  real('Siemens', 'siemens', 'siemens.com', {}, 'Manufacturing', 320_000, 82e9, 'DE', ['Salesforce']),
  real('Cisco', 'cisco', 'cisco.com', {}, 'Telecommunications', 90_000, 54e9, 'US', ['Salesforce']),
  real('NVIDIA', 'nvidia', 'nvidia.com', {}, 'Semiconductors', 30_000, 130e9, 'US', ['Salesforce']),
  real('Accenture', 'accenture', 'accenture.com', {}, 'IT Services', 770_000, 65e9, 'IE', [
    'Salesforce',
    'Microsoft Dynamics',
  ]),
  real('Deloitte', 'deloitte', 'deloitte.com', {}, 'Professional Services', 450_000, 67e9, 'GB', ['Salesforce']),
  real('Unilever', 'unilever', 'unilever.com', {}, 'Consumer Goods', 128_000, 65e9, 'GB', ['Salesforce']),
  real('Ericsson', 'ericsson', 'ericsson.com', {}, 'Telecommunications', 99_000, 24e9, 'SE', ['Salesforce']),
  real('Vodafone', 'vodafone', 'vodafone.com', {}, 'Telecommunications', 100_000, 40e9, 'GB', ['Salesforce']),
  real('Airbnb', 'airbnb', 'airbnb.com', {}, 'Hospitality', 6_900, 11e9, 'US', ['Salesforce', 'Zendesk']),
  real('LinkedIn', 'linkedin', 'linkedin.com', {}, 'Software', 20_000, 16e9, 'US', ['Microsoft Dynamics']),
  real('GitHub', 'github', 'github.com', {}, 'Software', 3_000, 2e9, 'US', ['Salesforce']),
  real('Cloudflare', 'cloudflare', 'cloudflare.com', {}, 'IT Services', 4_000, 1.7e9, 'US', ['Salesforce']),
  real('Workday', 'workday', 'workday.com', {}, 'Software', 18_000, 8.4e9, 'US', ['Salesforce']),
];

/**
 * The one demo account whose name carries markup, so that UI tests can check that names are
 * rendered as text and never as HTML. Only the name is hostile: its slug and domain are
 * ordinary. It is the account right after the real companies; no other name has `<`, `>` or `&`.
 */
export const HOSTILE_COMPANY = {
  name: '<img src=x onerror=alert(1)> Hostile & Co',
  slug: 'hostile-co-demo',
  domain: 'hostile-co-demo.com',
} as const;

/** How well a synthetic company is made to fit the default ICP. */
export type Fit = 'strong' | 'medium' | 'poor';

/** A generated, clearly fictional company; any firmographic may be missing. */
export interface SyntheticCompany {
  name: string;
  slug: string;
  domains: string[];
  industry?: string;
  employees?: number;
  revenue?: number;
  country?: string;
  technologies?: string[];
}

function criterionValues(id: string): string[] {
  const c = DEFAULT_SETTINGS.icp.criteria.find((x) => x.id === id);
  return c && c.kind !== 'range' ? c.values : [];
}
/** Derived from the default ICP so that demo grades follow the settings a new install has. */
const ICP_INDUSTRIES = criterionValues('industry');
const ICP_COUNTRIES = criterionValues('geography');
const ICP_CRMS = criterionValues('crm');
const OTHER_INDUSTRIES = [
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Education',
  'Logistics',
  'Energy',
  'Hospitality',
  'Construction',
  'Pharmaceuticals',
  'Media',
];
const OTHER_COUNTRIES = ['BR', 'IN', 'JP', 'SG', 'MX', 'ZA', 'PL', 'IT', 'CH', 'AE'];
const OTHER_CRMS = ['Zoho CRM', 'SugarCRM', 'Freshsales'];
const TOOLS = [
  'Google Analytics',
  'Marketo',
  'Mailchimp',
  'Slack',
  'Zendesk',
  'Intercom',
  'Segment',
  'Snowflake',
  'Outreach',
  'Gong',
  'Jira',
  'WordPress',
  'Tableau',
];

const STEMS = [
  'Amber',
  'Arctic',
  'Aster',
  'Birch',
  'Bluefin',
  'Bramble',
  'Cedar',
  'Cinder',
  'Cobalt',
  'Copper',
  'Corvid',
  'Driftwood',
  'Ember',
  'Fennel',
  'Fjord',
  'Foxglove',
  'Granite',
  'Harbor',
  'Heron',
  'Indigo',
  'Ironbark',
  'Juniper',
  'Kestrel',
  'Lark',
  'Lumen',
  'Maple',
  'Marlow',
  'Meadow',
  'Nimbus',
  'Northwind',
  'Onyx',
  'Otter',
  'Pebble',
  'Quill',
  'Quartz',
  'Raven',
  'Rowan',
  'Saffron',
  'Sable',
  'Sparrow',
  'Spruce',
  'Starling',
  'Tamarack',
  'Thistle',
  'Tidewater',
  'Umber',
  'Vesper',
  'Wren',
  'Willow',
  'Yarrow',
  'Zephyr',
];
const TAILS = [
  'forge',
  'stack',
  'field',
  'point',
  'wave',
  'gate',
  'line',
  'bridge',
  'loop',
  'leaf',
  'mark',
  'path',
  'stone',
  'craft',
  'beam',
  'crest',
  'spark',
  'hive',
  'nest',
  'shore',
  'peak',
  'grove',
  'ly',
  'io',
  'ware',
];
const SECTOR_WORDS: Record<string, string[]> = {
  Software: ['Software', 'Labs', 'Cloud', 'Systems', 'Data'],
  'Financial Services': ['Capital', 'Payments', 'Finance', 'Bank'],
  'IT Services': ['Consulting', 'Solutions', 'IT', 'Networks', 'Digital'],
  'Marketing & Advertising': ['Media', 'Creative', 'Marketing', 'Studio', 'Agency'],
  Telecommunications: ['Telecom', 'Mobile', 'Connect'],
  Manufacturing: ['Industries', 'Robotics', 'Components', 'Machines'],
  Retail: ['Retail', 'Stores', 'Goods', 'Market'],
  Healthcare: ['Health', 'Care', 'Medical', 'Clinics'],
  Education: ['Learning', 'Academy', 'Education'],
  Logistics: ['Logistics', 'Freight', 'Shipping'],
  Energy: ['Energy', 'Power', 'Solar'],
  Hospitality: ['Hotels', 'Hospitality', 'Travel'],
  Construction: ['Construction', 'Builders', 'Engineering'],
  Pharmaceuticals: ['Pharma', 'Biosciences', 'Therapeutics'],
  Media: ['Media', 'Publishing', 'Studios'],
};
/** Country → [top-level domains, legal suffixes]; `.com` is also used anywhere. */
const LOCALE: Record<string, [string[], string[]]> = {
  US: [
    ['com', 'io', 'ai'],
    ['Inc', 'LLC', 'Corp'],
  ],
  CA: [['ca'], ['Inc', 'Ltd']],
  GB: [['co.uk'], ['Ltd', 'plc']],
  IE: [['ie'], ['Ltd']],
  DE: [['de'], ['GmbH', 'AG']],
  FR: [['fr'], ['SAS', 'SA']],
  NL: [['nl'], ['BV', 'NV']],
  SE: [['se'], ['AB']],
  DK: [['dk'], ['ApS']],
  NO: [['no'], ['AS', 'ASA']],
  FI: [['fi'], ['Oy', 'Oyj']],
  ES: [['es'], ['SL', 'SA']],
  AU: [['com.au'], ['Pty Ltd']],
  CH: [['ch'], ['AG', 'GmbH']],
  IT: [['it'], ['SpA', 'Srl']],
  BR: [['com.br'], ['Ltda']],
  IN: [['in'], ['Pvt Ltd']],
  JP: [['co.jp'], ['KK']],
  ZA: [['co.za'], ['Pty Ltd']],
};
const MISSING_RATE = 0.12;

function baseName(rng: Rng, industry: string): string {
  const stem = rng.pick(STEMS);
  const sector = rng.pick(SECTOR_WORDS[industry] ?? ['Partners']);
  const compound = stem + rng.pick(TAILS);
  return rng.weighted<string>([
    [compound, 3],
    [`${stem} ${sector}`, 2],
    [`${compound} ${sector}`, 3],
  ]);
}

/**
 * A fictional company of the given fit, with a name, slug and domain not yet in `taken`
 * (normalised names, slugs and domains, which it extends), and about 12% of each
 * firmographic left out so that grades are uncertain and data-gap actions occur.
 */
export function makeSyntheticCompany(rng: Rng, fit: Fit, taken: Set<string>): SyntheticCompany {
  // Which ICP criteria this company meets; a poor fit misses most, a medium one one or two.
  const off = (p: number): boolean => rng.chance(fit === 'strong' ? 0 : fit === 'medium' ? p * 1.6 : p * 2.5);
  const industry = off(0.3) ? rng.pick(OTHER_INDUSTRIES) : rng.pick(ICP_INDUSTRIES);
  const country = off(0.2) ? rng.pick(OTHER_COUNTRIES) : rng.pick(ICP_COUNTRIES);
  // The default ICP wants 200–250,000 employees and $20M–$300B revenue: misses are small companies.
  const employees = off(0.25) ? Math.round(rng.logUniform(5, 199)) : Math.round(rng.logUniform(200, 60_000));
  // Revenue follows headcount (revenue per employee) so that the two rarely contradict.
  let revenue = employees * rng.logUniform(60_000, 350_000);
  if (off(0.15)) revenue = Math.min(revenue, rng.logUniform(1e6, 19.9e6));
  else if (employees >= 200) revenue = Math.max(revenue, 20e6);
  const hasCrm = !rng.chance(fit === 'strong' ? 0 : fit === 'medium' ? 0.1 : 0.4);
  const technologies = new Set<string>();
  if (hasCrm) technologies.add(rng.weighted(ICP_CRMS.map((c, i) => [c, [40, 35, 15, 10][i] ?? 10] as const)));
  else if (rng.chance(0.4)) technologies.add(rng.pick(OTHER_CRMS));
  // A company known to use nothing: technographics present but empty, so the disqualifier bites.
  const toolCount = hasCrm || rng.chance(0.6) ? rng.int(0, 4) : 0;
  for (let i = 0; i < toolCount; i++) technologies.add(rng.pick(TOOLS));

  const [tlds, suffixes] = LOCALE[country] ?? [[], ['Ltd']];
  let base = baseName(rng, industry);
  for (let tries = 0; taken.has(base.toLowerCase()); tries++) {
    base = tries < 40 ? baseName(rng, industry) : `${baseName(rng, industry)} ${rng.int(2, 99)}`;
  }
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let domain = `${slug.replace(/-/g, '')}.${rng.chance(0.2) ? 'com' : rng.pick([...tlds, 'com'])}`;
  for (let n = 2; taken.has(domain); n++) domain = `${slug}-${n}.com`;
  taken.add(base.toLowerCase()).add(slug).add(domain);
  const name = rng.chance(0.4) ? `${base} ${rng.pick(suffixes)}` : base;

  const company: SyntheticCompany = { name, slug, domains: [domain] };
  const keep = (): boolean => !rng.chance(MISSING_RATE);
  if (keep()) company.industry = industry;
  if (keep()) company.employees = employees;
  if (keep()) company.revenue = Math.round(revenue / 1e5) * 1e5;
  if (keep()) company.country = country;
  if (keep()) company.technologies = [...technologies];
  return company;
}
