/**
 * axe-core on what a component test rendered: no serious or critical violation, as the e2e suite
 * asks of the whole app. jsdom lays nothing out, so colour contrast is left to the e2e suite.
 */
import axe from 'axe-core';
import { expect } from 'vitest';

// axe measures some text on a canvas; jsdom has none and only prints "not implemented". A null
// context is what axe expects where canvas is unavailable.
HTMLCanvasElement.prototype.getContext = () => null;

export async function expectNoSeriousAxeViolations(name: string): Promise<void> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
}
