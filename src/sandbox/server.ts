/**
 * The Flexiti sandbox: a stateful HTTP server of the POS API (§0A) on the loopback interface, plus the
 * /sandbox/* control API. Tests start one per file with startSandbox({ port: 0 }).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, handleControlRequest } from './control/control-api';
import { ApiError } from './http/api-error';
import { errorBody } from './http/error-body';
import { faultReply, handleApiRequest, type HttpReply } from './http/request-pipeline';
import { parseLang } from './http/request-checks';
import type { RouteDef } from './http/route';
import { Router } from './http/router';
import { allRoutes } from './routes';
import { createRuntime, type SandboxRuntime } from './runtime';
import type { SandboxState } from './state/model';

export interface SandboxOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** Delay before a pending application turns approved (§0A.10), default 30. */
  pendingDelaySeconds?: number;
  /** Extra routes served beside the POS API (tests of the pipeline itself). */
  extraRoutes?: RouteDef[];
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  state(): SandboxState;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function write(res: ServerResponse, reply: HttpReply): void {
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(reply.bodyText),
    'cache-control': 'no-store',
    ...reply.headers,
  };
  if (reply.close) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(reply.bodyText);
}

async function serve(
  runtime: SandboxRuntime,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  try {
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) {
        write(res, {
          status: 404,
          bodyText: JSON.stringify(errorBody(new ApiError(404, 'not_found'), path, 'en')),
          routeId: 'sandbox',
        });
        return;
      }
      write(res, await handleControlRequest(runtime, req, method, path));
      return;
    }

    const plan = runtime.faults.plan(method, path);
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    const fault = plan.terminal;
    if (fault?.kind === 'status') {
      const reply = faultReply(fault.status ?? 500, path, parseLang(query.get('lang')) ?? 'en');
      runtime.stats.record('fault', method, reply.status);
      write(res, reply);
      return;
    }
    if (fault?.kind === 'drop_before_commit') {
      runtime.stats.record('fault', method, 0);
      req.socket.destroy();
      return;
    }

    const reply = await handleApiRequest(runtime, router, req, method, path, query);
    runtime.stats.record(reply.routeId, method, reply.status);
    if (fault?.kind === 'drop_after_commit') {
      req.socket.destroy();
      return;
    }
    write(res, reply);
  } catch (err) {
    console.error('sandbox: request failed:', err instanceof Error ? err.message : err);
    if (res.headersSent || req.socket.destroyed) {
      req.socket.destroy();
      return;
    }
    write(res, {
      status: 500,
      bodyText: JSON.stringify(errorBody(new ApiError(500, 'general_error'), path, 'en')),
      routeId: 'error',
    });
  }
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error('the sandbox listens on the loopback interface only');
  const runtime = createRuntime(
    opts.pendingDelaySeconds === undefined ? {} : { pendingDelaySeconds: opts.pendingDelaySeconds },
  );
  const router = new Router([...allRoutes, ...(opts.extraRoutes ?? [])]);
  const server = createServer((req, res) => {
    void serve(runtime, router, req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    state: () => runtime.state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
