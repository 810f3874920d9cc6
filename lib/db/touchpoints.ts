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
