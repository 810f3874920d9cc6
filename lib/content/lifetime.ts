import { browser } from 'wxt/browser';

/**
 * How long one content script instance may act, and the cleanup of what it started. It ends
 * when the extension goes away (reloaded, updated or removed: `browser.runtime.id` is gone and
 * messages would throw) or when a newer instance of the same script starts in the same frame
 * (the website script injected on a toolbar click where it is already registered).
 *
 * It replaces WXT's `ContentScriptContext`, which announces every start to the page with
 * `window.postMessage(…, '*')` and a DOM event, and stops when the page sends one back. Nothing
 * here reaches the page: the handover between instances goes through the isolated world's own
 * global, which the page's scripts cannot see.
 */
export interface Lifetime {
  /** Aborted when the lifetime ends: pass it to `addEventListener` to remove listeners then. */
  readonly signal: AbortSignal;
  /** Whether the instance may still act; notices a vanished extension and ends the lifetime then. */
  readonly isValid: boolean;
  /** `setTimeout` whose handler runs only while the lifetime lasts, cleared when it ends; returns its cancel. */
  setTimeout(handler: () => void, ms: number): () => void;
  /** `setInterval` whose handler runs only while the lifetime lasts, cleared when it ends. */
  setInterval(handler: () => void, ms: number): void;
}

/** Per script name, the running instance's controller. A registered symbol: one per isolated world. */
const RUNNING = Symbol.for('tierlens.content-script.running');
type Scope = { [RUNNING]?: Map<string, AbortController> };

const extensionAlive = (): boolean => browser.runtime?.id != null;

/**
 * Starts the lifetime of the content script `name`, ending the one an earlier instance of it in
 * this frame started. `alive` says whether the extension is still there (tests replace it).
 */
export function startLifetime(name: string, alive: () => boolean = extensionAlive): Lifetime {
  const scope = globalThis as Scope;
  scope[RUNNING] ??= new Map();
  scope[RUNNING].get(name)?.abort();
  const controller = new AbortController();
  scope[RUNNING].set(name, controller);
  const { signal } = controller;

  const isValid = (): boolean => {
    if (!signal.aborted && !alive()) controller.abort();
    return !signal.aborted;
  };
  return {
    signal,
    get isValid() {
      return isValid();
    },
    setTimeout(handler, ms) {
      // A timer that fired or was cancelled leaves no listener behind: a page may cause thousands.
      const cancel = () => {
        clearTimeout(id);
        signal.removeEventListener('abort', cancel);
      };
      const id = setTimeout(() => {
        signal.removeEventListener('abort', cancel);
        if (isValid()) handler();
      }, ms);
      signal.addEventListener('abort', cancel, { once: true });
      return cancel;
    },
    setInterval(handler, ms) {
      const id = setInterval(() => isValid() && handler(), ms);
      signal.addEventListener('abort', () => clearInterval(id), { once: true });
    },
  };
}
