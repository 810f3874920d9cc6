export const TOUCHPOINT_TYPES = [
  'web_visit',
  'pricing_page_visit',
  'demo_page_visit',
  'email_open',
  'email_click',
  'ad_click',
  'content_download',
  'form_fill',
  'event_registered',
  'event_attended',
  'meeting',
  'demo_request',
  'sales_call',
  'reply',
] as const;

export type TouchpointType = (typeof TOUCHPOINT_TYPES)[number];

/** Funnel stage of a touchpoint: top, middle or bottom of the funnel. */
export type FunnelStage = 'TOFU' | 'MOFU' | 'BOFU';

/** One interaction of an account (or one of its contacts) with the company. */
export interface Touchpoint {
  id: string;
  accountId: string;
  contactId?: string;
  type: TouchpointType;
  stage: FunnelStage;
  /** Epoch milliseconds. */
  at: number;
}

export const touchpointsSchema = 'id, [accountId+at], contactId';

/**
 * The funnel stage of each touchpoint type, in the demo data and for an import that names none. Passive reach is top of funnel;
 * deliberate interest in content or events is middle; anything that signals buying intent
 * or involves sales (pricing/demo pages, requests, meetings, calls, replies, form fills) is
 * bottom. Event attendance counts with registration: showing up is still research.
 */
export const TOUCHPOINT_STAGE: Readonly<Record<TouchpointType, FunnelStage>> = {
  web_visit: 'TOFU',
  ad_click: 'TOFU',
  email_open: 'TOFU',
  content_download: 'MOFU',
  email_click: 'MOFU',
  event_registered: 'MOFU',
  event_attended: 'MOFU',
  pricing_page_visit: 'BOFU',
  demo_page_visit: 'BOFU',
  demo_request: 'BOFU',
  meeting: 'BOFU',
  sales_call: 'BOFU',
  reply: 'BOFU',
  form_fill: 'BOFU',
};
