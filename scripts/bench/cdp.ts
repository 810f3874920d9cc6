/**
 * A minimal Chrome DevTools Protocol client over the browser's WebSocket (Node's WebSocket:
 * run with --experimental-websocket on Node 20). Playwright attaches to the extension's service
 * worker and keeps it alive, and loses its pages when the worker is stopped; this client attaches
 * only to the pages it drives, so the worker can be stopped as the browser stops an idle one.
 */
type Handler = (params: Record<string, unknown>, sessionId?: string) => void;

export class Cdp {
  private nextId = 0;
  private readonly pending = new Map<number, { done: (v: unknown) => void; fail: (e: Error) => void }>();
  private readonly handlers = new Map<string, Handler[]>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const msg = JSON.parse(String(event.data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.fail(new Error(msg.error.message));
        else p?.done(msg.result);
      } else if (msg.method) {
        for (const h of this.handlers.get(msg.method) ?? []) h(msg.params ?? {}, msg.sessionId);
      }
    });
  }

  static async connect(url: string): Promise<Cdp> {
    const socket = new WebSocket(url);
    await new Promise((done, fail) => {
      socket.addEventListener('open', done, { once: true });
      socket.addEventListener('error', fail, { once: true });
    });
    return new Cdp(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.nextId;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise<T>((done, fail) => this.pending.set(id, { done: done as (v: unknown) => void, fail }));
  }

  on(method: string, handler: Handler): () => void {
    this.handlers.set(method, [...(this.handlers.get(method) ?? []), handler]);
    return () =>
      this.handlers.set(
        method,
        (this.handlers.get(method) ?? []).filter((h) => h !== handler),
      );
  }

  /** Evaluates an expression in a page session, awaiting a promise, and returns its value. */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const r = await this.send<{
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  }

  /** Opens a page and attaches to it (flattened session); returns the session id. */
  async openPage(url: string): Promise<string> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await this.send('Page.enable', {}, sessionId);
    if (url !== 'about:blank') await this.navigate(sessionId, url);
    return sessionId;
  }

  async navigate(sessionId: string, url: string): Promise<void> {
    const loaded = new Promise<void>((done) => {
      const off = this.on('Page.loadEventFired', (_p, s) => {
        if (s !== sessionId) return;
        off();
        done();
      });
    });
    await this.send('Page.navigate', { url }, sessionId);
    await loaded;
  }

  close(): void {
    this.socket.close();
  }
}
