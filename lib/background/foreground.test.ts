import { afterEach, describe, expect, it } from 'vitest';
import { asForeground, foregroundPause, resetForeground } from './foreground';

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

  it('does not wait when nothing is in flight, and a failed update does not hold it', async () => {
    await expect(asForeground(() => Promise.reject(new Error('no tab')))).rejects.toThrow('no tab');
    await expect(foregroundPause()).resolves.toBeUndefined();
  });
});
