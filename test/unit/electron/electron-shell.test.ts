/**
 * The Electron shell in the real binary: the window exposes only `window.pos` with the contract's
 * channels, no Node. Skipped, with one line, where the Electron binary could not be downloaded.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc/contract';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = existsSync(join(ROOT, 'out', 'main', 'index.js'));
if (!binary) console.warn('Electron shell test skipped: the Electron binary is absent on this machine.');

describe.skipIf(!binary || !built)('Electron shell', () => {
  it('exposes one narrow window.pos and no Node to the page', async () => {
    const app = await electron.launch({ executablePath: binary ?? '', args: [ROOT] });
    try {
      const page = await app.firstWindow();
      const shape = await page.evaluate(() => {
        const pos = (window as unknown as { pos?: Record<string, Record<string, unknown>> }).pos ?? {};
        return {
          channels: Object.entries(pos).flatMap(([area, group]) =>
            Object.keys(group).map((m) => `${area}.${m}`),
          ),
          hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
          hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
        };
      });
      expect(shape.channels.sort()).toEqual([...CHANNELS].sort());
      expect(shape.hasRequire).toBe(false);
      expect(shape.hasProcess).toBe(false);
    } finally {
      await app.close();
    }
  });
});
