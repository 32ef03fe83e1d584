/**
 * A sandboxed preload may require only `electron`: the built bundle must carry everything else
 * inline. Checks the output of `electron-vite build` when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PRELOAD = join(import.meta.dirname, '..', '..', '..', 'out', 'preload', 'index.cjs');
const present = existsSync(PRELOAD);
if (!present)
  console.warn('Preload bundle test skipped: run `npm run build` first (out/preload/index.cjs is absent).');

describe.skipIf(!present)('preload bundle', () => {
  it('requires nothing but electron and never exposes ipcRenderer itself', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toMatch(/exposeInMainWorld\(\s*["']pos["']/);
    expect(code).not.toMatch(/exposeInMainWorld\(\s*["'][^"']+["']\s*,\s*ipcRenderer\s*\)/);
  });
});
