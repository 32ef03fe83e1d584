/**
 * Child process for the kill -9 part of the money-safety test: opens the journal, reconciles at
 * start-up (as the app does before taking new work), then runs purchase flows until done or killed.
 * Usage: MONEY_JOURNAL_KEY=<hex> tsx money-worker.ts <sandbox url> <journal file> <seed> <flows>
 */
import { Journal } from '../../../src/main/core/journal/journal';
import { FlexitiClient } from '../../../src/main/core/flexiti/flexiti-client';
import { normalizeApiRoot } from '../../../src/main/core/settings/api-root';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { demoCredentials, fastPolicy, SandboxControl, TERMINAL } from './core-harness';
import { moneyFlow, newStats, seededRandom } from './money-ops';

async function main(): Promise<void> {
  const [url, journalFile, seedText, flowsText] = process.argv.slice(2);
  const keyHex = process.env.MONEY_JOURNAL_KEY;
  if (!url || !journalFile || !seedText || !flowsText || !keyHex)
    throw new Error('usage: url journal seed flows');
  const journal = Journal.open(journalFile, Buffer.from(keyHex, 'hex'));
  const client = new FlexitiClient({
    apiRoot: normalizeApiRoot(url),
    credentials: demoCredentials,
    journal,
    terminal: TERMINAL,
    timeouts: { tokenMs: 3_000, readMs: 3_000, mutateMs: 3_000 },
    journalPolicy: fastPolicy(),
  });
  const report = await client.reconcile();
  const { entries: _entries, ...counts } = report;
  process.stdout.write(`reconciled ${JSON.stringify(counts)}\n`);
  process.stdout.write('ready\n');
  const stats = newStats();
  const random = seededRandom(Number(seedText));
  for (let i = 0; i < Number(flowsText); i++) {
    await moneyFlow({
      client,
      control: new SandboxControl(url),
      random,
      accountNumber: DEMO.accounts.miTester.accountNumber,
      employeeId: DEMO.merchants.demo.employees.cashier,
      stats,
      onOp: () => process.stdout.write('op\n'),
    });
  }
  process.stdout.write(`done ${JSON.stringify(stats)}\n`);
  journal.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`money-worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
