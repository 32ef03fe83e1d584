import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { endOfDayReport } from '../src/main/core/sales/end-of-day-report';
import { searchSales, type SaleQuery } from '../src/main/core/sales/sale-search';
import { SalesLedger } from '../src/main/core/sales/sales-ledger';
import { percentile, type BenchSection } from './bench-types';

const CAPTURES = 10_000;
const RETURNS = 10_000;
const DAYS = 30;
const RUNS = 15;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 5, 1, 12);

/** Deterministic so runs compare. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(ledger: SalesLedger): void {
  const rnd = mulberry32(42);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const staff = (): string => `E${int(1, 25)}`;
  ledger.database.transaction(() => {
    let returns = 0;
    for (let i = 0; i < CAPTURES; i++) {
      const at = START + Math.floor(rnd() * DAYS * DAY_MS);
      const amount = int(5_000, 400_000);
      const promotional = i % 5 !== 0;
      const authorizationId = String(1_000_000 + i);
      ledger.recordAuthorization({
        authorizationId,
        amountCents: amount,
        transactionType: promotional ? 'promotional_purchase' : 'regular_purchase',
        planId: promotional ? int(1, 6) : null,
        planName: promotional ? 'Equal payments' : null,
        term: promotional ? 12 : null,
        autoCapture: false,
        status: 'opened',
        accountLast4: String(int(1000, 9999)),
        employeeId: staff(),
        locationId: `L${int(1, 3)}`,
        registerId: `R${int(1, 8)}`,
        reference: `ORD-${100_000 + i}`,
        at,
      });
      const captured = i % 10 === 0 ? Math.floor(amount / 2) : amount;
      ledger.recordCapture({
        captureId: String(5_000_000 + i),
        authorizationId,
        amountCents: captured,
        employeeId: staff(),
        registerId: `R${int(1, 8)}`,
        at: at + int(0, 2 * DAY_MS),
      });
      if (i % 10 === 0) {
        ledger.recordRelease({
          operationId: `rel-${i}`,
          authorizationId,
          amountCents: amount - captured,
          employeeId: staff(),
          at: at + DAY_MS,
        });
      }
      if (i % 20 === 1) {
        ledger.recordRefund({
          operationId: `ref-${i}`,
          accountLast4: '1234',
          captureId: String(5_000_000 + i),
          amountCents: int(1, captured),
          employeeId: staff(),
          at: at + 3 * DAY_MS,
        });
      }
    }
    // Returns on promotional captures, up to two per capture, until there are RETURNS of them.
    for (let i = 0; returns < RETURNS; i = (i + 1) % CAPTURES) {
      if (i % 5 === 0) continue;
      ledger.recordReturn({
        returnId: String(9_000_000 + returns),
        captureId: String(5_000_000 + i),
        authorizationId: String(1_000_000 + i),
        amountCents: 100,
        employeeId: staff(),
        approverId: 'M1',
        at: START + int(0, DAYS + 5) * DAY_MS,
      });
      returns++;
    }
  })();
}

function median(run: () => unknown): { p50: number; max: number } {
  run(); // warm the statement cache and the page cache
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 100) / 100;
  return { p50: round(percentile(samples, 50)), max: round(samples[samples.length - 1] ?? NaN) };
}

export default async function (): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-manager-'));
  const ledger = SalesLedger.open(join(dir, 'sales.db'));
  try {
    const t0 = performance.now();
    fill(ledger);
    const fillMs = Math.round(performance.now() - t0);
    const journal = { unfinished: () => [] };
    const report = median(() =>
      endOfDayReport(ledger, journal, { date: '2026-06-15', timeZone: 'America/Toronto' }),
    );
    const sample = endOfDayReport(ledger, journal, { date: '2026-06-15', timeZone: 'America/Toronto' });
    const searches: Array<[string, SaleQuery]> = [
      ['reference prefix', { referencePrefix: 'ORD-1042' }],
      ['employee + date range', { employeeId: 'E7', from: START + 10 * DAY_MS, to: START + 17 * DAY_MS }],
      ['account last 4', { accountLast4: '4321' }],
    ];
    const rows: Array<Record<string, string | number>> = [
      {
        case: `end-of-day report (${sample.overall.captures.count} captures that day)`,
        p50_ms: report.p50,
        max_ms: report.max,
        data: `${CAPTURES} captures, ${RETURNS} returns, filled in ${fillMs} ms`,
      },
    ];
    const targets = [
      { metric: 'end-of-day report p50', value: report.p50, target: 500, unit: 'ms', kind: 'max' as const },
    ];
    for (const [name, query] of searches) {
      const found = searchSales(ledger, query).total;
      const timing = median(() => searchSales(ledger, query));
      rows.push({
        case: `sale search: ${name} (${found} found)`,
        p50_ms: timing.p50,
        max_ms: timing.max,
        data: '',
      });
      targets.push({
        metric: `sale search ${name} p50`,
        value: timing.p50,
        target: 100,
        unit: 'ms',
        kind: 'max',
      });
    }
    return { name: 'Manager reports (sales ledger)', rows, targets };
  } finally {
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
