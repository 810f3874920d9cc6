/**
 * The test server's programme of injected faults: what the network and HubSpot can do to a
 * request besides answering it (contract §7, §8, and what any HTTP client must survive).
 */

/** Which requests a fault applies to; every given field must match. */
export interface RequestMatcher {
  method?: string;
  /** The path exactly (string) or by pattern. */
  path?: string | RegExp;
  /** Only search requests (`POST …/search`), or only the others. */
  search?: boolean;
}

/** What an injected fault does to a matching request. */
export type Fault =
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** A 429 with the contract's body for that limit (§8); `retryAfter` adds the header. */
  | { kind: 'rate-limit'; policy: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY'; retryAfter?: string }
  /** Answers normally after `ms` (a slow server). */
  | { kind: 'delay'; ms: number }
  /** Never answers (until the client gives up or the server closes); nothing is applied. */
  | { kind: 'hang' }
  /** Closes the connection without an answer (a reset); nothing is applied. */
  | { kind: 'drop' }
  /**
   * Applies the request, then closes the connection without the answer: the write landed but
   * the client cannot tell this from a drop. What idempotent writes exist for.
   */
  | { kind: 'lose-response' };

interface FaultEntry {
  match: RequestMatcher;
  fault: Fault;
  remaining: number;
  skip: number;
}

/** The programme of injected faults: each entry applies to its next `times` matching requests. */
export class FaultProgramme {
  private entries: FaultEntry[] = [];

  /** Adds a fault for the next `times` (default 1) requests matching `match`, after skipping `skip` of them. */
  add(fault: Fault, options: { match?: RequestMatcher; times?: number; skip?: number } = {}): this {
    this.entries.push({ fault, match: options.match ?? {}, remaining: options.times ?? 1, skip: options.skip ?? 0 });
    return this;
  }

  /** Removes every pending fault. */
  clear(): void {
    this.entries = [];
  }

  /** Faults still to fire. */
  get pending(): number {
    return this.entries.reduce((n, e) => n + e.remaining, 0);
  }

  /** The fault for this request, consuming it; the first matching entry wins. */
  take(method: string, path: string): Fault | undefined {
    for (const entry of this.entries) {
      if (entry.remaining <= 0 || !matches(entry.match, method, path)) continue;
      if (entry.skip > 0) {
        entry.skip--;
        continue;
      }
      entry.remaining--;
      return entry.fault;
    }
    return undefined;
  }
}

function matches(m: RequestMatcher, method: string, path: string): boolean {
  if (m.method && m.method.toUpperCase() !== method) return false;
  if (typeof m.path === 'string' && m.path !== path) return false;
  if (m.path instanceof RegExp && !m.path.test(path)) return false;
  if (m.search !== undefined && m.search !== (method === 'POST' && path.endsWith('/search'))) return false;
  return true;
}
