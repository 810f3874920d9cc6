import { HubSpotClient, type HubSpotClientOptions } from './client';

/**
 * Asks HubSpot whether a token may read companies, with one small request, before it replaces a
 * working one: a mistyped token must not stop every later sync. Resolves when it may; throws the
 * SourceError in plain words (refused, missing scope, unreachable) otherwise.
 */
export async function verifyHubSpotToken(options: HubSpotClientOptions, signal: AbortSignal): Promise<void> {
  const client = new HubSpotClient({ ...options, retry: { attempts: 2, baseMs: 500, maxMs: 2_000 } });
  await client.get('/crm/v3/objects/companies', { limit: '1', archived: 'false' }, signal);
}
