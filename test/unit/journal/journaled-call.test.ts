import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/core/journal/journal';
import type { JournalPrepareInput } from '../../../src/main/core/journal/journal-types';
import {
  backoffDelay,
  replayEntry,
  runJournaled,
  type JournaledPolicy,
  type Send,
  type SendOutcome,
} from '../../../src/main/core/journal/journaled-call';

/** What the throwaway server does with the next request. */
type Action = { kind: 'drop' } | { kind: 'reply'; status: number; body: unknown; delayMs?: number };

interface Received {
  headers: IncomingHttpHeaders;
  path: string;
  body: Buffer;
}

/** A scripted HTTP server (not one of our modules): answers each request with the next action. */
class ScriptedServer {
  readonly received: Received[] = [];
  private readonly script: Action[] = [];
  private server: Server | undefined;
  port = 0;

  async start(actions: Action[]): Promise<void> {
    this.script.push(...actions);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({ headers: req.headers, path: req.url ?? '', body: Buffer.concat(chunks) });
        const action = this.script.shift() ?? {
          kind: 'reply',
          status: 599,
          body: { error: 'script_exhausted' },
        };
        if (action.kind === 'drop') {
          req.socket.destroy();
          return;
        }
        const answer = (): void => {
          if (res.destroyed) return;
          res.writeHead(action.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(action.body));
        };
        if (action.delayMs) setTimeout(answer, action.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A plain node:http sender, as the Flexiti client would write one. */
function httpSend(port: () => number): Send {
  return (req) =>
    new Promise<SendOutcome>((resolve) => {
      const body = Buffer.from(req.body, 'utf8');
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: port(),
          method: req.method,
          path: req.path,
          signal: req.signal,
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'x-idempotency-key': req.idempotencyKey,
            'x-context-hash': req.contextHash,
            'x-reference-id': req.referenceId,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // keep the text
            }
            resolve({ kind: 'response', status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', () => resolve({ kind: 'network', error: 'dropped' }));
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (error.name === 'AbortError') resolve({ kind: 'network', error: 'timeout' });
        else if (error.code === 'ECONNREFUSED') resolve({ kind: 'network', error: 'refused' });
        else resolve({ kind: 'network', error: 'dropped' });
      });
      outgoing.end(body);
    });
}

const BODY = '{"amount":100.50, "reference":"Ré-1","vcc_number":"2374980012871111"}';
const PATH = '/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/1234567890123456/capture';

function input(): JournalPrepareInput {
  return {
    op: 'capture',
    method: 'POST',
    path: PATH,
    body: BODY,
    idempotencyKey: randomUUID(),
    referenceId: randomUUID().replace(/-/g, ''),
    summary: { amountCents: 10050, accountLast4: '3456' },
  };
}

describe('runJournaled against a real HTTP server', () => {
  let server: ScriptedServer;
  let journal: Journal;
  let sleeps: number[];
  let policy: Partial<JournaledPolicy>;
  let send: Send;

  beforeEach(() => {
    server = new ScriptedServer();
    journal = Journal.open(':memory:', randomBytes(32));
    sleeps = [];
    policy = {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      attemptTimeoutMs: 2_000,
    };
    send = httpSend(() => server.port);
  });
  afterEach(async () => {
    await server.stop();
    journal.close();
  });

  /** Every attempt carried the same key, reference, path and byte-identical body with its hash. */
  function expectIdenticalAttempts(key: string, count: number): void {
    expect(server.received).toHaveLength(count);
    const hash = createHash('sha256').update(Buffer.from(BODY, 'utf8')).digest('hex');
    const referenceIds = new Set(server.received.map((r) => r.headers['x-reference-id']));
    expect(referenceIds.size).toBe(1);
    for (const r of server.received) {
      expect(r.headers['x-idempotency-key']).toBe(key);
      expect(r.headers['x-context-hash']).toBe(hash);
      expect(r.path).toBe(PATH);
      expect(r.body.equals(Buffer.from(BODY, 'utf8'))).toBe(true);
    }
  }

  it('confirms on the first 2xx and keeps the result ids', async () => {
    await server.start([
      { kind: 'reply', status: 200, body: { capture_id: 778899, authorization_id: '1122' } },
    ]);
    const call = input();
    const result = await runJournaled(journal, call, send, policy);
    expect(result.outcome).toBe('confirmed');
    if (result.outcome !== 'confirmed') return;
    expect(result.status).toBe(200);
    expect(result.entry).toMatchObject({
      state: 'confirmed',
      attempts: 1,
      refs: { captureId: '778899', authorizationId: '1122' },
      hasRequest: false,
    });
    expectIdenticalAttempts(call.idempotencyKey, 1);
    expect(sleeps).toEqual([]);
  });

  it('retries a 500 with the same key and bytes, then confirms', async () => {
    await server.start([
      { kind: 'reply', status: 500, body: { error: 'general_error' } },
      { kind: 'reply', status: 503, body: {} },
      { kind: 'reply', status: 200, body: { capture_id: 5 } },
    ]);
    const call = input();
    const result = await runJournaled(journal, call, send, policy);
    expect(result.outcome).toBe('confirmed');
    expect(result.entry).toMatchObject({
      state: 'confirmed',
      attempts: 3,
      lastStatus: 200,
      refs: { captureId: '5' },
    });
    expectIdenticalAttempts(call.idempotencyKey, 3);
    expect(sleeps).toEqual([150, 300]);
  });

  it('retries dropped connections, then confirms', async () => {
    await server.start([{ kind: 'drop' }, { kind: 'drop' }, { kind: 'reply', status: 201, body: {} }]);
    const call = input();
    const result = await runJournaled(journal, call, send, policy);
    expect(result.outcome).toBe('confirmed');
    expect(result.entry.attempts).toBe(3);
    expectIdenticalAttempts(call.idempotencyKey, 3);
  });

  it('counts a slow answer as a timeout and retries', async () => {
    await server.start([
      { kind: 'reply', status: 200, body: { capture_id: 1 }, delayMs: 1_500 },
      { kind: 'reply', status: 200, body: { capture_id: 1 } },
    ]);
    const call = input();
    const result = await runJournaled(journal, call, send, { ...policy, attemptTimeoutMs: 200 });
    expect(result.outcome).toBe('confirmed');
    expect(result.entry.attempts).toBe(2);
    expectIdenticalAttempts(call.idempotencyKey, 2);
  });

  it('leaves the entry in doubt on idempotency_key_reused, without retrying', async () => {
    await server.start([
      { kind: 'drop' },
      { kind: 'reply', status: 409, body: { code: 409, error: 'idempotency_key_reused' } },
      { kind: 'reply', status: 200, body: {} },
    ]);
    const call = input();
    const result = await runJournaled(journal, call, send, policy);
    expect(result).toMatchObject({
      outcome: 'in_doubt',
      lastError: { kind: 'status', status: 409, errorCode: 'idempotency_key_reused' },
    });
    expect(result.entry).toMatchObject({
      state: 'in_doubt',
      attempts: 2,
      lastErrorCode: 'idempotency_key_reused',
    });
    expectIdenticalAttempts(call.idempotencyKey, 2);

    // A start-up replay must not send it again either: only a lookup can settle it.
    const replay = await replayEntry(journal, result.entry.id, send, policy);
    expect(replay).toMatchObject({ outcome: 'in_doubt', lastError: { kind: 'needs_lookup' } });
    expect(server.received).toHaveLength(2);
  });

  it('fails for good on another 4xx, without retrying', async () => {
    await server.start([{ kind: 'reply', status: 409, body: { code: 409, error: 'credit_exceeded' } }]);
    const result = await runJournaled(journal, input(), send, policy);
    expect(result).toMatchObject({ outcome: 'failed', status: 409, errorCode: 'credit_exceeded' });
    expect(result.entry).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 409, hasRequest: false });
    expect(server.received).toHaveLength(1);
  });

  it('leaves the entry in doubt when retries run out on network errors, and a replay settles it with the same bytes', async () => {
    await server.start([
      { kind: 'drop' },
      { kind: 'reply', status: 502, body: {} },
      { kind: 'reply', status: 500, body: { error: 'general_error' } },
      { kind: 'drop' },
      { kind: 'reply', status: 200, body: { capture_id: 31337 } },
    ]);
    const call = input();
    const result = await runJournaled(journal, call, send, policy);
    expect(result).toMatchObject({ outcome: 'in_doubt', lastError: { kind: 'network', error: 'dropped' } });
    expect(result.entry).toMatchObject({ state: 'in_doubt', attempts: 4, hasRequest: true });
    expect(sleeps).toEqual([150, 300, 600]);
    expect(journal.unfinished().map((e) => e.id)).toEqual([result.entry.id]);

    const replay = await replayEntry(journal, result.entry.id, send, policy);
    expect(replay.outcome).toBe('confirmed');
    expect(replay.entry).toMatchObject({ state: 'confirmed', attempts: 5, refs: { captureId: '31337' } });
    expectIdenticalAttempts(call.idempotencyKey, 5);
    expect(journal.unfinished()).toEqual([]);
  });

  it('fails the entry for good when the last attempt got a failure answer: nothing was applied, nothing is replayed', async () => {
    await server.start([
      { kind: 'drop' },
      { kind: 'reply', status: 502, body: {} },
      { kind: 'drop' },
      { kind: 'reply', status: 500, body: { error: 'general_error' } },
    ]);
    const call = input();
    const result = await runJournaled(journal, call, send, policy);
    expect(result).toMatchObject({ outcome: 'failed', status: 500, errorCode: 'general_error' });
    expect(result.entry).toMatchObject({ state: 'failed', attempts: 4, hasRequest: false });
    expect(journal.unfinished()).toEqual([]);
    expectIdenticalAttempts(call.idempotencyKey, 4);
  });

  it('keeps an entry already in doubt in doubt when its replay gets only failure answers, then settles it', async () => {
    await server.start([
      { kind: 'drop' },
      { kind: 'drop' },
      { kind: 'drop' },
      { kind: 'drop' },
      { kind: 'reply', status: 503, body: {} },
      { kind: 'reply', status: 503, body: {} },
      { kind: 'reply', status: 503, body: {} },
      { kind: 'reply', status: 503, body: { error: 'general_error' } },
      { kind: 'reply', status: 200, body: { capture_id: 4242 } },
    ]);
    const call = input();
    const first = await runJournaled(journal, call, send, policy);
    expect(first.outcome).toBe('in_doubt');
    const down = await replayEntry(journal, first.entry.id, send, policy);
    expect(down).toMatchObject({ outcome: 'in_doubt', lastError: { kind: 'status', status: 503 } });
    expect(down.entry).toMatchObject({ state: 'in_doubt', attempts: 8, hasRequest: true });
    const settled = await replayEntry(journal, first.entry.id, send, policy);
    expect(settled.entry).toMatchObject({ state: 'confirmed', attempts: 9, refs: { captureId: '4242' } });
    expectIdenticalAttempts(call.idempotencyKey, 9);
  });

  it('treats a refused connection as retryable and ends in doubt', async () => {
    await server.start([]);
    await server.stop();
    const result = await runJournaled(journal, input(), send, policy);
    expect(result).toMatchObject({ outcome: 'in_doubt', lastError: { kind: 'network', error: 'refused' } });
    expect(result.entry.attempts).toBe(4);
  });

  it('replays an entry left prepared by a crash as attempt 1', async () => {
    await server.start([{ kind: 'reply', status: 200, body: {} }]);
    const call = input();
    const entry = journal.prepare(call);
    const replay = await replayEntry(journal, entry.id, send, policy);
    expect(replay.outcome).toBe('confirmed');
    expect(replay.entry.attempts).toBe(1);
    expectIdenticalAttempts(call.idempotencyKey, 1);
  });

  it('refuses to replay after the idempotency window, without sending', async () => {
    await server.start([{ kind: 'reply', status: 200, body: {} }]);
    const entry = journal.prepareSending(input());
    const replay = await replayEntry(journal, entry.id, send, {
      ...policy,
      now: () => Date.parse(entry.createdAt) + 24 * 60 * 60 * 1000,
    });
    expect(replay).toMatchObject({ outcome: 'in_doubt', lastError: { kind: 'window_expired' } });
    expect(replay.entry.state).toBe('in_doubt');
    expect(server.received).toHaveLength(0);
  });

  it('puts an entry in doubt when send throws, and refuses settled or busy entries', async () => {
    const boom: Send = async () => {
      throw new Error('socket closed for /authorization/1234567890123456/capture');
    };
    const result = await runJournaled(journal, input(), boom, policy);
    expect(result).toMatchObject({ outcome: 'in_doubt', lastError: { kind: 'exception' } });
    expect(result.entry.inDoubtReason).toContain('•••• 3456');
    expect(result.entry.inDoubtReason).not.toContain('1234567890123456');

    await server.start([
      { kind: 'reply', status: 200, body: {} },
      { kind: 'reply', status: 200, body: {} },
    ]);
    const done = await runJournaled(journal, input(), send, policy);
    await expect(replayEntry(journal, done.entry.id, send, policy)).rejects.toMatchObject({
      code: 'invalid_transition',
    });

    // While a call is still in flight, a replay of the same entry is refused.
    const slowEntry = journal.prepare(input());
    let release: (o: SendOutcome) => void = () => undefined;
    const slow: Send = () => new Promise((resolve) => (release = resolve));
    const first = replayEntry(journal, slowEntry.id, slow, policy);
    await expect(replayEntry(journal, slowEntry.id, send, policy)).rejects.toMatchObject({ code: 'busy' });
    await new Promise((resolve) => setImmediate(resolve));
    release({ kind: 'response', status: 200, body: {} });
    expect((await first).outcome).toBe('confirmed');
  });
});

describe('backoffDelay', () => {
  it('doubles from the base, stays within the jitter band and the cap', () => {
    const base = { baseDelayMs: 150, maxDelayMs: 2_000, jitter: 0.2 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { ...base, random: () => 0.5 }))).toEqual([
      150, 300, 600, 1200, 2000, 2000,
    ]);
    expect(backoffDelay(1, { ...base, random: () => 0 })).toBe(120);
    expect(backoffDelay(1, { ...base, random: () => 1 })).toBe(180);
    expect(backoffDelay(5, { ...base, random: () => 1 })).toBe(2000);
  });
});
