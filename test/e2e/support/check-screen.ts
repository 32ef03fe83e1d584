import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from './axe';
import { saveScreenshot } from './screenshots';

/** axe on the current screen (no serious or critical violation), then its screenshot as <prefix>-<name>. */
export async function axeAndScreenshot(page: Page, prefix: string, name: string): Promise<void> {
  await expectNoSeriousAxeViolations(page, name);
  await saveScreenshot(page, `${prefix}-${name}`);
}
