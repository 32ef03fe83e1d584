/**
 * Runs before each component test file: installs a `window.pos` that delegates to the test's fake
 * (src/renderer/pos-api.ts reads `window.pos` once, when a screen first imports it), stubs the few
 * browser APIs jsdom lacks that screens touch, and after each test unmounts the screens and fails
 * the test on any call the fake did not expect or any fake answer outside the contract.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { PosApi } from '../../../src/shared/ipc/contract';
import { buildPosApi } from '../../../src/shared/ipc/pos-api-builder';
import { currentFakePos, takeFakePos } from './current-fake';

const delegating: PosApi = buildPosApi((channel, request) => {
  const fake = currentFakePos();
  if (!fake) throw new Error(`${channel} was called with no fake window.pos installed`);
  return fake.invoke(channel, request);
});
window.pos = delegating;

// jsdom's print only reports "not implemented"; the screens call it from a button.
window.print = () => undefined;

afterEach(() => {
  cleanup();
  const fake = takeFakePos();
  if (fake && fake.problems.length > 0) {
    throw new Error(`fake window.pos:\n- ${fake.problems.join('\n- ')}`);
  }
});
