import type { Touchpoint, TouchpointType } from '../../db/touchpoints';
import { parseDate } from '../normalise/date';

/**
 * Touchpoints from the activity dates HubSpot rolls up on each company (contract §9: cheap,
 * on the record, no extra product). Each property is one touchpoint at its date, with an id
 * per company and property, so a newer date replaces the older one and a full and an
 * incremental sync agree.
 *
 * | property                            | type        | stage | why                                                             |
 * |-------------------------------------|-------------|-------|-----------------------------------------------------------------|
 * | `hs_analytics_last_visit_timestamp` | web_visit   | TOFU  | a session on the site: interest, not intent                     |
 * | `hs_last_sales_activity_timestamp`  | email_click | MOFU  | a contact engaged with a tracked email, form, document or meetings link: a deliberate act of a known person; email is its most common cause |
 * | `hs_latest_meeting_activity`        | meeting     | BOFU  | a meeting with the account                                      |
 * | `hs_last_booked_meeting_date`       | meeting     | BOFU  | a meeting booked; the same meeting as above when the dates agree |
 *
 * Not read as touchpoints: `notes_last_updated` and `notes_last_contacted` (our own outreach
 * and notes, not the account engaging), counts such as `num_conversion_events` (no date), and
 * `recent_deal_close_date` (an outcome, not engagement).
 */
export const ACTIVITY_PROPERTIES: ReadonlyArray<{
  property: string;
  type: TouchpointType;
  stage: Touchpoint['stage'];
}> = [
  { property: 'hs_analytics_last_visit_timestamp', type: 'web_visit', stage: 'TOFU' },
  { property: 'hs_last_sales_activity_timestamp', type: 'email_click', stage: 'MOFU' },
  { property: 'hs_latest_meeting_activity', type: 'meeting', stage: 'BOFU' },
  { property: 'hs_last_booked_meeting_date', type: 'meeting', stage: 'BOFU' },
];

/** The touchpoints of one company's properties; one per type and date (a booked meeting is not counted twice). */
export function companyTouchpoints(
  companyId: string,
  properties: Record<string, string | null | undefined>,
): Touchpoint[] {
  const seen = new Set<string>();
  const out: Touchpoint[] = [];
  for (const { property, type, stage } of ACTIVITY_PROPERTIES) {
    const raw = properties[property];
    const at = raw ? parseDate(raw) : undefined;
    if (at === undefined || at < 0) continue;
    const key = `${type}@${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: `hubspot:company-${companyId}-${property}`, accountId: `hubspot:${companyId}`, type, stage, at });
  }
  return out;
}
