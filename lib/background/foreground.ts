/**
 * Work a person waits for (a page's badge and panel) goes before background work (rescoring).
 * The worker has one thread: a long background job yields at its pauses, and waits there while
 * a tab update is in flight, so that a navigation's lookup never queues behind a page of scores.
 */
let inFlight = 0;
let waiting: (() => void)[] = [];
/** When the last foreground work ended (performance.now()). */
let lastEnded = Number.NEGATIVE_INFINITY;
/** For this long after a page was answered, the person counts as browsing. */
export const BROWSING_MS = 1_000;
/** While they browse, each pause of background work rests this long, leaving the CPU to their pages. */
export const REST_MS = 5;

/**
 * Runs `work` as foreground work: background pauses wait until it is done. Work a page asked
 * for (`browsing`, the default) also has the pauses rest for BROWSING_MS after it; work the
 * background started itself (re-resolving the open tabs after a sync) does not: no one is
 * browsing because of it, and the rescoring that follows it would rest its first second for nothing.
 */
export async function asForeground<T>(work: () => Promise<T>, { browsing = true } = {}): Promise<T> {
  inFlight++;
  try {
    return await work();
  } finally {
    inFlight--;
    if (browsing) lastEnded = performance.now();
    if (inFlight === 0) for (const resume of waiting.splice(0)) resume();
  }
}

/**
 * A macrotask turn: messages that arrived meanwhile are handled before the caller goes on.
 * Through a message channel, not `setTimeout(0)`, which chained timers clamp to 4 ms each.
 */
const nextTask = () =>
  new Promise<void>((resume) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resume();
    };
    port2.postMessage(null);
  });

/**
 * A background job's pause: lets queued messages in, then waits for foreground work to finish;
 * while the person is browsing (a page answered in the last BROWSING_MS), it also rests REST_MS.
 * On a machine of two cores, the next navigation's page and content script would otherwise share
 * them with the job.
 */
export async function foregroundPause(): Promise<void> {
  await nextTask();
  for (;;) {
    while (inFlight > 0) {
      await new Promise<void>((resume) => waiting.push(resume));
      await nextTask();
    }
    if (performance.now() - lastEnded >= BROWSING_MS) return;
    await new Promise<void>((resume) => setTimeout(resume, REST_MS));
    if (inFlight === 0) return;
  }
}

/** For tests: forgets waiting jobs. */
export function resetForeground(): void {
  inFlight = 0;
  waiting = [];
  lastEnded = Number.NEGATIVE_INFINITY;
}
