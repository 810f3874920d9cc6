import { z } from 'zod';
import { managedModelsSchema } from '../../settings/managed';
import { describePath } from '../../settings/validate';
import { FEED_LIMITS } from './limits';
import { shardUrl } from './urls';

/** The manifest's format name: what tells a Tierlens feed from any other JSON file. */
export const FEED_FORMAT = 'tierlens-feed';
/** The manifest format this Tierlens reads and build-feed writes. */
export const FEED_VERSION = 1;

const KINDS = ['account', 'contact', 'touchpoint', 'deal'] as const;

/** One shard as the manifest lists it: where it is, how many records it holds, and its SHA-256 as served. */
export const shardEntrySchema = z.object({
  path: z
    .string()
    .min(1, 'needs a path')
    .max(FEED_LIMITS.pathLength, `must be at most ${FEED_LIMITS.pathLength} characters`),
  records: z
    .number('must be a number')
    .int('must be a whole number')
    .min(0, 'cannot be negative')
    .max(FEED_LIMITS.recordsPerShard, `must be at most ${FEED_LIMITS.recordsPerShard}: split the shard`),
  sha256: z
    .string('must be text')
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the shard as served, in 64 hexadecimal digits'),
  gzip: z.boolean('must be true or false'),
  /** The kinds of record the shard holds; a record of another kind is an error. */
  kinds: z.array(z.enum(KINDS)).min(1, 'must name at least one kind').optional(),
});
export type ShardEntry = z.infer<typeof shardEntrySchema>;

/**
 * A feed's `manifest.json`. Unknown top-level fields are ignored (a later minor addition must not
 * break older extensions); `version` is what changes when the format does. `models` are strict:
 * a section this Tierlens does not know could not be honoured, so the feed says so.
 */
export const manifestSchema = z.object({
  format: z.literal(FEED_FORMAT, { error: `must be "${FEED_FORMAT}": this is not a Tierlens feed manifest` }),
  version: z.literal(FEED_VERSION, {
    error: (issue) =>
      typeof issue.input === 'number' && issue.input > FEED_VERSION
        ? `is ${issue.input}, newer than this Tierlens reads (${FEED_VERSION}): update Tierlens`
        : `must be ${FEED_VERSION}`,
  }),
  /** The generation's name, shown to users ("synced generation 2026-12-01T06:00Z"). */
  generation: z
    .string('must be text such as 2026-12-01T06:00Z')
    .trim()
    .min(1, 'needs a name such as 2026-12-01T06:00Z')
    .max(100, 'must be at most 100 characters'),
  createdAt: z.iso.datetime({ offset: true, error: 'must be an ISO date and time such as 2026-12-01T06:00:00Z' }),
  shards: z
    .array(shardEntrySchema, 'must be a list')
    .min(1, 'lists no shard: a feed needs at least one')
    .max(FEED_LIMITS.shards, `lists more than ${FEED_LIMITS.shards} shards: use bigger shards`),
  models: managedModelsSchema.optional(),
});
export type FeedManifest = z.infer<typeof manifestSchema>;

export type ManifestResult = { ok: true; manifest: FeedManifest } | { ok: false; problems: string[] };

/**
 * Validates a manifest read from `manifestUrl`: its shape, then each shard's path, which must
 * resolve beside the manifest (same origin, same folder or below). Problems are in plain words,
 * each naming where it is ("shard 3 (../a.ndjson): …", "models › ICP › grade thresholds: …").
 */
export function parseManifest(input: unknown, manifestUrl: string): ManifestResult {
  const parsed = manifestSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => describeIssue(i, input)) };
  const manifest = parsed.data;
  const problems: string[] = [];
  const seen = new Set<string>();
  manifest.shards.forEach((shard, i) => {
    const resolved = shardUrl(manifestUrl, shard.path);
    if ('problem' in resolved) problems.push(`shard ${i + 1} (${shard.path}): ${resolved.problem}`);
    else if (seen.has(resolved.url)) problems.push(`shard ${i + 1} (${shard.path}): is listed twice`);
    else seen.add(resolved.url);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, manifest };
}

/** Problems of `models` validated on their own (build-feed's --models file), worded as in a manifest. */
export function modelsProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => describeIssue({ ...issue, path: ['models', ...issue.path] }, undefined));
}

/** Where an issue is, in the manifest's words: shards by number and path, models by their settings names. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [head, index, ...rest] = issue.path;
  const message = messageOf(issue);
  if (head === 'shards' && typeof index === 'number') {
    const path = shardPathOf(input, index);
    const field = rest.length > 0 ? `${rest.join('.')} ` : '';
    return `shard ${index + 1}${path ? ` (${path})` : ''}: ${field}${message}`;
  }
  if (head === 'models')
    return `models${issue.path.length > 1 ? ` › ${describePath(issue.path.slice(1))}` : ''}: ${message}`;
  return issue.path.length > 0 ? `${issue.path.join('.')} ${message}` : message;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  if (issue.code === 'unrecognized_keys') return `has unknown ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function shardPathOf(input: unknown, index: number): string | undefined {
  const shards = (input as { shards?: unknown } | null)?.shards;
  const path = Array.isArray(shards) ? (shards[index] as { path?: unknown } | null)?.path : undefined;
  return typeof path === 'string' ? path.slice(0, 80) : undefined;
}

/**
 * The manifest for shards already written, checked as a reader will check it (so a build never
 * publishes a manifest the extension rejects). Throws with every problem.
 */
export function buildManifest(options: {
  generation: string;
  createdAt: Date;
  shards: ShardEntry[];
  models?: FeedManifest['models'];
}): FeedManifest {
  const manifest = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    generation: options.generation,
    createdAt: options.createdAt.toISOString(),
    shards: options.shards,
    ...(options.models ? { models: options.models } : {}),
  };
  // Any https origin will do: the paths are checked relative to the manifest's folder.
  const result = parseManifest(manifest, 'https://feed.invalid/manifest.json');
  if (!result.ok) throw new Error(`the manifest would not be valid: ${result.problems.join('; ')}`);
  return result.manifest;
}
