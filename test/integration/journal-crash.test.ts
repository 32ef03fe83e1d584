import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/main/core/journal/journal';
import type { JournalState } from '../../src/main/core/journal/journal-types';
import { crashBody, crashPath } from '../fixtures/journal/crash-payload';

const WRITER = join(import.meta.dirname, '../fixtures/journal/crash-writer.ts');
const ROUNDS = 6;

const RANK: Record<JournalState, number> = {
  prepared: 0,
  sent: 1,
  in_doubt: 2,
  confirmed: 3,
  failed: 3,
  reconciled: 3,
};

interface Reported {
  state: JournalState;
  seq: number;
}

/** Runs the writer until SIGKILL after `killAfterMs` (counted from READY, or from spawn if `early`). */
async function runAndKill(
  file: string,
  keyHex: string,
  firstSeq: number,
  killAfterMs: number,
  early: boolean,
): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(firstSeq)], {
    env: { ...process.env, JOURNAL_TEST_KEY: keyHex },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const kill = (): void => {
    setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  };
  if (early) kill();
  const reader = createInterface({ input: child.stdout });
  reader.on('line', (line) => {
    if (line === 'READY' && !early) kill();
    else if (line !== 'READY') lines.push(line);
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer did not finish; stderr: ${stderr}`));
    }, 60_000);
    child.on('exit', (_code, sig) => {
      clearTimeout(guard);
      resolve(sig);
    });
  });
  await new Promise((resolve) => setImmediate(resolve));
  if (signal !== 'SIGKILL') throw new Error(`writer exited on its own; stderr: ${stderr}`);
  return { lines, signal };
}

describe('journal survives kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every reported step and no half rows over ${ROUNDS} random kills`, async () => {
    const file = join(dir, 'journal.db');
    const key = randomBytes(32);
    const reported = new Map<string, Reported>();
    let nextSeq = 1;
    let totalLines = 0;

    for (let round = 0; round < ROUNDS; round++) {
      // Round 0 may die while creating the database; the others while journaling.
      const early = round === 0;
      const killAfter = early ? 300 + Math.floor(Math.random() * 1500) : 30 + Math.floor(Math.random() * 500);
      const { lines } = await runAndKill(file, key.toString('hex'), nextSeq, killAfter, early);
      totalLines += lines.length;
      for (const line of lines) {
        const [state, id, seqText] = line.split(' ');
        const previous = reported.get(id as string);
        const seq = Number(seqText);
        if (!previous || RANK[state as JournalState] >= RANK[previous.state]) {
          reported.set(id as string, { state: state as JournalState, seq });
        }
        nextSeq = Math.max(nextSeq, seq + 1);
      }
      // The step the child was killed in may have committed without being reported: skip its seq.
      nextSeq += 1;

      if (!existsSync(file)) continue;
      const raw = new Database(file);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();

      const journal = Journal.open(file, key);
      const entries = journal.list({ order: 'asc' });
      const byId = new Map(entries.map((e) => [e.id, e]));
      for (const [id, seen] of reported) {
        const entry = byId.get(id);
        expect(entry, `reported entry ${id} (seq ${seen.seq}) is missing`).toBeDefined();
        if (!entry) continue;
        expect(RANK[entry.state]).toBeGreaterThanOrEqual(RANK[seen.state]);
        if (RANK[seen.state] === 3) expect(entry.state).toBe(seen.state);
      }
      // No half rows: every row is whole, its request opens with the key and matches byte for byte.
      let unreported = 0;
      for (const entry of entries) {
        if (!reported.has(entry.id)) unreported++;
        const seq = Number(entry.referenceId.replace('crash', ''));
        expect(entry.summary).toEqual({
          amountCents: seq * 100 + 1,
          accountLast4: '4321',
          reference: `seq-${seq}`,
        });
        if (RANK[entry.state] === 3) {
          expect(entry.hasRequest).toBe(false);
          if (entry.state !== 'failed') expect(entry.refs.captureId).toBe(String(seq));
        } else {
          expect(journal.readRequest(entry.id)).toEqual({
            method: 'POST',
            path: crashPath(seq),
            body: crashBody(seq),
          });
        }
      }
      // At most the one operation per round whose prepare committed just before the kill.
      expect(unreported).toBeLessThanOrEqual(round + 1);
      journal.close();
    }
    // The kills must have landed while work was going on, or the test proves nothing.
    expect(totalLines).toBeGreaterThan(ROUNDS * 3);
    expect(reported.size).toBeGreaterThan(ROUNDS);
  });
});
