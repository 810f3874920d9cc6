import { describe, expect, it } from 'vitest';
import { companyTouchpoints } from './activity';
import { CONTACT_ACTIVITY_PROPERTIES, contactTouchpoints } from './contact-activity';

// HubSpot's activity dates as touchpoints: a contact's own (contact-activity.ts) and a company's
// roll-ups (activity.ts). Values as HubSpot sends datetimes: ISO 8601 in responses (§6).

const AT = Date.UTC(2026, 2, 1, 14, 30);
const ISO = new Date(AT).toISOString();

describe("a contact's activity dates", () => {
  it.each([
    ['hs_email_last_open_date', 'email_open', 'TOFU'],
    ['hs_sales_email_last_opened', 'email_open', 'TOFU'],
    ['hs_email_last_click_date', 'email_click', 'MOFU'],
    ['hs_sales_email_last_clicked', 'email_click', 'MOFU'],
    ['hs_sales_email_last_replied', 'reply', 'BOFU'],
    ['hs_analytics_last_visit_timestamp', 'web_visit', 'TOFU'],
    ['recent_conversion_date', 'form_fill', 'MOFU'],
    ['hs_document_last_revisited', 'content_download', 'MOFU'],
    ['hs_latest_meeting_activity', 'meeting', 'BOFU'],
    ['engagements_last_meeting_booked', 'meeting', 'BOFU'],
  ])('%s becomes a %s touchpoint (%s) of that contact, at its company, at the date', (property, type, stage) => {
    expect(contactTouchpoints('501', '77', { [property]: ISO })).toEqual([
      { id: `hubspot:contact-501-${property}`, accountId: 'hubspot:77', contactId: 'hubspot:501', type, stage, at: AT },
    ]);
  });

  it('reads every property of its table, and each with a date gives its own touchpoint', () => {
    const all = Object.fromEntries(
      CONTACT_ACTIVITY_PROPERTIES.map((p, i) => [p.property, new Date(AT - i * 3_600_000).toISOString()]),
    );
    const touchpoints = contactTouchpoints('501', '77', all);
    expect(touchpoints).toHaveLength(CONTACT_ACTIVITY_PROPERTIES.length);
    expect(new Set(touchpoints.map((t) => t.id)).size).toBe(touchpoints.length);
  });

  it.each([
    ['null (a search answer)', null],
    ['absent (a list answer)', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['unparseable', 'last Tuesday'],
    ['day-first or month-first', '03/01/2026'],
    ['a day that does not exist', '2026-02-31'],
    ['before 1970', '1969-12-31T23:00:00.000Z'],
  ])('makes no touchpoint from a date that is %s', (_, value) => {
    expect(contactTouchpoints('501', '77', { hs_email_last_click_date: value })).toEqual([]);
  });

  it('makes none at all for a contact without activity', () => {
    expect(contactTouchpoints('501', '77', { firstname: 'Dana', lastmodifieddate: ISO })).toEqual([]);
  });

  it('reads a date sent as epoch milliseconds too (the APIs accept either, §6)', () => {
    expect(contactTouchpoints('501', '77', { hs_sales_email_last_replied: String(AT) })).toMatchObject([
      { type: 'reply', at: AT },
    ]);
  });

  it('counts a meeting booked through the meetings tool that is also the latest meeting once', () => {
    const touchpoints = contactTouchpoints('501', '77', {
      hs_latest_meeting_activity: ISO,
      engagements_last_meeting_booked: ISO,
    });
    expect(touchpoints.map((t) => t.id)).toEqual(['hubspot:contact-501-hs_latest_meeting_activity']);
  });

  it('keeps two acts of the same kind at different dates apart (a sales and a marketing email opened)', () => {
    const touchpoints = contactTouchpoints('501', '77', {
      hs_email_last_open_date: ISO,
      hs_sales_email_last_opened: new Date(AT - 86_400_000).toISOString(),
    });
    expect(touchpoints.map((t) => t.type)).toEqual(['email_open', 'email_open']);
  });
});

describe("a company's activity roll-ups", () => {
  const rollUps = {
    hs_analytics_last_visit_timestamp: ISO,
    hs_last_sales_activity_timestamp: ISO,
    hs_latest_meeting_activity: ISO,
  };

  it.each([
    ['0', 3],
    [undefined, 3],
    [null, 3],
    ['1', 0],
    ['12', 0],
  ])(
    'with num_associated_contacts %s gives %i touchpoints: a company with contacts speaks through theirs',
    (count, n) => {
      expect(companyTouchpoints('77', { ...rollUps, num_associated_contacts: count })).toHaveLength(n);
    },
  );

  it('without contacts, gives its roll-ups as touchpoints of the account, of no contact', () => {
    expect(companyTouchpoints('77', { hs_analytics_last_visit_timestamp: ISO, num_associated_contacts: '0' })).toEqual([
      {
        id: 'hubspot:company-77-hs_analytics_last_visit_timestamp',
        accountId: 'hubspot:77',
        type: 'web_visit',
        stage: 'TOFU',
        at: AT,
      },
    ]);
  });
});
