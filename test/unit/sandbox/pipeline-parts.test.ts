/**
 * The sandbox pipeline's pure parts: path globs, the router, canonical bodies and the idempotency cache.
 */
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../../src/sandbox/faults/glob';
import { FaultRegistry } from '../../../src/sandbox/faults/fault-registry';
import type { RouteDef } from '../../../src/sandbox/http/route';
import { Router } from '../../../src/sandbox/http/router';
import { canonicalJson, IdempotencyCache } from '../../../src/sandbox/idempotency/idempotency-cache';

const route = (id: string, method: 'GET' | 'POST', pattern: string): RouteDef => ({
  id,
  method,
  pattern,
  scopes: ['merchant'],
  idempotent: false,
  handle: () => ({ status: 200, body: {} }),
});

describe('compileGlob', () => {
  const path = '/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/123/capture';
  it('lets ** cross segments and * stay within one', () => {
    expect(compileGlob('**/capture').test(path)).toBe(true);
    expect(compileGlob('/flexiti/**').test(path)).toBe(true);
    expect(compileGlob('/flexiti/*/capture').test(path)).toBe(false);
    expect(compileGlob('/flexiti/pos-api/*/client-id/*/authorization/*/capture').test(path)).toBe(true);
    expect(compileGlob('**/capture').test(`${path}/123/return`)).toBe(false);
  });

  it('treats regex characters literally', () => {
    expect(compileGlob('/flexiti/pos-api/v2.5/**').test('/flexiti/pos-api/v2x5/a')).toBe(false);
    expect(compileGlob('/a(b)+/**').test('/a(b)+/c')).toBe(true);
  });
});

describe('FaultRegistry', () => {
  it('sums latencies, picks the first terminal fault and counts down times', () => {
    const faults = new FaultRegistry();
    faults.add({ method: '*', path: '**', kind: 'latency', latency_ms: 10, times: 1 });
    faults.add({ method: 'GET', path: '**', kind: 'status', status: 503, times: 2 });
    faults.add({ method: '*', path: '**', kind: 'drop_before_commit' });
    const first = faults.plan('GET', '/x');
    expect(first.latencyMs).toBe(10);
    expect(first.terminal?.status).toBe(503);
    expect(faults.plan('GET', '/x').latencyMs).toBe(0);
    expect(faults.plan('GET', '/x').terminal?.kind).toBe('drop_before_commit');
    expect(faults.plan('POST', '/x').terminal?.kind).toBe('drop_before_commit');
    expect(faults.list()).toHaveLength(1);
  });
});

describe('Router', () => {
  const router = new Router([
    route('T4', 'POST', '/client-id/:client_id/authorization/:authorization_id/capture'),
    route('T8', 'GET', '/client-id/:client_id/authorization/:authorization_id'),
    route('T2', 'POST', '/client-id/:client_id/authorization'),
  ]);

  it('binds parameters and tells 404 from 405', () => {
    expect(router.match('POST', '/client-id/demo/authorization/42/capture')).toEqual({
      kind: 'found',
      route: expect.objectContaining({ id: 'T4' }),
      params: { client_id: 'demo', authorization_id: '42' },
    });
    expect(router.match('GET', '/client-id/demo/authorization')).toEqual({
      kind: 'method_not_allowed',
      allowed: ['POST'],
    });
    expect(router.match('GET', '/client-id/demo/authorizations')).toEqual({ kind: 'not_found' });
  });

  it('never binds dot segments, encoded characters or empty segments', () => {
    for (const rest of [
      '/client-id/demo/authorization/..',
      '/client-id/demo/authorization/%2e%2e',
      '/client-id/demo/authorization/a%2fb',
      '/client-id//authorization/1',
      '/client-id/demo/authorization/1/',
      'client-id/demo/authorization/1',
    ]) {
      expect(router.match('GET', rest).kind, rest).toBe('not_found');
    }
  });
});

describe('canonicalJson and IdempotencyCache', () => {
  it('compares bodies with keys sorted at every level, arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { x: 2, y: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('replays, conflicts by hash when both have one, else by body, and expires entries', () => {
    const cache = new IdempotencyCache();
    const entry = {
      status: 200,
      bodyText: '{"ok":true}',
      contextHash: 'h1',
      canonicalBody: '{"a":1}',
      expiresAt: 1_000,
    };
    cache.store('k', entry);
    expect(cache.decide('k', 'h1', '{"a":2}', 0)).toEqual({ kind: 'replay', entry });
    expect(cache.decide('k', 'h2', '{"a":1}', 0)).toEqual({ kind: 'conflict' });
    expect(cache.decide('k', undefined, '{"a":1}', 0)).toEqual({ kind: 'replay', entry });
    expect(cache.decide('k', undefined, '{"a":2}', 0)).toEqual({ kind: 'conflict' });
    expect(cache.decide('other', 'h1', '{"a":1}', 0)).toEqual({ kind: 'miss' });
    expect(cache.decide('k', 'h1', '{"a":1}', 1_000)).toEqual({ kind: 'miss' });
    expect(cache.size()).toBe(0);
  });

  it('queues a second request behind the one in flight', async () => {
    const cache = new IdempotencyCache();
    const order: string[] = [];
    const finish = cache.begin('k');
    const waiter = cache.waitForTurn('k').then(() => order.push('waiter'));
    await Promise.resolve();
    order.push('first done');
    finish();
    await waiter;
    expect(order).toEqual(['first done', 'waiter']);
  });
});
