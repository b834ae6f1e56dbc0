// The loopback test host: the same services as the Electron main process, reachable over HTTP on
// 127.0.0.1 only, guarded by a random per-run token. The Electron binary cannot be downloaded on
// these machines, so this is how the real built renderer and the real services are tested together
// (in Debian's Chromium, driven by playwright-core). It serves the built renderer too, so the page
// and the API share one origin and the renderer's CSP (connect-src 'self') holds.
//
// Requests: POST /ipc with header X-Wardwalk-Token and body {"channel","args"}; events: GET
// /events?token=… (Server-Sent Events). The renderer learns the token from the URL fragment
// (#host-token=…), which never reaches the server logs.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fail } from '../../core/ipc/define';
import { wireReplacer, wireReviver } from '../../core/ipc/wire';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../main/security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pcap': 'application/octet-stream',
};

const MAX_BODY = 256 * 1024 * 1024;

export interface TestHost {
  url: string;
  /** URL that opens the app with the token in the fragment. */
  appUrl: string;
  token: string;
  close(): Promise<void>;
  /** Push an event to every connected renderer (used by the host for timers, like main does). */
  broadcast(event: string, payload: unknown): void;
}

export async function startTestHost(opts: { rendererDir: string; handlers: Partial<Handlers>; port?: number }): Promise<TestHost> {
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  let origin = '';

  const tokenOk = (t: string | undefined | null) => {
    if (!t) return false;
    const b = Buffer.from(t);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const broadcast = (event: string, payload: unknown) => {
    const data = `data: ${JSON.stringify({ event, payload }, wireReplacer)}\n\n`;
    for (const s of streams) s.write(data);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'POST' && url.pathname === '/ipc') {
      // The sender check of this host: our token, and (when a browser sends one) our own origin.
      const reqOrigin = req.headers.origin;
      if (!tokenOk(req.headers['x-wardwalk-token'] as string | undefined) || (reqOrigin && reqOrigin !== origin)) {
        return json(res, 403, fail('bad-sender', 'Refused: the request did not come from the Wardwalk window.'));
      }
      const body = await readBody(req);
      if (body === undefined) return json(res, 413, fail('bad-args', 'Refused: request too large.'));
      let request: unknown;
      try {
        request = JSON.parse(body, wireReviver);
      } catch {
        return json(res, 400, fail('bad-args', 'Refused: malformed request.'));
      }
      const { channel, args } = (request ?? {}) as { channel?: unknown; args?: unknown };
      const result = await dispatch(opts.handlers, channel, args, { emit: broadcast });
      return json(res, 200, result);
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token'))) return json(res, 403, fail('bad-sender', 'Refused.'));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const root = normalize(opts.rendererDir);
    const full = normalize(join(root, rel));
    if (!full.startsWith(root + sep)) return json(res, 404, { error: 'not found' });
    const data = await readFile(full).catch(() => undefined);
    if (!data) return json(res, 404, { error: 'not found' });
    res.writeHead(200, {
      'content-type': TYPES[extname(full)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(data);
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    appUrl: `${origin}/index.html#host-token=${token}`,
    token,
    broadcast,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body, wireReplacer));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
