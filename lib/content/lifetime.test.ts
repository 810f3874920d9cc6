import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLifetime } from './lifetime';

afterEach(() => {
  vi.useRealTimers();
});

describe('a content script’s lifetime', () => {
  it('ends when a newer instance of the same script starts in the frame, and only then', () => {
    const first = startLifetime('test-a');
    const other = startLifetime('test-b');
    expect(first.isValid).toBe(true);
    const second = startLifetime('test-a');
    expect(first.signal.aborted).toBe(true);
    expect(first.isValid).toBe(false);
    expect(second.isValid).toBe(true);
    expect(other.isValid).toBe(true);
  });

  it('ends when the extension goes away: its timers stop firing and its listeners are removed', () => {
    vi.useFakeTimers();
    let alive = true;
    const life = startLifetime('test-c', () => alive);
    const ticks = vi.fn();
    const later = vi.fn();
    life.setInterval(ticks, 1000);
    life.setTimeout(later, 5000);
    const target = new EventTarget();
    const heard = vi.fn();
    target.addEventListener('ping', heard, { signal: life.signal });

    vi.advanceTimersByTime(2000);
    expect(ticks).toHaveBeenCalledTimes(2);
    alive = false;
    vi.advanceTimersByTime(10_000);
    expect(ticks).toHaveBeenCalledTimes(2);
    expect(later).not.toHaveBeenCalled();
    expect(life.signal.aborted).toBe(true);
    target.dispatchEvent(new Event('ping'));
    expect(heard).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets a timer be cancelled before it fires', () => {
    vi.useFakeTimers();
    const life = startLifetime('test-d', () => true);
    const fired = vi.fn();
    const cancel = life.setTimeout(fired, 1000);
    life.setTimeout(fired, 2000);
    cancel();
    vi.advanceTimersByTime(1500);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(fired).toHaveBeenCalledTimes(1);
  });
});
