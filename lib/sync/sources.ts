import type { SourceConfig } from '../db/source-config';
import { createFeedSource } from './feed/source';
import { createHubSpotSource } from './hubspot/source';
import type { SourceAdapter } from './types';

export const DEFAULT_HUBSPOT_API = 'https://api.hubapi.com';

/** The adapter that reads a connected source. */
export function adapterFor(
  config: SourceConfig,
  options: { tagsProperty?: string; listDeletions?: boolean } = {},
): SourceAdapter {
  if (config.source === 'feed') return createFeedSource({ manifestUrl: config.url });
  if (!config.token) throw new Error('HubSpot is connected without a token');
  return createHubSpotSource({
    token: config.token,
    apiBase: config.url,
    companyTagsProperty: options.tagsProperty,
    listDeletions: options.listDeletions,
  });
}
