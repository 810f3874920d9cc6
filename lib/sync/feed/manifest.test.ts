import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import { buildManifest, parseManifest } from './manifest';
import { feedUrlProblem, shardUrl } from './urls';

const MANIFEST_URL = 'https://cdn.example.com/feeds/acme/manifest.json';
const SHA = 'a'.repeat(64);
const shard = (fields: Record<string, unknown> = {}) => ({
  path: 'accounts-0001.ndjson.gz',
  records: 10,
  sha256: SHA,
  gzip: true,
  ...fields,
});
const manifest = (fields: Record<string, unknown> = {}) => ({
  format: 'tierlens-feed',
  version: 1,
  generation: '2026-12-01T06:00Z',
  createdAt: '2026-12-01T06:00:00Z',
  shards: [shard()],
  ...fields,
});
const problemsOf = (input: unknown, url = MANIFEST_URL) => {
  const result = parseManifest(input, url);
  return result.ok ? [] : result.problems;
};

describe('a feed manifest', () => {
  it.each([
    ['a minimal manifest', manifest()],
    [
      'shards of each kind, plain and gzip',
      manifest({ shards: [shard(), shard({ path: 'c.ndjson', gzip: false, kinds: ['contact'] })] }),
    ],
    ['shards in a subfolder', manifest({ shards: [shard({ path: 'shards/2026-12-01/accounts-0001.ndjson.gz' })] })],
    [
      'an absolute URL beside the manifest',
      manifest({ shards: [shard({ path: 'https://cdn.example.com/feeds/acme/a.gz' })] }),
    ],
    ['the org models', manifest({ models: { programs: DEFAULT_SETTINGS.programs, rules: DEFAULT_SETTINGS.rules } })],
    ['fields a later version adds beside the known ones', manifest({ description: 'nightly CRM export' })],
  ])('accepts %s', (_name, input) => {
    expect(problemsOf(input)).toEqual([]);
  });

  it.each([
    ['another JSON file', { name: 'package' }, 'format must be "tierlens-feed": this is not a Tierlens feed manifest'],
    ['a newer format', manifest({ version: 2 }), 'version is 2, newer than this Tierlens reads (1): update Tierlens'],
    ['no generation', manifest({ generation: undefined }), 'generation is missing'],
    ['an empty generation', manifest({ generation: ' ' }), 'generation needs a name such as 2026-12-01T06:00Z'],
    [
      'a creation date that is not ISO',
      manifest({ createdAt: '1 Dec 2026' }),
      'createdAt must be an ISO date and time',
    ],
    ['no shard', manifest({ shards: [] }), 'shards lists no shard: a feed needs at least one'],
    [
      'too many shards',
      manifest({ shards: Array.from({ length: 1001 }, (_, i) => shard({ path: `s${i}` })) }),
      'lists more than 1000 shards',
    ],
    [
      'a count that is not a number',
      manifest({ shards: [shard({ records: '10' })] }),
      'shard 1 (accounts-0001.ndjson.gz): records must be a number',
    ],
    [
      'too many records in one shard',
      manifest({ shards: [shard({ records: 250_001 })] }),
      'records must be at most 250000: split the shard',
    ],
    [
      'a hash that is not SHA-256',
      manifest({ shards: [shard({ sha256: 'abc' })] }),
      'sha256 must be the SHA-256 of the shard as served',
    ],
    [
      'a path too long',
      manifest({ shards: [shard({ path: `${'a'.repeat(301)}.gz` })] }),
      'path must be at most 300 characters',
    ],
    [
      'an unknown kind',
      manifest({ shards: [shard({ kinds: ['lead'] })] }),
      'shard 1 (accounts-0001.ndjson.gz): kinds.0',
    ],
    [
      'a models section Tierlens does not know',
      manifest({ models: { commitments: [] } }),
      'models: has unknown "commitments"',
    ],
    [
      'models that fail the settings checks',
      manifest({ models: { icp: { ...DEFAULT_SETTINGS.icp, thresholds: { A: 10, B: 20, C: 5, D: 1 } } } }),
      'models › ICP › grade thresholds: must fall from A to D (A > B > C > D)',
    ],
  ])('rejects %s, saying so', (_name, input, expected) => {
    expect(problemsOf(input).join('\n')).toContain(expected);
  });

  it.each([
    ['a parent folder', '../other/accounts.ndjson.gz', "must stay in the manifest's folder (no ..)"],
    ['a parent folder inside the path', 'shards/../../x.gz', "must stay in the manifest's folder (no ..)"],
    ['an encoded parent folder', '%2e%2e/x.gz', "must stay in the manifest's folder (no ..)"],
    [
      'another site',
      'https://evil.example/accounts.ndjson.gz',
      'points to another site (https://evil.example): serve shards beside the manifest',
    ],
    [
      'another site without a scheme',
      '//evil.example/accounts.ndjson.gz',
      'points to another site (https://evil.example): serve shards beside the manifest',
    ],
    ['plain http', 'http://cdn.example.com/feeds/acme/a.gz', 'must be served over https (not http)'],
    ['another scheme', 'javascript:alert(1)', 'must be served over https (not javascript)'],
    ['a data URL', 'data:application/x-ndjson,{}', 'must be served over https (not data)'],
    ['another folder of the same site', '/feeds/other/a.gz', "must stay in the manifest's folder (/feeds/acme/)"],
    ['a query', 'a.gz?sig=1', 'must be a plain path, without ? or #'],
    ['a backslash', 'shards\\a.gz', 'uses \\: write paths with /'],
  ])('rejects a shard path to %s', (_name, path, expected) => {
    expect(problemsOf(manifest({ shards: [shard({ path })] }))).toEqual([`shard 1 (${path}): ${expected}`]);
  });

  it('rejects a shard listed twice', () => {
    const input = manifest({ shards: [shard(), shard({ path: './accounts-0001.ndjson.gz' })] });
    expect(problemsOf(input)).toEqual(['shard 2 (./accounts-0001.ndjson.gz): is listed twice']);
  });
});

describe('a feed address', () => {
  it.each([
    ['https anywhere', 'https://cdn.example.com/feed/manifest.json', undefined],
    ['http on this machine, for tests', 'http://127.0.0.1:8123/manifest.json', undefined],
    ['http on localhost', 'http://localhost:8123/manifest.json', undefined],
    ['http elsewhere', 'http://cdn.example.com/manifest.json', 'must be served over https (not http)'],
    ['a file', 'file:///tmp/manifest.json', 'must be served over https (not file)'],
    [
      'credentials in the address',
      'https://user:pw@cdn.example.com/manifest.json',
      'must not carry a user name or password',
    ],
    ['not an address', 'manifest.json', '"manifest.json" is not a web address'],
  ])('accepts or refuses %s', (_name, url, expected) => {
    expect(feedUrlProblem(url)).toBe(expected);
  });

  it('resolves a shard beside a manifest served from this machine', () => {
    expect(shardUrl('http://127.0.0.1:9/f/manifest.json', 'a.ndjson')).toEqual({
      url: 'http://127.0.0.1:9/f/a.ndjson',
    });
  });
});

describe('buildManifest', () => {
  it('writes a manifest that a reader accepts', () => {
    const built = buildManifest({ generation: 'g1', createdAt: new Date('2026-12-01T06:00:00Z'), shards: [shard()] });
    expect(built).toMatchObject({ format: 'tierlens-feed', version: 1, createdAt: '2026-12-01T06:00:00.000Z' });
    expect(problemsOf(built)).toEqual([]);
  });

  it('refuses to write a manifest a reader would reject', () => {
    expect(() => buildManifest({ generation: 'g1', createdAt: new Date(), shards: [shard({ path: '../a' })] })).toThrow(
      "shard 1 (../a): must stay in the manifest's folder (no ..)",
    );
  });
});
