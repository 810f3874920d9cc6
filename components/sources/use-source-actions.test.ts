import { describe, expect, it } from 'vitest';
import { checkConnection, isLostReply } from './use-source-actions';

describe('a connection is checked on the page with the background’s own rules', () => {
  it.each([
    ['https://feeds.example.com/tierlens/manifest.json', true],
    ['http://localhost:8080/manifest.json', true],
    ['http://127.0.0.1:8080/manifest.json', true],
    ['  https://feeds.example.com/manifest.json  ', true],
  ])('accepts %s', (url, ok) => {
    expect(checkConnection({ source: 'feed', url }).ok).toBe(ok);
  });

  it.each([
    ['http://feeds.example.com/manifest.json'],
    ['ftp://feeds.example.com/manifest.json'],
    ['https://user:secret@feeds.example.com/manifest.json'],
    ['feeds.example.com/manifest.json'],
    [''],
  ])('refuses %j and says why', (url) => {
    expect(checkConnection({ source: 'feed', url })).toEqual({
      ok: false,
      errors: { url: 'must be an https:// address (plain http only on this machine)' },
    });
  });

  it('says what is wrong with a HubSpot token', () => {
    expect(checkConnection({ source: 'hubspot', url: 'https://api.hubapi.com', token: 'short' })).toEqual({
      ok: false,
      errors: { token: 'the token looks too short' },
    });
    expect(checkConnection({ source: 'hubspot', url: 'https://api.hubapi.com', token: 'pat-na1 with spaces' })).toEqual(
      { ok: false, errors: { token: 'the token has characters a HubSpot token does not have' } },
    );
  });
});

describe('a reply lost with the stopped background worker', () => {
  it.each([
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    'The message port closed before a response was received.',
    'Could not establish connection. Receiving end does not exist.',
  ])('is no error to show: %s', (message) => {
    expect(isLostReply(new Error(message))).toBe(true);
  });

  it('leaves a real refusal to be shown', () => {
    expect(isLostReply(new Error('HubSpot refused the token: it is not valid'))).toBe(false);
  });
});
