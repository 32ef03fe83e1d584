/** The manager's view of one sale: what was sold is listed when the cashier entered line items. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SaleCard } from '../../../src/renderer/screens/sales/SaleCard';
import { expectNoSeriousAxeViolations } from '../support/axe';
import { createFakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { sale } from '../support/sale-detail';

describe('sale card', () => {
  it('lists the sale’s line items with their total', async () => {
    const r = renderScreen(
      <SaleCard
        sale={sale({
          lineItems: [
            { sku: 'SOFA-3', description: 'Sofa, 3 seats', quantity: 1, unitPriceCents: 25_000 },
            { sku: 'CUSHION', quantity: 2, unitPriceCents: 2_500 },
          ],
        })}
      />,
      { pos: createFakePos() },
    );
    const table = await screen.findByTestId('line-items-summary');
    const rows = within(table).getAllByRole('row');
    // Header, two items, total.
    expect(rows).toHaveLength(4);
    expect(rows[1]?.textContent).toContain('SOFA-3');
    expect(rows[1]?.textContent).toContain('Sofa, 3 seats');
    expect(rows[2]?.textContent).toContain('CUSHION');
    expect(rows[3]?.textContent).toContain(r.t('lineItems.tableTotal'));
    expect(rows[3]?.textContent).toContain('$300.00');
    await expectNoSeriousAxeViolations('sale card with line items');
  });

  it('shows no item table for a sale without line items', async () => {
    renderScreen(<SaleCard sale={sale()} />, { pos: createFakePos() });
    await screen.findByTestId('sale');
    expect(screen.queryByTestId('line-items-summary')).toBeNull();
  });
});
