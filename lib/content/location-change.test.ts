import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLifetime } from './lifetime';
import { onLocationChange, POLL_MS } from './location-change';

const START = 'https://www.linkedin.com/feed/';
let page: { href: string };

beforeEach(() => {
  page = { href: START };
  vi.stubGlobal('location', page);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A `navigate` event as the Navigation API fires it: before `location.href` changes. */
const navigateTo = (navigation: EventTarget, url: string) =>
  navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));

describe('in-app navigation, with the Navigation API (Chromium)', () => {
  it('is reported with the URL the page is going to, once per new URL, while the lifetime lasts', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const life = startLifetime('nav-test');
    const seen: string[] = [];
    onLocationChange(life, (url) => seen.push(url.href));

    navigateTo(navigation, 'https://www.linkedin.com/company/hubspot/');
    // A reload, or a navigation to where the page already is, is no change.
    navigateTo(navigation, 'https://www.linkedin.com/company/hubspot/');
    navigateTo(navigation, START);
    startLifetime('nav-test'); // a newer instance took over: this one hears nothing more
    navigateTo(navigation, 'https://www.linkedin.com/company/microsoft/');

    expect(seen).toEqual(['https://www.linkedin.com/company/hubspot/', START]);
  });
});

describe('in-app navigation, without the Navigation API (Firefox)', () => {
  it('is noticed by polling location.href every second, as WXT’s watcher does', () => {
    vi.useFakeTimers();
    const life = startLifetime('poll-test');
    const seen: string[] = [];
    onLocationChange(life, (url) => seen.push(url.href));

    page.href = 'https://www.linkedin.com/company/hubspot/';
    vi.advanceTimersByTime(POLL_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['https://www.linkedin.com/company/hubspot/']);
    vi.advanceTimersByTime(5 * POLL_MS);
    expect(seen).toHaveLength(1);
  });
});
