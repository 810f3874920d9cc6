import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE, parseStage, parseTouchpointType } from './touchpoint';

describe('parseTouchpointType', () => {
  it.each([
    ['email_click', 'email_click'],
    ['Email Click', 'email_click'],
    ['Email Open', 'email_open'],
    ['Email opened', 'email_open'],
    ['Meeting', 'meeting'],
    ['Meeting booked', 'meeting'],
    ['Form Submission', 'form_fill'],
    ['Page view', 'web_visit'],
    ['Website visit', 'web_visit'],
    ['Pricing page visit', 'pricing_page_visit'],
    ['Demo request', 'demo_request'],
    ['Requested a demo', 'demo_request'],
    ['Ad click', 'ad_click'],
    ['Whitepaper download', 'content_download'],
    ['Webinar registration', 'event_registered'],
    ['Webinar attended', 'event_attended'],
    ['Sales call', 'sales_call'],
    ['Email reply', 'reply'],
  ])('reads %j as %s', (value, type) => {
    expect(parseTouchpointType(value)).toBe(type);
  });

  it.each(['', 'null', 'Note', 'Task'])('reads %j as no touchpoint type', (value) => {
    expect(parseTouchpointType(value)).toBeUndefined();
  });
});

describe('parseStage', () => {
  it.each([
    ['TOFU', 'TOFU'],
    ['mofu', 'MOFU'],
    ['Bottom of funnel', 'BOFU'],
    ['top', 'TOFU'],
  ])('reads %j as %s', (value, stage) => {
    expect(parseStage(value)).toBe(stage);
  });

  it('leaves an unknown stage to the default of the type', () => {
    expect(parseStage('hot')).toBeUndefined();
    expect(DEFAULT_STAGE.meeting).toBe('BOFU');
    expect(DEFAULT_STAGE.web_visit).toBe('TOFU');
  });
});
