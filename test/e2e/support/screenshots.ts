import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './renderer-build';

export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');

export function ensureScreenshotDir(): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** A full-page screenshot saved as test-artifacts/screenshots/<file>.png. */
export async function saveScreenshot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${file}.png`), fullPage: true });
}

/** A best-effort viewport screenshot when a journey ends with problems; never fails teardown. */
export async function saveFailureScreenshot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${file}.png`) }).catch(() => {});
}
