/** What every benchmark module under bench/ returns; bench/run.ts prints and stores these. */
export interface BenchTarget {
  metric: string;
  value: number;
  target: number;
  unit: string;
  /** 'max': value must stay at or below target; 'min': at or above. */
  kind: 'max' | 'min';
}

export interface BenchSection {
  name: string;
  rows: Array<Record<string, string | number>>;
  targets: BenchTarget[];
}

export type BenchModule = () => Promise<BenchSection>;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}
