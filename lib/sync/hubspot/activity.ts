import type { FunnelStage, Touchpoint, TouchpointType } from '../../db/touchpoints';
import { parseDate } from '../normalise/date';
import { parseNumber } from '../normalise/number';

/** A date property read as a touchpoint of one type and stage. */
export interface ActivityProperty {
  property: string;
  type: TouchpointType;
  stage: FunnelStage;
}

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
 *
 * **Roll-ups and the contacts' own dates.** Each of these is HubSpot's roll-up of what the
 * company's contacts did (PORTAL, S11 below): "Time of the last session attributed to any
 * contacts that are associated with this company record" (#time-of-last-session), "The last
 * time a contact engaged…" (#last-engagement-date), "the most recent meeting … booked by a
 * contact associated with this company" (#latest-meeting-activity), and "the last date of
 * booked meetings associated with the company" (#last-booked-meeting-date), a meeting booked
 * by one of those contacts. The contacts' own dates (contact-activity.ts) are the same acts,
 * with the person who did them, whose buyer role the engagement model weighs. So a company with
 * associated contacts (`num_associated_contacts` > 0, #number-of-associated-contacts) gives no
 * roll-up touchpoints: its contacts' touchpoints carry those acts, each counted once. Its
 * roll-ups count only for a company without contacts, or whose count HubSpot did not send
 * (then nothing says the contacts carry them). A contact counts at its primary company only, as
 * contacts do everywhere in Tierlens: the act of a contact also associated with a second company
 * is not that company's touchpoint.
 * Why not "drop the roll-up equal to a contact's date": company and contacts arrive on
 * different pages (and in an incremental run only the changed ones), and touchpoints are put by
 * id into their account's row; no page sees both to compare them. A company that gains its first
 * contact after its roll-ups were stored keeps them until the next full sync (weekly, as
 * deletions), like any touchpoint a source stops sending.
 *
 * S11: https://github.com/hairsolutionsco/automations_hub/blob/fc5bfcd91c3b86148f8204c28d9349a0cf810f7d/hubspot/objects/companies/properties.md
 */
export const ACTIVITY_PROPERTIES: readonly ActivityProperty[] = [
  { property: 'hs_analytics_last_visit_timestamp', type: 'web_visit', stage: 'TOFU' },
  { property: 'hs_last_sales_activity_timestamp', type: 'email_click', stage: 'MOFU' },
  { property: 'hs_latest_meeting_activity', type: 'meeting', stage: 'BOFU' },
  { property: 'hs_last_booked_meeting_date', type: 'meeting', stage: 'BOFU' },
];

/** The company property counting its associated contacts (§9), read to tell whether its roll-ups are its contacts' acts. */
export const ASSOCIATED_CONTACTS_PROPERTY = 'num_associated_contacts';

type Properties = Record<string, string | null | undefined>;

/**
 * The touchpoints of one record's date properties under `table`: one per property with a date,
 * id `<idPrefix>-<property>`, and one per type and date (the same act under two properties, such
 * as a booked meeting that is also the latest one, counts once: the first in table order).
 * Null, empty, unparseable and pre-1970 dates make none.
 */
export function activityTouchpoints(
  table: readonly ActivityProperty[],
  properties: Properties,
  at: { idPrefix: string; accountId: string; contactId?: string },
): Touchpoint[] {
  const seen = new Set<string>();
  const out: Touchpoint[] = [];
  for (const { property, type, stage } of table) {
    const raw = properties[property];
    const when = raw ? parseDate(raw) : undefined;
    if (when === undefined || when < 0) continue;
    const key = `${type}@${when}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      id: `${at.idPrefix}-${property}`,
      accountId: at.accountId,
      ...(at.contactId ? { contactId: at.contactId } : {}),
      type,
      stage,
      at: when,
    });
  }
  return out;
}

/** Whether HubSpot says the company has associated contacts, whose own touchpoints then carry its roll-ups. */
export function hasContacts(properties: Properties): boolean {
  const raw = properties[ASSOCIATED_CONTACTS_PROPERTY];
  return (raw ? (parseNumber(raw) ?? 0) : 0) > 0;
}

/** The touchpoints of one company's roll-ups: none when it has contacts (see above); one per type and date. */
export function companyTouchpoints(companyId: string, properties: Properties): Touchpoint[] {
  if (hasContacts(properties)) return [];
  return activityTouchpoints(ACTIVITY_PROPERTIES, properties, {
    idPrefix: `hubspot:company-${companyId}`,
    accountId: `hubspot:${companyId}`,
  });
}
