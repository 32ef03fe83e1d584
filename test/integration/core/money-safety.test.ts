/**
 * Money safety: a thousand authorizations, captures, releases, returns and refunds through the real
 * client and journal while the sandbox drops connections before and after committing, answers 5xx
 * and stalls; then a worker process killed with SIGKILL at random points and restarted. After
 * reconciliation the sandbox's ledger must show every operation the journals call applied exactly
 * once: none lost, none doubled.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/core/journal/journal';
import { FlexitiClient } from '../../../src/main/core/flexiti/flexiti-client';
import { normalizeApiRoot } from '../../../src/main/core/settings/api-root';
import { startSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { demoCredentials, fastPolicy, SandboxControl, startCore, TERMINAL } from './core-harness';
import { auditLedger, moneyFlow, newStats, seededRandom } from './money-ops';

const ACCOUNT = DEMO.accounts.miTester.accountNumber;
const EMPLOYEE = DEMO.merchants.demo.employees.cashier;
const AFTER_WINDOW = () => Date.now() + 25 * 3600_000;
const dir = mkdtempSync(join(tmpdir(), 'money-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('money safety', () => {
  it('applies 1,000 faulted operations exactly once after reconciliation', async () => {
    const h = await startCore({ journalFile: join(dir, 'inproc.sqlite') });
    try {
      const seed = Number(process.env.MONEY_SEED ?? 20261201);
      const random = seededRandom(seed);
      const stats = newStats();
      let midRun: Awaited<ReturnType<typeof h.client.reconcile>> | undefined;
      while (stats.ops < 1_000) {
        await moneyFlow({
          client: h.client,
          control: h.control,
          random,
          accountNumber: ACCOUNT,
          employeeId: EMPLOYEE,
          stats,
        });
        if (!midRun && stats.ops >= 500) {
          // Halfway: reconcile inside the window (replay with the same key and bytes).
          await h.control.clearFaults();
          midRun = await h.client.reconcile();
        }
      }
      await h.control.clearFaults();
      // At the end: as if the terminal came back a day later, so every entry is settled by lookup.
      const late = await h.client.reconcile({ now: AFTER_WINDOW });
      // Refunds cannot be looked up; inside the window they are replayed.
      const final = await h.client.reconcile();
      const audit = auditLedger([h.journal], await h.control.account(ACCOUNT));
      console.log('money safety (in process)', {
        seed,
        ...stats,
        midRunReplay: { confirmed: midRun?.replayedConfirmed, failed: midRun?.replayedFailed },
        lateLookup: {
          applied: late.reconciledApplied,
          notApplied: late.reconciledNotApplied,
          manual: late.needsManualCheck,
        },
        finalReplay: { confirmed: final.replayedConfirmed, failed: final.replayedFailed },
        applied: audit.applied,
        lost: audit.lost.length,
        duplicatesFound: audit.duplicates.length,
      });
      expect(stats.ops).toBeGreaterThanOrEqual(1_000);
      expect(stats.faultsInjected).toBeGreaterThan(200);
      expect(stats.inDoubt).toBeGreaterThan(10);
      expect(late.reconciledApplied + late.reconciledNotApplied).toBeGreaterThan(0);
      expect(audit.unfinished).toBe(0);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicates).toEqual([]);
      expect(audit.mismatches).toEqual([]);
      expect(audit.applied.captures).toBeGreaterThan(100);
    } finally {
      await h.close();
    }
  }, 300_000);

  it('survives kill -9 at random points: restart, reconcile at start-up, nothing lost or doubled', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const control = new SandboxControl(sandbox.url);
    const journalFile = join(dir, 'killed.sqlite');
    const key = randomBytes(32);
    const worker = fileURLToPath(new URL('./money-worker.ts', import.meta.url));
    const random = seededRandom(7);
    const runs: Array<{ killed: boolean; ops: number; startup: string }> = [];
    const run = (seed: number, killAfterOps: number | null) =>
      new Promise<{ killed: boolean; ops: number; startup: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', worker, sandbox.url, journalFile, String(seed), '30'],
          {
            env: { ...process.env, MONEY_JOURNAL_KEY: key.toString('hex') },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let ops = 0;
        let startup = '';
        let buffered = '';
        let stderr = '';
        let killed = false;
        child.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, nl);
            buffered = buffered.slice(nl + 1);
            if (line.startsWith('reconciled ')) startup = line.slice('reconciled '.length);
            if (line === 'op') {
              ops++;
              if (killAfterOps !== null && ops >= killAfterOps && !killed) {
                killed = true;
                // Let the next call get on the wire before the kill lands.
                setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 15));
              }
            }
          }
        });
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          if (signal === 'SIGKILL' || code === 0) resolve({ killed: signal === 'SIGKILL', ops, startup });
          else reject(new Error(`worker exited ${code}: ${stderr.slice(0, 500)}`));
        });
      });
    try {
      for (let i = 0; i < 6; i++) runs.push(await run(100 + i, 5 + Math.floor(random() * 40)));
      runs.push(await run(200, null));
      await control.clearFaults();
      // The last run reconciled at its start-up; whatever it left in doubt is settled here.
      const journal = Journal.open(journalFile, key);
      try {
        const client = new FlexitiClient({
          apiRoot: normalizeApiRoot(sandbox.url),
          credentials: demoCredentials,
          journal,
          terminal: TERMINAL,
          journalPolicy: fastPolicy(),
        });
        const final = await client.reconcile();
        const audit = auditLedger([journal], await control.account(ACCOUNT));
        const startups = runs.map((r) => JSON.parse(r.startup || '{}') as Record<string, number>);
        const sum = (k: string) => startups.reduce((s, r) => s + (r[k] ?? 0), 0);
        console.log('money safety (kill -9)', {
          runs: runs.length,
          kills: runs.filter((r) => r.killed).length,
          ops: runs.reduce((s, r) => s + r.ops, 0),
          startupReconciliation: {
            examined: sum('examined'),
            replayedConfirmed: sum('replayedConfirmed'),
            replayedFailed: sum('replayedFailed'),
            stillInDoubt: sum('stillInDoubt'),
          },
          finalReconcile: { examined: final.examined, confirmed: final.replayedConfirmed },
          applied: audit.applied,
          lost: audit.lost.length,
          duplicatesFound: audit.duplicates.length,
        });
        expect(runs.filter((r) => r.killed).length).toBe(6);
        expect(sum('examined')).toBeGreaterThan(0);
        expect(audit.unfinished).toBe(0);
        expect(audit.lost).toEqual([]);
        expect(audit.duplicates).toEqual([]);
        expect(audit.mismatches).toEqual([]);
        expect(audit.applied.authorizations).toBeGreaterThan(20);
      } finally {
        journal.close();
      }
    } finally {
      await sandbox.close();
    }
  }, 300_000);
});
