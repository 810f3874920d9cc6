/**
 * Work a person waits for (a page's badge and panel) goes before background work (rescoring).
 * The worker has one thread: a long background job yields at its pauses, and waits there while
 * a tab update is in flight, so that a navigation's lookup never queues behind a page of scores.
 */
let inFlight = 0;
let waiting: (() => void)[] = [];

/** Runs `work` as foreground work: background pauses wait until it is done. */
export async function asForeground<T>(work: () => Promise<T>): Promise<T> {
  inFlight++;
  try {
    return await work();
  } finally {
    inFlight--;
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

/** A background job's pause: lets queued messages in, then waits for foreground work to finish. */
export async function foregroundPause(): Promise<void> {
  await nextTask();
  while (inFlight > 0) {
    await new Promise<void>((resume) => waiting.push(resume));
    await nextTask();
  }
}

/** For tests: forgets waiting jobs. */
export function resetForeground(): void {
  inFlight = 0;
  waiting = [];
}
