/**
 * The browser host: the same handler table as Electron's IPC, served to a browser on 127.0.0.1 as
 * `POST /api/<channel>` with JSON, beside the built renderer. It is a second thin transport, with no
 * business logic: every call goes through `handle` with `{ kind: 'browser-host' }`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { isChannel } from '../../shared/ipc/contract';
import type { HandlerTable } from '../core/handlers/handler-table';
import { hostAllowed, originAllowed, secretMatches } from './request-guards';
import { readStatic } from './static-files';

export interface BrowserHostOptions {
  handle: HandlerTable['handle'];
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface RunningBrowserHost {
  /** `http://127.0.0.1:PORT/#k=SECRET`: the page reads the secret from the fragment. */
  url: string;
  origin: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const API_PREFIX = '/api/';

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, contentType: string, body: Buffer | string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refuse(res: ServerResponse, status: number, code: string): void {
  sendJson(res, status, { ok: false, error: { category: 'not_allowed', code } });
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const secret = randomBytes(32).toString('hex');
  let port = 0;

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'method_not_allowed');
    if (!originAllowed(req.headers, port)) return refuse(res, 403, 'origin_not_allowed');
    if (!secretMatches(req.headers, secret)) return refuse(res, 403, 'secret_required');
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') return refuse(res, 415, 'json_required');
    const channel = path.slice(API_PREFIX.length);
    if (!isChannel(channel))
      return sendJson(res, 404, { ok: false, error: { category: 'our_bug', code: 'unknown_channel' } });

    const body = await readBody(req);
    if (body === null)
      return sendJson(res, 413, { ok: false, error: { category: 'needs_action', code: 'invalid_request' } });
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { category: 'needs_action', code: 'invalid_request' } });
    }
    const result = await options.handle(channel, payload, { kind: 'browser-host', trusted: true });
    sendJson(res, 200, result);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers, port)) return refuse(res, 403, 'host_not_allowed');
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (path.startsWith(API_PREFIX)) return api(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method_not_allowed');
    const file = await readStatic(options.staticDir, path);
    if (file.kind === 'refused') return refuse(res, 403, 'path_not_allowed');
    if (file.kind === 'not_found') return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    send(res, 200, file.contentType, req.method === 'HEAD' ? '' : file.body);
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { category: 'our_bug', code: 'unexpected' } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#k=${secret}`,
    origin,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
