/** Hosts a feed may be served from over plain http: this machine only, for tests and local tries. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `url` cannot be a feed's address, or undefined when it can: an absolute https URL (http
 * only on this machine), without credentials.
 */
export function feedUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url.slice(0, 200)}" is not a web address`;
  }
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return undefined;
  if (parsed.protocol !== 'https:') return `must be served over https (not ${parsed.protocol.replace(':', '')})`;
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  return undefined;
}

/**
 * Resolves a shard's path against the manifest's URL. Shards must stay beside the manifest: the
 * same origin (the host permission the user granted covers it, and nobody can point a feed at
 * another site's files) and the manifest's folder or below.
 */
export function shardUrl(manifestUrl: string, path: string): { url: string } | { problem: string } {
  if (path.includes('\\')) return { problem: 'uses \\: write paths with /' };
  if (/[?#]/.test(path)) return { problem: 'must be a plain path, without ? or #' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { problem: 'is not a valid path' };
  }
  // URL resolution would fold `..` away; a manifest that needs it is hand-made or hostile.
  if (decoded.split('/').includes('..')) return { problem: "must stay in the manifest's folder (no ..)" };
  const base = new URL(manifestUrl);
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    return { problem: 'is not a valid path' };
  }
  const schemeProblem = feedUrlProblem(url.href);
  if (schemeProblem) return { problem: schemeProblem };
  if (url.origin !== base.origin)
    return { problem: `points to another site (${url.origin}): serve shards beside the manifest` };
  const folder = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
  if (!url.pathname.startsWith(folder) || url.pathname === folder) {
    return { problem: `must stay in the manifest's folder (${folder})` };
  }
  return { url: url.href };
}
