import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLifetime } from './lifetime';
import { MAX_WAIT_MS, QUIET_MS, SETTLE_MS, watchPage } from './watch-page';

const START = 'https://www.linkedin.com/feed/';
const company = (i: number) => `https://www.linkedin.com/company/c${i}/`;

let page: { href: string };
let win: EventTarget;
/** The document as watchPage uses it: its events and whether it prerenders (the reader here reads the URL alone). */
let doc: EventTarget & { prerendering?: boolean };
let navigation: EventTarget;

beforeEach(() => {
  vi.useFakeTimers();
  page = { href: START };
  vi.stubGlobal('location', page);
  win = new EventTarget();
  vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
  doc = new EventTarget();
  vi.stubGlobal('document', doc);
  navigation = new EventTarget();
  vi.stubGlobal('navigation', navigation);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** An in-app navigation as Chromium shows it to a content script: `navigate` first, then the new URL. */
function pushState(url: string) {
  navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
  page.href = url;
}

/**
 * Watches the page with a reader that reads the URL, and answers each report after `answerMs`
 * (0: at once). Returns the URLs reported, in order.
 */
function watch(answerMs = 0): string[] {
  const reported: string[] = [];
  watchPage(
    startLifetime(`watch-${Math.random()}`),
    (url) => ({ url }),
    async (result) => {
      reported.push(result?.url ?? 'nothing');
      if (answerMs > 0) await new Promise((resolve) => setTimeout(resolve, answerMs));
    },
  );
  return reported;
}

describe('reports to the background, bounded on a page that navigates in a loop', () => {
  it('makes two reports of 10,000 pushState calls in a loop: the first at once, the last URL once the loop is over', async () => {
    const reported = watch();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 10_000; i++) pushState(company(i));
    expect(reported).toEqual([START, company(0)]);
    // One burst timer and one settle timer, not one per navigation.
    expect(vi.getTimerCount()).toBeLessThanOrEqual(2);
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(reported).toEqual([START, company(0), company(9999)]);
    // The settled look finds nothing new.
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(reported).toEqual([START, company(0), company(9999)]);
  });

  it('reports a burst that never quiets (faster than the background answers) once a second, at its latest URL', async () => {
    const reported = watch(50);
    await vi.advanceTimersByTimeAsync(50);
    let i = 0;
    const loop = setInterval(() => pushState(company(i++)), 10);
    await vi.advanceTimersByTimeAsync(10_000);
    clearInterval(loop);
    // The start, the first navigation, then one report per MAX_WAIT_MS of the ten seconds.
    expect(reported.length).toBeLessThanOrEqual(2 + 10_000 / MAX_WAIT_MS);
    await vi.advanceTimersByTimeAsync(QUIET_MS + 50);
    expect(reported.at(-1)).toBe(company(i - 1));
  });

  it('reports each navigation at once when the one before was answered: a user’s clicks wait for nothing', async () => {
    const reported = watch(20);
    await vi.advanceTimersByTimeAsync(20);
    for (let i = 0; i < 5; i++) {
      pushState(company(i));
      expect(reported.at(-1)).toBe(company(i));
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(reported).toEqual([START, ...[0, 1, 2, 3, 4].map(company)]);
  });

  it('reports a navigation made while the last report is on its way once it is quiet', async () => {
    const reported = watch(500);
    pushState(company(1));
    pushState(company(2));
    expect(reported).toEqual([START]);
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(reported).toEqual([START, company(2)]);
  });
});

describe('looks at the page again when it is shown again', () => {
  it('after a back/forward-cache restore, reports the restored page (and not on an ordinary load)', async () => {
    const reported = watch();
    await vi.advanceTimersByTimeAsync(0);
    win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    expect(reported).toEqual([START]);
    // The user went to another page of another site, then Back: this page resumes where it stopped.
    win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(reported).toEqual([START, START]);
  });

  it('reports nothing while the page prerenders, and the page it is once shown', async () => {
    doc.prerendering = true;
    const reported = watch();
    pushState(company(1));
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(reported).toEqual([]);
    doc.prerendering = false;
    doc.dispatchEvent(new Event('prerenderingchange'));
    expect(reported).toEqual([company(1)]);
  });
});
