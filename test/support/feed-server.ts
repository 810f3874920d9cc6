import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

/** What a file of the server is: text is served as UTF-8. */
export type FeedFiles = Record<string, string | Uint8Array>;

/** A misbehaviour the next requests for a path meet, as a host or a network would. */
export type Fault =
  /** Answer with this status (and `Retry-After`, when given) instead of the file. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Serve the file with one byte changed (same length and ETag): corruption in transit or on the host. */
  | { kind: 'corrupt' }
  /** Serve a .gz file with `Content-Encoding: gzip`, as a misconfigured bucket does: clients inflate it. */
  | { kind: 'content-encoding' }
  /** Wait this long before answering. */
  | { kind: 'delay'; ms: number }
  /** Close the connection: before any header, or after half of the body. */
  | { kind: 'drop'; when?: 'before-headers' | 'mid-body' };

export interface RecordedRequest {
  method: string;
  /** The path asked for, without the leading slash (`manifest.json`). */
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
}

export interface FeedServer {
  /** The server's root, ending in `/` (`http://127.0.0.1:PORT/`). */
  url: string;
  close(): Promise<void>;
  /** Replaces the in-memory files (a new generation published). */
  setFiles(files: FeedFiles): void;
  /** Every request so far, in order. */
  requests: RecordedRequest[];
  faults: {
    /** Applies `fault` to the next `times` requests for `path` (default 1; `Infinity` for all). */
    add(path: string, fault: Fault, times?: number): void;
    clear(): void;
  };
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.gz': 'application/gzip',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * A static file server on 127.0.0.1 (a random port) that behaves like a careful static host: a
 * strong ETag per file, `If-None-Match` answered 304, exact Content-Type and Content-Length, no
 * Content-Encoding, and CORS open. Files come from `dir` or from memory (`files`, then
 * `setFiles`); memory wins. Faults make it misbehave on purpose.
 */
export async function startFeedServer(options: { dir?: string; files?: FeedFiles } = {}): Promise<FeedServer> {
  let files = new Map<string, Uint8Array>();
  const setFiles = (next: FeedFiles) => {
    files = new Map(Object.entries(next).map(([path, body]) => [path.replace(/^\//, ''), toBytes(body)]));
  };
  setFiles(options.files ?? {});
  const requests: RecordedRequest[] = [];
  const pending: { path: string; fault: Fault; left: number }[] = [];

  const takeFault = (path: string, afterDelay = false): Fault | undefined => {
    const rule = pending.find((r) => r.path === path && r.left > 0 && !(afterDelay && r.fault.kind === 'delay'));
    if (rule) rule.left -= 1;
    return rule?.fault;
  };

  const lookup = async (path: string): Promise<Uint8Array | undefined> => {
    const inMemory = files.get(path);
    if (inMemory || !options.dir) return inMemory;
    const root = resolve(options.dir);
    const full = resolve(root, path);
    if (!full.startsWith(root + sep)) return undefined;
    return readFile(full).then(
      (b) => new Uint8Array(b),
      () => undefined,
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '');
    const record = (status: number) =>
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, status });
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Accept');
      record(204);
      return res.writeHead(204).end();
    }
    let fault = takeFault(path);
    // One delay per request (a rule with `times: n` slows n requests), then any other fault for it.
    if (fault?.kind === 'delay') {
      const { ms } = fault;
      await new Promise((r) => setTimeout(r, ms));
      fault = takeFault(path, true);
    }
    if (fault?.kind === 'drop' && fault.when !== 'mid-body') {
      record(0);
      return req.socket.destroy();
    }
    if (fault?.kind === 'status') {
      record(fault.status);
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      return res.writeHead(fault.status, { 'Content-Type': 'text/plain' }).end(`fault ${fault.status}`);
    }
    const body = await lookup(path);
    if (!body) {
      record(404);
      return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (matches(req.headers['if-none-match'], etag)) {
      record(304);
      return res.writeHead(304).end();
    }
    const served = fault?.kind === 'corrupt' ? corrupt(body) : body;
    record(200);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': String(served.byteLength),
      ...(fault?.kind === 'content-encoding' ? { 'Content-Encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    if (fault?.kind === 'drop') {
      res.write(served.subarray(0, Math.floor(served.byteLength / 2)));
      return setTimeout(() => req.socket.destroy(), 10);
    }
    res.end(served);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
    setFiles,
    requests,
    faults: {
      add: (path, fault, times = 1) => pending.push({ path: path.replace(/^\//, ''), fault, left: times }),
      clear: () => {
        pending.length = 0;
      },
    },
  };
}

/** `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes do not matter. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function corrupt(body: Uint8Array): Uint8Array {
  const copy = new Uint8Array(body);
  const at = Math.floor(copy.byteLength / 2);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}
