/**
 * Licence parser speed: 20,000 scans of a mix of the named samples, the same samples with wedge
 * damage, and undecodable input, timed one scan at a time. Target: median and p99 under 1 ms.
 */
import { parseAamva } from '../src/shared/licence/aamva';
import { applyDamage } from '../test/fixtures/licences/build-aamva';
import { SAMPLES } from '../test/fixtures/licences/samples';
import { percentile, type BenchSection } from './bench-types';

const SCANS = 20_000;
const WARMUP = 2_000;

function mix(): Array<{ kind: string; raw: string }> {
  const clean = Object.values(SAMPLES).map((s) => ({ kind: 'clean', raw: s.raw }));
  const damaged = Object.values(SAMPLES).map((s, i) => ({
    kind: 'wedge-damaged',
    raw: applyDamage(
      s.raw,
      [
        { crToCrLf: true, dropRs: true },
        { pipeForLf: true, bom: true },
        { c1Bytes: true, mojibake: 'cp1252' as const },
        { lfToCr: true, spaceBeforeAt: true },
      ][i % 4] ?? {},
    ),
  }));
  const bad = [
    '',
    'https://www.example.com/',
    'X'.repeat(9_000),
    (SAMPLES.ON_V08?.raw ?? '').slice(0, 120),
    Array.from({ length: 500 }, (_, i) => String.fromCharCode((i * 37) % 256)).join(''),
  ].map((raw) => ({ kind: 'undecodable', raw }));
  return [...clean, ...damaged, ...bad];
}

export default async function (): Promise<BenchSection> {
  const inputs = mix();
  for (let i = 0; i < WARMUP; i += 1) parseAamva(inputs[i % inputs.length]?.raw ?? '');

  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SCANS; i += 1) {
    const input = inputs[i % inputs.length];
    if (!input) continue;
    const t0 = performance.now();
    parseAamva(input.raw);
    const ms = performance.now() - t0;
    all.push(ms);
    const list = byKind.get(input.kind) ?? [];
    list.push(ms);
    byKind.set(input.kind, list);
  }
  const elapsedS = (performance.now() - started) / 1000;

  const row = (kind: string, times: number[]): Record<string, string | number> => {
    const sorted = [...times].sort((a, b) => a - b);
    return {
      input: kind,
      scans: times.length,
      median_ms: Number(percentile(sorted, 50).toFixed(4)),
      p99_ms: Number(percentile(sorted, 99).toFixed(4)),
      max_ms: Number((sorted[sorted.length - 1] ?? NaN).toFixed(4)),
    };
  };
  const sortedAll = [...all].sort((a, b) => a - b);
  const median = percentile(sortedAll, 50);
  const p99 = percentile(sortedAll, 99);
  return {
    name: 'Licence parser (parseAamva)',
    rows: [
      ...[...byKind.entries()].map(([kind, times]) => row(kind, times)),
      { ...row('all', all), scans_per_s: Math.round(SCANS / elapsedS) },
    ],
    targets: [
      { metric: 'median per scan', value: median, target: 1, unit: 'ms', kind: 'max' },
      { metric: 'p99 per scan', value: p99, target: 1, unit: 'ms', kind: 'max' },
    ],
  };
}
