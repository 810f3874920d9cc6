import type { SourceId } from './accounts';

/**
 * How the user connected a source: the team feed's address, the HubSpot token and API address.
 * Kept in the extension's IndexedDB, which only the extension's own pages and worker can open —
 * never `storage.local`, which content scripts can read.
 */
export interface SourceConfig {
  source: Extract<SourceId, 'feed' | 'hubspot'>;
  /** The feed's manifest URL, or HubSpot's API address. */
  url: string;
  /** HubSpot's private app token. */
  token?: string;
  /** Minutes between periodic runs. */
  everyMinutes: number;
  connectedAt: number;
}

export const sourceConfigSchema = 'source';
