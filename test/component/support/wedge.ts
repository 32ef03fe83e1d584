/**
 * Drives the keyboard-wedge detector as a scanner (or a person) would: keydown events on whatever
 * has the focus, with the timing written into each event, then the idle gap that ends the burst.
 */
import { act } from '@testing-library/react';
import { typeText, type TypingOptions } from '../../fixtures/wedge/type-as-wedge';

// Each burst starts well after the last one, as if seconds had passed.
let clock = 10_000;

export interface TypedBurst {
  /** The keys that reached the page (not held back by the detector), modifier keys left out. */
  leaked: string[];
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt']);

export async function typeBurst(text: string, options: Omit<TypingOptions, 'start'>): Promise<TypedBurst> {
  const events = typeText(text, { ...options, start: clock });
  const leaked: string[] = [];
  await act(async () => {
    for (const e of events) {
      const target = document.activeElement ?? document.body;
      const event = new KeyboardEvent('keydown', {
        key: e.key,
        code: e.code ?? '',
        ctrlKey: e.ctrlKey ?? false,
        shiftKey: e.shiftKey ?? false,
        bubbles: true,
        cancelable: true,
      });
      Object.defineProperty(event, 'timeStamp', { value: e.timeStamp });
      if (target.dispatchEvent(event) && !MODIFIERS.has(e.key)) leaked.push(e.key);
    }
    // Longer than the detector's idle gap: the burst ends and is judged.
    await new Promise((resolve) => setTimeout(resolve, 250));
  });
  clock = (events.at(-1)?.timeStamp ?? clock) + 5_000;
  return { leaked };
}
