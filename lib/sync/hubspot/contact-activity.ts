import type { Touchpoint } from '../../db/touchpoints';
import { type ActivityProperty, activityTouchpoints } from './activity';

/**
 * Touchpoints from each contact's own activity dates: HubSpot-defined contact properties, read
 * with the contacts (no extra request), each one touchpoint of that contact at its company, at
 * its date, id `hubspot:contact-<id>-<property>`: a newer date replaces the older one, and a
 * full and an incremental sync agree. The contract names them for the 2022 schema (§9, [REC]);
 * names, types (all `datetime`) and the quoted descriptions are the live portal's (S11 below,
 * [PORTAL], August 2025), each row's anchor a heading of that file.
 *
 * | property                            | S11 anchor (label)                              | type             | stage | why |
 * |-------------------------------------|-------------------------------------------------|------------------|-------|-----|
 * | `hs_email_last_open_date`           | #last-marketing-email-open-date                 | email_open       | TOFU  | "most recent open for any marketing email": reach, not intent |
 * | `hs_sales_email_last_opened`        | #recent-sales-email-opened-date                 | email_open       | TOFU  | "last time a tracked sales email was opened by this contact" (one-to-one emails only) |
 * | `hs_email_last_click_date`          | #last-marketing-email-click-date                | email_click      | MOFU  | "most recent link click for any marketing email": a deliberate act |
 * | `hs_sales_email_last_clicked`       | #recent-sales-email-clicked-date                | email_click      | MOFU  | "last time a tracked sales email was clicked" |
 * | `hs_sales_email_last_replied`       | #recent-sales-email-replied-date                | reply            | BOFU  | "last time a tracked sales email to this contact was replied to": a conversation |
 * | `hs_analytics_last_visit_timestamp` | #time-of-last-session                           | web_visit        | TOFU  | "start of the most recent session for this contact to your website" |
 * | `recent_conversion_date`            | #recent-conversion-date                         | form_fill        | MOFU  | "the date this contact last submitted a form": any form, a newsletter or a content gate as often as a demo request, so the middle of the funnel rather than TOUCHPOINT_STAGE's BOFU |
 * | `hs_document_last_revisited`        | #recent-document-revisit-date                   | content_download | MOFU  | "last time a shared document (presentation) was accessed by this contact" |
 * | `hs_latest_meeting_activity`        | #latest-meeting-activity                        | meeting          | BOFU  | "most recent meeting (past or upcoming) logged for, scheduled with, or booked by this contact" |
 * | `engagements_last_meeting_booked`   | #date-of-last-meeting-booked-in-meetings-tool   | meeting          | BOFU  | "last meeting … scheduled by a contact through the meetings tool"; the same meeting as above when the dates agree, then counted once |
 *
 * `hs_last_booked_meeting_date` is a company property only (S11's companies file); the contact's
 * equivalent is `engagements_last_meeting_booked`. Not read: `hs_last_sales_activity_timestamp`
 * ("Last Engagement Date": the latest of the site visits, forms, documents, meetings links and
 * tracked emails above, so it would count the latest of them twice), `hs_email_last_reply_date`
 * (replies to a bulk marketing send, where what counts as one, an automatic answer included, is
 * UNVERIFIED), `hs_email_last_send_date`, `notes_last_contacted` and `notes_last_updated` (our
 * own sends and logging, not the person engaging), and the `first_…` dates (the first of many
 * acts, long decayed by the model's half-life when the last ones are read).
 * How these and the company's roll-ups overlap: activity.ts.
 *
 * S11: https://github.com/hairsolutionsco/automations_hub/blob/fc5bfcd91c3b86148f8204c28d9349a0cf810f7d/hubspot/objects/contacts/properties.md
 */
export const CONTACT_ACTIVITY_PROPERTIES: readonly ActivityProperty[] = [
  { property: 'hs_email_last_open_date', type: 'email_open', stage: 'TOFU' },
  { property: 'hs_sales_email_last_opened', type: 'email_open', stage: 'TOFU' },
  { property: 'hs_email_last_click_date', type: 'email_click', stage: 'MOFU' },
  { property: 'hs_sales_email_last_clicked', type: 'email_click', stage: 'MOFU' },
  { property: 'hs_sales_email_last_replied', type: 'reply', stage: 'BOFU' },
  { property: 'hs_analytics_last_visit_timestamp', type: 'web_visit', stage: 'TOFU' },
  { property: 'recent_conversion_date', type: 'form_fill', stage: 'MOFU' },
  { property: 'hs_document_last_revisited', type: 'content_download', stage: 'MOFU' },
  { property: 'hs_latest_meeting_activity', type: 'meeting', stage: 'BOFU' },
  { property: 'engagements_last_meeting_booked', type: 'meeting', stage: 'BOFU' },
];

/**
 * The touchpoints of one contact `hubspot:<contactId>` of account `hubspot:<companyId>` from its
 * properties; one per type and date. Null, absent and unparseable dates make none.
 */
export function contactTouchpoints(
  contactId: string,
  companyId: string,
  properties: Record<string, string | null | undefined>,
): Touchpoint[] {
  return activityTouchpoints(CONTACT_ACTIVITY_PROPERTIES, properties, {
    idPrefix: `hubspot:contact-${contactId}`,
    accountId: `hubspot:${companyId}`,
    contactId: `hubspot:${contactId}`,
  });
}
