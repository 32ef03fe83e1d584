/** The fake answering `window.pos` in the running test; the setup file clears it after each test. */
import type { FakePos } from './fake-pos';

let current: FakePos | null = null;

export function installFakePos(fake: FakePos): void {
  current = fake;
}

export function currentFakePos(): FakePos | null {
  return current;
}

/** Ends the test's fake: later calls fail until the next test installs its own. */
export function takeFakePos(): FakePos | null {
  const fake = current;
  current = null;
  return fake;
}
