import { afterEach, describe, expect, it, vi } from 'vitest';
import { asForeground, BROWSING_MS, foregroundPause, REST_MS, resetForeground } from './foreground';

afterEach(resetForeground);

describe('background work giving way to a person’s', () => {
  it('waits at its pause while a tab update is in flight, and goes on once it is done', async () => {
    const events: string[] = [];
    let finish = () => {};
    const update = asForeground(
      () =>
        new Promise<void>((done) => {
          finish = () => {
            events.push('update done');
            done();
          };
        }),
    );
    const job = foregroundPause().then(() => events.push('job resumed'));
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]);
    finish();
    await Promise.all([update, job]);
    expect(events).toEqual(['update done', 'job resumed']);
  });

  it('rests at each pause while the person browses (a page answered under BROWSING_MS ago), not once they stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const realTick = () => new Promise((r) => setImmediate(r));
    try {
      await asForeground(async () => {});
      let resumed = false;
      const job = foregroundPause().then(() => {
        resumed = true;
      });
      let waited = 0;
      for (; waited < REST_MS - 1; waited++) {
        await realTick();
        await vi.advanceTimersByTimeAsync(1);
      }
      expect(resumed).toBe(false);
      for (; !resumed && waited < 10 * REST_MS; waited++) {
        await realTick();
        await vi.advanceTimersByTimeAsync(1);
      }
      await job;
      expect(waited).toBeGreaterThanOrEqual(REST_MS);
      // A second past the last page: no rest, so the pause ends with no timer run.
      vi.advanceTimersByTime(BROWSING_MS);
      await foregroundPause();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not rest after work no page asked for (the open tabs re-resolved after a sync), though it waits for it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      let finish = () => {};
      const refresh = asForeground(() => new Promise<void>((done) => (finish = done)), { browsing: false });
      let resumed = false;
      const job = foregroundPause().then(() => {
        resumed = true;
      });
      await new Promise((r) => setImmediate(r));
      expect(resumed).toBe(false);
      finish();
      await refresh;
      // No timer is advanced: a pause that rested REST_MS would never end here.
      await job;
      expect(resumed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait when nothing is in flight, and a failed update does not hold it', async () => {
    await expect(asForeground(() => Promise.reject(new Error('no tab')))).rejects.toThrow('no tab');
    await expect(foregroundPause()).resolves.toBeUndefined();
  });
});
