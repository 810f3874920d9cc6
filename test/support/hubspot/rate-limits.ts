/** The per-10-second, per-second (search) and daily buckets of §8, on the server's clock. */
export class RateLimits {
  private tenSecond: number[] = [];
  private searchSecond: number[] = [];
  private day = { start: 0, count: 0 };

  constructor(
    private readonly now: () => number,
    private readonly max: { tenSecondly: number; daily: number; searchPerSecond: number },
  ) {}

  reset(): void {
    this.tenSecond = [];
    this.searchSecond = [];
    this.day = { start: 0, count: 0 };
  }

  /** Counts a request; the policy it exceeds, if any. Search is exempt from the 10 s window (§3). */
  take(search: boolean): 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY' | undefined {
    const t = this.now();
    const midnight = startOfUtcDay(t);
    if (this.day.start !== midnight) this.day = { start: midnight, count: 0 };
    if (this.day.count >= this.max.daily) return 'DAILY';
    if (search) {
      this.searchSecond = this.searchSecond.filter((x) => x > t - 1000);
      if (this.searchSecond.length >= this.max.searchPerSecond) return 'SECONDLY';
      this.searchSecond.push(t);
    } else {
      this.tenSecond = this.tenSecond.filter((x) => x > t - 10_000);
      if (this.tenSecond.length >= this.max.tenSecondly) return 'TEN_SECONDLY_ROLLING';
      this.tenSecond.push(t);
    }
    this.day.count++;
    return undefined;
  }

  /** §8 headers: the full set on ordinary responses, only the Daily pair on search responses. */
  headers(search: boolean): Record<string, string> {
    const daily = {
      'x-hubspot-ratelimit-daily': String(this.max.daily),
      'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, this.max.daily - this.day.count)),
    };
    if (search) return daily;
    const inWindow = this.tenSecond.filter((x) => x > this.now() - 10_000).length;
    const lastSecond = this.tenSecond.filter((x) => x > this.now() - 1000).length;
    const secondly = Math.ceil(this.max.tenSecondly / 10);
    return {
      ...daily,
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': String(this.max.tenSecondly),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, this.max.tenSecondly - inWindow)),
      'x-hubspot-ratelimit-secondly': String(secondly),
      'x-hubspot-ratelimit-secondly-remaining': String(Math.max(0, secondly - lastSecond)),
    };
  }
}

/** The daily limit resets at midnight in the portal's time zone (§8); the server's portal is on UTC. */
export function startOfUtcDay(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
