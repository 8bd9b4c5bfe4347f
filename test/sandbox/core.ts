// Sandbox forge core: one loopback HTTP server per forge, fault injection and a request log.
// Forge specifics live in ./gitlab and ./github; this file only routes, records and misbehaves on request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ForgeName = 'gitlab' | 'github';

export interface SandboxRequest {
  forge: ForgeName;
  method: string;
  /** Path without the GitLab relative URL root (`/gitlab`) if one was used. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON or form body; undefined when empty. */
  body: unknown;
  /** Origin (+ relative root) the client used, for building web_url values and links. */
  base: string;
}

export interface SandboxReply {
  status: number;
  headers?: Record<string, string>;
  /** Objects/arrays are sent as JSON; strings as given (set content-type for HTML). */
  body?: unknown;
}

export type ForgeHandler = (req: SandboxRequest) => Promise<SandboxReply | null> | SandboxReply | null;

export interface Fault {
  forge?: ForgeName;
  method?: string;
  /** Substring or pattern matched against the request path (query excluded). */
  path?: string | RegExp;
  /** How many matching requests it affects; default unlimited. */
  times?: number;
  latencyMs?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Destroy the socket without answering. */
  drop?: boolean;
}

export interface RecordedRequest {
  forge: ForgeName;
  method: string;
  path: string;
  query: string;
  /** Parsed request body (JSON or form), so tests can check what a write sent. */
  body?: unknown;
  status: number;
  at: number;
}

export class Faults {
  private list: Fault[] = [];
  add(fault: Fault): void {
    this.list.push({ ...fault });
  }
  clear(): void {
    this.list = [];
  }
  take(req: Pick<SandboxRequest, 'forge' | 'method' | 'path'>): Fault | undefined {
    const f = this.list.find(
      (x) =>
        (!x.forge || x.forge === req.forge) &&
        (!x.method || x.method.toUpperCase() === req.method) &&
        (!x.path || (typeof x.path === 'string' ? req.path.includes(x.path) : x.path.test(req.path))) &&
        (x.times === undefined || x.times > 0),
    );
    if (f && f.times !== undefined) f.times -= 1;
    return f;
  }
}

export interface ForgeServer {
  url: string;
  server: http.Server;
}

function parseBody(raw: string, type: string | undefined): unknown {
  if (!raw) return undefined;
  if (type?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ServeOptions {
  forge: ForgeName;
  handler: () => ForgeHandler;
  faults: Faults;
  log: RecordedRequest[];
  /** Latency added to every API answer (not pages), in ms. */
  latencyMs: () => number;
  /** Control endpoints under /__sandbox/ (reset, faults, request log). */
  control: (req: SandboxRequest) => SandboxReply | null;
  port?: number;
  /** Path prefixes served as a relative URL root (GitLab: `/gitlab`). */
  roots?: string[];
}

export async function serveForge(opts: ServeOptions): Promise<ForgeServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void respond(opts, req, res, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `sandbox error: ${String(e)}` }));
      });
    });
  });
  // Node closes a keep-alive socket after 5 s idle; a client that reuses it at that moment gets ECONNRESET (seen in e2e:
  // route.fetch reusing a socket for a POST written ~5 s after the previous one, the request lost). Clients close
  // their idle sockets themselves; the sandbox keeps them open for as long as a test may pause.
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

async function respond(
  opts: ServeOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  rawBody: string,
): Promise<void> {
  const host = req.headers['x-forwarded-host'] ?? req.headers.host ?? '127.0.0.1';
  const proto = (req.headers['x-forwarded-proto'] as string | undefined) ?? 'http';
  const url = new URL(req.url ?? '/', `${proto}://${host}`);
  let path = url.pathname;
  let base = `${proto}://${host}`;
  for (const root of opts.roots ?? []) {
    if (path === root || path.startsWith(`${root}/`)) {
      path = path.slice(root.length) || '/';
      base += root;
    }
  }
  const sreq: SandboxRequest = {
    forge: opts.forge,
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    body: parseBody(rawBody, req.headers['content-type']),
    base,
  };
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-expose-headers': '*',
  };
  if (sreq.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return;
  }
  if (path.startsWith('/__sandbox/')) {
    send(res, opts.control(sreq) ?? { status: 404, body: { message: 'unknown control' } }, cors);
    return;
  }
  const isApi = path.startsWith('/api/');
  const fault = opts.faults.take(sreq);
  const latency = (fault?.latencyMs ?? 0) + (isApi ? opts.latencyMs() : 0);
  if (latency > 0) await sleep(latency);
  if (fault?.drop) {
    opts.log.push({ forge: opts.forge, method: sreq.method, path, query: url.search, status: 0, at: Date.now() });
    req.socket.destroy();
    return;
  }
  let reply: SandboxReply | null;
  if (fault?.status) reply = { status: fault.status, headers: fault.headers, body: fault.body ?? { message: `${fault.status} injected` } };
  else reply = await opts.handler()(sreq);
  reply ??= { status: 404, body: { message: '404 Not Found' } };
  if (isApi) opts.log.push({ forge: opts.forge, method: sreq.method, path, query: url.search, body: sreq.body, status: reply.status, at: Date.now() });
  send(res, reply, isApi ? cors : {});
}

function send(res: http.ServerResponse, reply: SandboxReply, extra: Record<string, string>): void {
  const headers: Record<string, string> = { ...extra, ...reply.headers };
  let payload: string | undefined;
  if (reply.body === undefined || reply.status === 204 || reply.status === 304) payload = undefined;
  else if (typeof reply.body === 'string') payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
