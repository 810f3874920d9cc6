import { DEFAULT_PLATFORMS } from '../detect/platforms';
import {
  type EngagementModel,
  type Orchestration,
  type Program,
  type RoleRule,
  SETTINGS_VERSION,
  type Settings,
  type TierDefinition,
  type WriteBack,
} from './types';

/** The three ABM tiers of DESIGN.md: Strategic 1:1, ABM Lite 1:few, Programmatic 1:many. */
export const THREE_TIERS: TierDefinition[] = [
  {
    tier: 1,
    name: 'Strategic',
    motion: '1:1',
    capacity: 25,
    minGrade: 'A',
    minEngagement: 60,
    requiredCriteria: [],
    requiredRoles: ['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'],
    responseSlaHours: 4,
    reviewEveryDays: 30,
  },
  {
    tier: 2,
    name: 'ABM Lite',
    motion: '1:few',
    capacity: 150,
    minGrade: 'B',
    minEngagement: 30,
    requiredCriteria: [],
    requiredRoles: ['DECISION_MAKER', 'CHAMPION'],
    responseSlaHours: 8,
    reviewEveryDays: 91,
  },
  {
    tier: 3,
    name: 'Programmatic',
    motion: '1:many',
    capacity: 500,
    minGrade: 'C',
    minEngagement: 0,
    requiredCriteria: [],
    requiredRoles: [],
    responseSlaHours: 24,
    reviewEveryDays: 91,
  },
];

/** The default program commitments chart (DESIGN.md), editable by the org. */
export const THREE_TIER_PROGRAMS: Program[] = [
  { id: 'custom-campaign', name: 'Dedicated 1:1 campaign with custom content', owner: 'Marketing', tiers: { 1: true } },
  { id: 'account-site', name: 'Account-specific website experience', owner: 'Marketing', tiers: { 1: true } },
  { id: 'exec-outreach', name: 'Executive outreach', owner: 'Sales', tiers: { 1: true } },
  {
    id: 'event-invites',
    name: 'Event invites (VIP dinners, booth meetings)',
    owner: 'Marketing + Sales',
    tiers: { 1: true },
  },
  { id: 'sales-calls', name: 'Sales calls', owner: 'AE', tiers: { 1: true, 2: true } },
  {
    id: 'bdr-follow-up',
    name: 'BDR follow-up on web engagement, within the response SLA',
    owner: 'BDR',
    tiers: { 1: true, 2: true },
  },
  { id: 'sdr-sequence', name: 'SDR sequence with light account personalisation', owner: 'BDR', tiers: { 2: true } },
  {
    id: 'industry-page',
    name: 'Industry landing page and relevant case study',
    owner: 'Marketing',
    tiers: { 2: true },
  },
  { id: 'linkedin-ads', name: 'LinkedIn ads by persona', owner: 'Marketing', tiers: { 1: true, 2: true } },
  { id: 'company-emails', name: 'Company emails', owner: 'Marketing', tiers: { 1: true, 2: true, 3: true } },
  {
    id: 'programmatic-display',
    name: 'Programmatic display by firmographic segment',
    owner: 'Marketing',
    tiers: { 3: true },
  },
  { id: 'syndication', name: 'Content syndication and retargeting', owner: 'Marketing', tiers: { 3: true } },
  {
    id: 'account-review',
    name: 'Account review with sales',
    owner: 'Marketing + Sales',
    tiers: { 1: 'monthly', 2: 'quarterly', 3: 'quarterly' },
  },
];

/**
 * The default engagement model (DESIGN.md): weight(type) × stage × role × 0.5^(age / 14 days),
 * plus a breadth term, squashed to 0–100.
 */
export const DEFAULT_ENGAGEMENT: EngagementModel = {
  mode: 'default',
  halfLifeDays: 14,
  typeWeights: {
    web_visit: 1,
    pricing_page_visit: 4,
    demo_page_visit: 4,
    email_open: 0.5,
    email_click: 2,
    ad_click: 1.5,
    content_download: 3,
    form_fill: 5,
    event_registered: 3,
    event_attended: 5,
    meeting: 8,
    demo_request: 10,
    sales_call: 6,
    reply: 6,
  },
  stageMultipliers: { TOFU: 1, MOFU: 1.5, BOFU: 2.5 },
  // Senior buyers count more; a blocker's attention counts less than a plain contact's.
  roleMultipliers: {
    DECISION_MAKER: 2,
    EXECUTIVE_SPONSOR: 2,
    BUDGET_HOLDER: 1.8,
    CHAMPION: 1.6,
    INFLUENCER: 1.2,
    LEGAL_AND_COMPLIANCE: 1,
    END_USER: 1,
    OTHER: 1,
    BLOCKER: 0.8,
  },
  knownContactMultiplier: 1,
  anonymousMultiplier: 0.6,
  breadthPoints: 4,
  saturation: 60,
  surgeRatio: 2,
};

/**
 * Titles that suggest a role, most specific first (the first matching rule per role counts).
 * CRMs rarely carry buyer roles; titles they do carry, so these make the role a click away.
 */
export const DEFAULT_ROLE_RULES: RoleRule[] = [
  {
    words: [
      'CFO',
      'Chief Financial Officer',
      'VP Finance',
      'Finance Director',
      'Head of Finance',
      'Controller',
      'Treasurer',
    ],
    role: 'BUDGET_HOLDER',
  },
  {
    words: [
      'CEO',
      'Chief Executive Officer',
      'Founder',
      'Co-Founder',
      'President',
      'Managing Director',
      'COO',
      'Chief Operating Officer',
    ],
    role: 'EXECUTIVE_SPONSOR',
  },
  {
    words: [
      'CTO',
      'CIO',
      'CMO',
      'CRO',
      'Chief Technology Officer',
      'Chief Information Officer',
      'Chief Marketing Officer',
      'Chief Revenue Officer',
      'VP',
      'Vice President',
      'Head of',
      'Director',
    ],
    role: 'DECISION_MAKER',
  },
  {
    words: [
      'General Counsel',
      'Counsel',
      'Legal',
      'Compliance',
      'Procurement',
      'Purchasing',
      'Privacy Officer',
      'Security Officer',
      'CISO',
    ],
    role: 'LEGAL_AND_COMPLIANCE',
  },
  { words: ['Manager', 'Lead', 'Principal', 'Architect'], role: 'INFLUENCER' },
  {
    words: ['Engineer', 'Developer', 'Analyst', 'Specialist', 'Administrator', 'Coordinator', 'Associate'],
    role: 'END_USER',
  },
];

/**
 * The orchestration template by grade (DESIGN.md): the top 20 accounts by fit rank, then the A
 * and B accounts, then the remaining ones, each with its programs. Off until the org picks it
 * (`mode: 'tiers'` keeps the commitments chart); the names come from each segment's rule.
 */
export const DEFAULT_ORCHESTRATION: Orchestration = {
  mode: 'tiers',
  segments: [
    { kind: 'top', id: 'top', count: 20 },
    { kind: 'grades', id: 'a-b', grades: ['A', 'B'] },
    { kind: 'remaining', id: 'remaining' },
  ],
  programs: [
    {
      id: 'company-emails',
      name: 'Company emails',
      owner: 'Marketing',
      segments: { top: true, 'a-b': true, remaining: true },
    },
    { id: 'event-invites', name: 'Event invites', owner: 'Marketing + Sales', segments: { top: true } },
    { id: 'sales-calls', name: 'Sales calls', owner: 'AE', segments: { top: true, 'a-b': true } },
    { id: 'linkedin-ads', name: 'LinkedIn ads by persona', owner: 'Marketing', segments: { top: true, 'a-b': true } },
    {
      id: 'account-review',
      name: 'Account review with sales',
      owner: 'Marketing + Sales',
      segments: { top: 'monthly', 'a-b': 'quarterly' },
    },
  ],
};

/** The HubSpot properties Tierlens writes tags, proposals and notes to, unless the team names others. */
export const DEFAULT_WRITE_BACK: WriteBack = {
  tagsProperty: 'tierlens_tags',
  proposalProperty: 'tierlens_tier_proposal',
  notesProperty: 'tierlens_notes',
  opIdProperty: 'tierlens_op_id',
};

/** The settings a new install starts with: the three ABM tiers. */
export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  icp: {
    criteria: [
      {
        kind: 'in_set',
        id: 'industry',
        label: 'Target industry',
        field: 'industry',
        values: ['Software', 'Financial Services', 'IT Services', 'Marketing & Advertising', 'Telecommunications'],
        weight: 30,
        disqualifying: false,
      },
      {
        kind: 'range',
        id: 'employees',
        label: 'Company size',
        field: 'employees',
        min: 200,
        max: 250_000,
        weight: 25,
        disqualifying: false,
      },
      {
        kind: 'range',
        id: 'revenue',
        label: 'Annual revenue',
        field: 'revenue',
        min: 20_000_000,
        max: 300_000_000_000,
        weight: 20,
        disqualifying: false,
      },
      {
        kind: 'in_set',
        id: 'geography',
        label: 'Served geography',
        field: 'country',
        values: ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'NL', 'SE', 'DK', 'NO', 'FI', 'ES', 'AU'],
        weight: 15,
        disqualifying: false,
      },
      {
        kind: 'includes_any',
        id: 'crm',
        label: 'Uses a CRM',
        field: 'technologies',
        values: ['HubSpot', 'Salesforce', 'Microsoft Dynamics', 'Pipedrive'],
        weight: 10,
        disqualifying: true,
      },
    ],
    thresholds: { A: 80, B: 65, C: 45, D: 25 },
    minConfidence: 0.75,
  },
  tierModel: 'three_tier',
  tiers: THREE_TIERS,
  programs: THREE_TIER_PROGRAMS,
  orchestration: DEFAULT_ORCHESTRATION,
  engagement: DEFAULT_ENGAGEMENT,
  adapters: { linkedinCompany: true, linkedinProfile: true, salesNavigator: true, websites: true },
  platforms: [...DEFAULT_PLATFORMS],
  me: '',
  roleRules: DEFAULT_ROLE_RULES,
  writeBack: DEFAULT_WRITE_BACK,
  rules: { quietDays: 90, followUpWindowDays: 14, targetMinGrade: 'C' },
};
