/**
 * The browser host over real HTTP: the per-launch secret, the Origin and Host checks (DNS
 * rebinding), static files without traversal, and the refusal of a live environment without
 * --allow-live.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCoreError } from '../../../src/main/core/app-core';
import { startBrowserHost, type RunningBrowserHost } from '../../../src/main/browser-host/browser-host';
import { startCore, tempDataDir, type CoreHarness } from '../helpers/core-harness';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so Host and Origin can be set to what an attacker's page would send. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let harness: CoreHarness;
let host: RunningBrowserHost;
let staticRoot: string;
let outside: string;

function apiHeaders(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    host: `127.0.0.1:${host.port}`,
    origin: host.origin,
    'content-type': 'application/json',
    'x-pos-secret': host.secret,
    ...overrides,
  };
}

beforeAll(async () => {
  harness = await startCore();
  const base = mkdtempSync(join(tmpdir(), 'flexiti-static-'));
  staticRoot = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(staticRoot, 'assets'), { recursive: true });
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>pos</title>');
  writeFileSync(join(staticRoot, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(outside, 'outside-the-root');
  host = await startBrowserHost({ handle: harness.core.handle, staticDir: staticRoot });
});

afterAll(async () => {
  await host?.close();
  await harness?.dispose();
  rmSync(join(staticRoot, '..'), { recursive: true, force: true });
});

describe('API requests', () => {
  it('prints a loopback URL carrying a 32-byte hex secret in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[0-9a-f]{64}$/);
  });

  it('answers the right request', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/app.status',
      headers: apiHeaders(),
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'demo' } });
  });

  it('accepts localhost as the same origin', async () => {
    const local = `localhost:${host.port}`;
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/app.status',
      headers: apiHeaders({ host: local, origin: `http://${local}` }),
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });

  it.each([
    ['a missing secret', { 'x-pos-secret': '' }],
    ['a wrong secret', { 'x-pos-secret': 'f'.repeat(64) }],
    ['a secret of the wrong length', { 'x-pos-secret': 'abc' }],
  ])('refuses %s', async (_name, headers) => {
    const all = apiHeaders(headers);
    if (all['x-pos-secret'] === '') delete all['x-pos-secret'];
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/app.status',
      headers: all,
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'secret_required' } });
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another port', 'http://127.0.0.1:1'],
    ['null', 'null'],
  ])('refuses an Origin from %s', async (_name, origin) => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/app.status',
      headers: apiHeaders({ origin }),
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'origin_not_allowed' } });
  });

  it('refuses a request without Origin', async () => {
    const headers = apiHeaders();
    delete headers.origin;
    const reply = await send(host.port, { method: 'POST', path: '/api/app.status', headers, body: '{}' });
    expect(reply.status).toBe(403);
  });

  it('refuses a rebound DNS name in Host, even with the right secret and a matching Origin', async () => {
    const rebound = `attacker.example:${host.port}`;
    for (const path of ['/api/app.status', '/']) {
      const reply = await send(host.port, {
        method: path === '/' ? 'GET' : 'POST',
        path,
        headers: apiHeaders({ host: rebound, origin: `http://${rebound}` }),
        body: path === '/' ? undefined : '{}',
      });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'host_not_allowed' } });
    }
  });

  it('refuses other methods, other content types and unknown channels', async () => {
    expect((await send(host.port, { path: '/api/app.status', headers: apiHeaders() })).status).toBe(405);
    expect(
      (
        await send(host.port, {
          method: 'POST',
          path: '/api/app.status',
          headers: apiHeaders({ 'content-type': 'text/plain' }),
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(
      (await send(host.port, { method: 'POST', path: '/api/nope.nope', headers: apiHeaders(), body: '{}' }))
        .status,
    ).toBe(404);
    const bad = await send(host.port, {
      method: 'POST',
      path: '/api/app.status',
      headers: apiHeaders(),
      body: '{not json',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('static files', () => {
  it('serves the page with a strict CSP', async () => {
    const reply = await send(host.port, { path: '/', headers: { host: `127.0.0.1:${host.port}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>pos</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const asset = await send(host.port, {
      path: '/assets/app.js',
      headers: { host: `127.0.0.1:${host.port}` },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%zz',
  ])('refuses %s', async (path) => {
    const reply = await send(host.port, { path, headers: { host: `127.0.0.1:${host.port}` } });
    expect([403, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('outside-the-root');
  });
});

describe('live environments', () => {
  it('refuses to start on a live environment without --allow-live', async () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ environment: 'training' }));
    try {
      await expect(startCore({ dataDir })).rejects.toSatisfy(
        (error: unknown) => error instanceof AppCoreError && error.code === 'live_not_allowed',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses switching to a live environment without --allow-live', async () => {
    const headers = apiHeaders();
    await send(host.port, {
      method: 'POST',
      path: '/api/setup.createFirstManager',
      headers,
      body: JSON.stringify({ employeeId: 'M1', name: 'Manager', pin: '55551234' }),
    });
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/settings.update',
      headers,
      body: JSON.stringify({ patch: { environment: 'production' } }),
    });
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { category: 'not_allowed', code: 'live_not_allowed' },
    });
  });
});
