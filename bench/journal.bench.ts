import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Journal } from '../src/main/core/journal/journal';
import type { JournalPrepareInput } from '../src/main/core/journal/journal-types';
import { percentile, type BenchSection } from './bench-types';

const CAPTURES = 200;

function captureInput(i: number): JournalPrepareInput {
  return {
    op: 'capture',
    method: 'POST',
    path: `/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/${7000000000000000 + i}/capture`,
    body: `{"amount":${i}.25,"reference":"bench-${i}","external_employee_id":"E1"}`,
    idempotencyKey: randomUUID(),
    referenceId: randomUUID().replace(/-/g, ''),
    summary: { amountCents: i * 100 + 25, accountLast4: '1234', employeeId: 'E1', reference: `bench-${i}` },
  };
}

function stats(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The disk's floor: bare SQLite commits per second with WAL and synchronous=FULL in the same place. */
function fsyncFloor(dir: string): number {
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (v INTEGER)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const n = 200;
  const start = performance.now();
  for (let i = 0; i < n; i++) insert.run(i);
  const elapsed = performance.now() - start;
  db.close();
  return (n / elapsed) * 1000;
}

/**
 * Journaled captures per second on a file database with fsync on every commit, measured two ways:
 * the three separate writes (prepare, markSent, markConfirmed) and the executor's path, where
 * prepare and the first "sent" are one durable write made before the request goes out.
 */
export default async function (): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'journal-bench-'));
  try {
    const floor = fsyncFloor(dir);
    const journal = Journal.open(join(dir, 'journal.db'), randomBytes(32));
    const prepareMs: number[] = [];
    const sentMs: number[] = [];
    const confirmMs: number[] = [];
    const prepareSendingMs: number[] = [];
    const confirm2Ms: number[] = [];
    const refs = (i: number) => ({ status: 200, refs: { captureId: String(i) } });

    // Warm-up: statement caches, WAL file creation.
    for (let i = 0; i < 10; i++) {
      const entry = journal.prepareSending(captureInput(i));
      journal.markConfirmed(entry.id, refs(i));
    }

    let start = performance.now();
    for (let i = 0; i < CAPTURES; i++) {
      let t = performance.now();
      const entry = journal.prepare(captureInput(i));
      prepareMs.push(performance.now() - t);
      t = performance.now();
      journal.markSent(entry.id, 1);
      sentMs.push(performance.now() - t);
      t = performance.now();
      journal.markConfirmed(entry.id, refs(i));
      confirmMs.push(performance.now() - t);
    }
    const threeWritesPerSecond = (CAPTURES / (performance.now() - start)) * 1000;

    start = performance.now();
    for (let i = 0; i < CAPTURES; i++) {
      let t = performance.now();
      const entry = journal.prepareSending(captureInput(i));
      prepareSendingMs.push(performance.now() - t);
      t = performance.now();
      journal.markConfirmed(entry.id, refs(i));
      confirm2Ms.push(performance.now() - t);
    }
    const executorPathPerSecond = (CAPTURES / (performance.now() - start)) * 1000;
    journal.close();

    const row = (operation: string, samples: number[]) => ({ operation, ...stats(samples), unit: 'ms' });
    return {
      name: 'journal',
      rows: [
        { metric: 'bare SQLite commits/s (WAL, synchronous=FULL): the disk floor', value: Math.round(floor) },
        {
          metric: 'captures/s, prepare + markSent + markConfirmed (2 fsyncs; the confirmation is not synced)',
          value: Math.round(threeWritesPerSecond),
        },
        {
          metric: 'captures/s, prepareSending + markConfirmed (1 fsync; the confirmation is not synced)',
          value: Math.round(executorPathPerSecond),
        },
        row('prepare', prepareMs),
        row('markSent', sentMs),
        row('markConfirmed', confirmMs),
        row('prepareSending (prepare + first sent)', prepareSendingMs),
        row('markConfirmed (after prepareSending)', confirm2Ms),
      ],
      targets: [
        {
          metric: 'journaled captures/s with fsync on (executor path)',
          value: Math.round(executorPathPerSecond),
          target: 1000,
          unit: 'captures/s',
          kind: 'min',
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
