import { describe, expect, it } from 'vitest';
import { SourceError } from '../errors';
import { HubSpotClient } from './client';
import { ownerName, readOwners } from './owners';

describe('the name an owner is shown by', () => {
  it.each`
    firstName    | lastName        | email                  | shown
    ${'HubSpot'} | ${'Test Owner'} | ${'email@hubspot.com'} | ${'HubSpot Test Owner'}
    ${'Cher'}    | ${undefined}    | ${'cher@example.com'}  | ${'Cher'}
    ${' '}       | ${null}         | ${'email@hubspot.com'} | ${'email@hubspot.com'}
    ${undefined} | ${undefined}    | ${undefined}           | ${'41629779'}
  `('$firstName $lastName <$email>: $shown', ({ firstName, lastName, email, shown }) => {
    expect(ownerName({ id: '41629779', firstName, lastName, email })).toBe(shown);
  });
});

describe('reading the owners', () => {
  it('gives up with a retryable error when HubSpot hands back the same cursor again, rather than paging forever', async () => {
    let calls = 0;
    const fetch: typeof globalThis.fetch = async () => {
      calls++;
      const body = {
        results: [{ id: String(calls), email: `o${calls}@example.com` }],
        paging: { next: { after: 'X' } },
      };
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const client = new HubSpotClient({ token: 't', apiBase: 'https://hubspot.test', fetch });
    const error = await readOwners(client, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ retryable: true });
    expect(calls).toBe(2);
  });

  it('accepts an owner id sent as a number', async () => {
    const fetch: typeof globalThis.fetch = async () =>
      new Response(JSON.stringify({ results: [{ id: 41629779, firstName: 'HubSpot', lastName: 'Test Owner' }] }));
    const client = new HubSpotClient({ token: 't', apiBase: 'https://hubspot.test', fetch });
    expect(await readOwners(client, new AbortController().signal)).toEqual({
      byId: { '41629779': { name: 'HubSpot Test Owner' } },
    });
  });
});
