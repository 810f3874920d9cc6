/**
 * What a team feed may hold. A shard is one page of the sync, held in memory whole while it is
 * verified and parsed (its hash covers the whole file), so its size bounds the worker's memory:
 * 64 MB decompressed is about 100k accounts of typical width, well under the 150 MB heap target.
 */
export const FEED_LIMITS = {
  /** Shards one manifest may list. */
  shards: 1000,
  /** Characters of a shard's path. */
  pathLength: 300,
  /** Records one shard may hold (build-feed's default shard size is 50,000). */
  recordsPerShard: 250_000,
  /** Bytes of a shard, as served and once decompressed. */
  shardBytes: 64 * 1024 * 1024,
  /** Bytes of the manifest itself (its models included). */
  manifestBytes: 4 * 1024 * 1024,
} as const;
