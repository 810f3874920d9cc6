import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAccount, type SyncRecord } from '../records';
import { createFeedWriter } from './writer';

const NOW = Date.parse('2026-12-01T06:00:00Z');
const account = (n: number): SyncRecord => ({
  kind: 'account',
  record: buildAccount('feed', String(n), { name: `Company ${n}` }, NOW),
});
const contact = (n: number): SyncRecord => ({
  kind: 'contact',
  record: { id: `feed:c${n}`, accountId: `feed:${n}`, name: `Person ${n}`, buyingRoles: [], updatedAt: NOW },
});

function memoryWriter(options: { shardSize?: number; gzip?: boolean } = {}) {
  const files = new Map<string, Uint8Array>();
  const writer = createFeedWriter({ ...options, write: async (name, bytes) => void files.set(name, bytes) });
  return { files, writer };
}

describe('the feed writer', () => {
  it('writes one kind per shard, accounts first, each named by its number and hash', async () => {
    const { files, writer } = memoryWriter({ shardSize: 2, gzip: false });
    await writer.add([contact(1), account(1), account(2), account(3)]);
    const shards = await writer.close();
    expect(shards.map((s) => [s.path.replace(/-[0-9a-f]{12}\./, '-HASH.'), s.records, s.kinds])).toEqual([
      ['accounts-0001-HASH.ndjson', 2, ['account']],
      ['accounts-0002-HASH.ndjson', 1, ['account']],
      ['contacts-0001-HASH.ndjson', 1, ['contact']],
    ]);
    for (const shard of shards) {
      const bytes = files.get(shard.path) ?? new Uint8Array();
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(shard.sha256);
      expect(shard.path).toContain(shard.sha256.slice(0, 12));
    }
  });

  it('refuses a record a reader would reject, instead of publishing it', async () => {
    const { writer } = memoryWriter();
    const foreign: SyncRecord = { kind: 'account', record: buildAccount('hubspot', '1', { name: 'Acme' }, NOW) };
    await expect(writer.add([foreign])).rejects.toThrow('account hubspot:1: source must be feed (is hubspot)');
  });

  it.each([0, 1.5, 250_001])('refuses a shard size of %s', (shardSize) => {
    expect(() => memoryWriter({ shardSize })).toThrow('shard size must be a whole number from 1 to 250000');
  });
});
