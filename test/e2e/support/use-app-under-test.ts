import { afterAll, beforeAll } from 'vitest';
import { startAppUnderTest, type AppUnderTest, type AppUnderTestOptions } from './app-under-test';

/**
 * Registers the suite's hooks: the app under test starts before its first test and closes after its
 * last. Options given as a function are read in the hook, so they may write files (provisioning) first.
 * `started` hands the running app to the suite's own variables.
 */
export function useAppUnderTest(
  options: AppUnderTestOptions | (() => AppUnderTestOptions),
  started: (app: AppUnderTest) => void,
): void {
  let app: AppUnderTest | undefined;
  beforeAll(async () => {
    app = await startAppUnderTest(typeof options === 'function' ? options() : options);
    started(app);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });
}
