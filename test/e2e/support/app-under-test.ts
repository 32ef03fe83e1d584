import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type RunningBrowserHost } from '../../../src/main/browser-host/browser-host';
import type { AppCoreOptions } from '../../../src/main/core/app-core';
import { startCore, type CoreHarness } from '../../integration/helpers/core-harness';
import { launchChromium } from './chromium';
import { ensureBuilt, RENDERER } from './renderer-build';
import { ensureScreenshotDir, saveFailureScreenshot } from './screenshots';

export interface AppUnderTestOptions {
  /** Passed to the demo core (a custom clock, a data dir with provisioning, ...). */
  core?: Partial<AppCoreOptions>;
  /** Console errors and page errors are pushed here; the journeys assert it stays empty. */
  problems: string[];
  /** The screenshot saved at teardown when problems is not empty. */
  failureScreenshot: string;
  viewport?: { width: number; height: number };
  /** The app's CSP allows no inline script; axe is test tooling injected from outside. */
  bypassCSP?: boolean;
  acceptDownloads?: boolean;
}

export interface AppUnderTest {
  harness: CoreHarness;
  host: RunningBrowserHost;
  browser: Browser;
  page: Page;
  /** The demo core's embedded sandbox. */
  sandboxUrl: string;
  close(): Promise<void>;
}

/** The renderer built, the demo core and browser host running, one Chromium page open on nothing yet. */
export async function startAppUnderTest(options: AppUnderTestOptions): Promise<AppUnderTest> {
  ensureBuilt();
  ensureScreenshotDir();
  let harness: CoreHarness | undefined;
  let host: RunningBrowserHost | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const close = async (): Promise<void> => {
    if (page && options.problems.length > 0) await saveFailureScreenshot(page, options.failureScreenshot);
    await browser?.close();
    await host?.close();
    await harness?.dispose();
  };
  try {
    harness = await startCore(options.core);
    const sandboxUrl = harness.core.sandboxUrl;
    if (!sandboxUrl) throw new Error('the demo core has no embedded sandbox');
    host = await startBrowserHost({ handle: harness.core.handle, staticDir: RENDERER });
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      bypassCSP: options.bypassCSP ?? true,
      ...(options.acceptDownloads === undefined ? {} : { acceptDownloads: options.acceptDownloads }),
    });
    const opened = await context.newPage();
    page = opened;
    opened.on('console', (message) => {
      if (message.type() === 'error') options.problems.push(message.text());
    });
    opened.on('pageerror', (error) => options.problems.push(error.message));
    return { harness, host, browser, page: opened, sandboxUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
