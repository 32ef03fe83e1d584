/**
 * npm run bench: runs every bench/*.bench.ts in turn (one at a time, so they don't compete for the
 * two cores), prints each as a table with its targets, and writes bench/results.json.
 * `npm run bench -- journal sandbox` runs only the modules whose names contain those words.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import type { BenchModule, BenchSection, BenchTarget } from './bench-types';

const dir = import.meta.dirname;
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

function met(t: BenchTarget): boolean {
  return t.kind === 'max' ? t.value <= t.target : t.value >= t.target;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4);
}

const sections: Array<BenchSection & { file: string; error?: string }> = [];
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: BenchModule };
    const section = await mod.default();
    sections.push({ ...section, file });
    if (section.rows.length > 0) console.table(section.rows);
    for (const t of section.targets) {
      const sign = t.kind === 'max' ? '<=' : '>=';
      console.log(
        `  ${met(t) ? 'MET   ' : 'MISSED'} ${t.metric}: ${fmt(t.value)} ${t.unit} (target ${sign} ${t.target} ${t.unit})`,
      );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`  ERROR ${message}`);
    sections.push({ name: file, file, rows: [], targets: [], error: message });
  }
}

// A filtered run (`npm run bench -- journal`) replaces only its own sections in results.json.
type StoredSection = BenchSection & { file: string; error?: string };
let kept: StoredSection[] = [];
if (filters.length > 0) {
  try {
    const previous = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
      sections?: StoredSection[];
    };
    kept = (previous.sections ?? []).filter((old) => !sections.some((s) => s.file === old.file));
  } catch {
    kept = [];
  }
}
const allSections = [...kept, ...sections].sort((a, b) => a.file.localeCompare(b.file));
const targets = allSections.flatMap((s) => s.targets);
const summary = { met: targets.filter(met).length, missed: targets.filter((t) => !met(t)).length };
writeFileSync(
  join(dir, 'results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      summary,
      sections: allSections,
    },
    null,
    2,
  ) + '\n',
);
console.log(
  `\nTargets (all stored sections): ${summary.met} met, ${summary.missed} missed. Written to bench/results.json`,
);
if (sections.some((s) => s.error)) process.exitCode = 1;
