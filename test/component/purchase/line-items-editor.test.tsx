/**
 * The amount step's line items in jsdom: collapsed until asked for, French amounts, the running total,
 * "use the items' total as the amount", and items refused until each row is right. No call leaves the
 * screen (the fake window.pos fails the test on any).
 */
import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AmountStep } from '../../../src/renderer/screens/purchase/AmountStep';
import type { LineItemDraft } from '../../../src/renderer/screens/purchase/line-items';
import type { PurchaseCustomer } from '../../../src/renderer/screens/purchase/purchase-types';
import { renderScreen } from '../support/render-screen';

const CUSTOMER: PurchaseCustomer = {
  flowId: 'flow-1',
  referenceId: 'ref-1',
  account: {
    accountRef: 'acct-1',
    firstName: 'Marie',
    lastName: 'Tremblay',
    cardMasked: '•••• 1234',
    status: 'normal',
  } as PurchaseCustomer['account'],
};

function Amount(props: { onNext: (cents: number, reference: string, items: unknown[]) => void }) {
  const [rows, setRows] = useState<LineItemDraft[]>([]);
  return (
    <AmountStep
      customer={CUSTOMER}
      amountCents={null}
      orderReference=""
      lineItems={rows}
      onLineItemsChange={setRows}
      onNext={props.onNext}
      onCancel={() => undefined}
    />
  );
}

describe('line items on the amount step', () => {
  it('in French: adds items, totals them, and uses the total as the amount', async () => {
    const onNext = vi.fn();
    const r = renderScreen(<Amount onNext={onNext} />, { locale: 'fr' });
    const toggle = screen.getByRole('button', { name: /Articles \(facultatif\)/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText('UGS')).toBeNull();

    await r.user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const first = screen.getByRole('group', { name: 'Article 1' });
    expect(document.activeElement).toBe(within(first).getByLabelText('UGS'));
    await r.user.type(within(first).getByLabelText('UGS'), 'CAFÉ-01');
    await r.user.type(within(first).getByLabelText('Description (facultatif)'), 'Cafetière « Crème »');
    await r.user.clear(within(first).getByLabelText('Quantité'));
    await r.user.type(within(first).getByLabelText('Quantité'), '2');
    await r.user.type(within(first).getByLabelText('Prix unitaire en dollars'), '1 249,50');
    expect(
      within(first).getByText('Envoyé à Flexiti sans accents ni caractères spéciaux : « CAFE-01 ».'),
    ).toBeTruthy();
    expect(
      within(first).getByText(
        'Envoyé à Flexiti sans accents ni caractères spéciaux : « Cafetiere " Creme " ».',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Total des articles : 2\s499,00\s\$/)).toBeTruthy();

    await r.user.type(screen.getByLabelText('Montant en dollars et en cents'), '2 500,00');
    expect(screen.getByText(/mais le montant est de 2\s500,00\s\$/)).toBeTruthy();
    await r.user.click(screen.getByRole('button', { name: /Utiliser le total des articles/ }));
    expect((screen.getByLabelText('Montant en dollars et en cents') as HTMLInputElement).value).toMatch(
      /^2\s499,00$/,
    );
    expect(screen.getByText('Le total des articles correspond au montant.', { exact: false })).toBeTruthy();

    await r.user.click(screen.getByRole('button', { name: 'Voir les plans de paiement' }));
    expect(onNext).toHaveBeenCalledWith(249_900, '', [
      { sku: 'CAFE-01', description: 'Cafetiere " Creme "', quantity: 2, unitPriceCents: 124_950 },
    ]);
  });

  it('refuses the items until each row is right, and says what to fix on the row', async () => {
    const onNext = vi.fn();
    const r = renderScreen(<Amount onNext={onNext} />);
    await r.user.type(screen.getByLabelText('Amount in dollars and cents'), '10.00');
    await r.user.click(screen.getByRole('button', { name: /Line items \(optional\)/ }));
    const row = screen.getByRole('group', { name: 'Item 1' });
    await r.user.type(within(row).getByLabelText('Description (optional)'), 'No SKU');
    await r.user.type(within(row).getByLabelText('Unit price in dollars'), '10.005');

    await r.user.click(screen.getByRole('button', { name: 'See the payment plans' }));
    expect(onNext).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Some line items need a correction (shown on each item), or remove them.',
    );
    expect(within(row).getByText('Enter the SKU, or remove this item.')).toBeTruthy();
    expect(within(row).getByLabelText('SKU').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(row).getByLabelText('SKU'));

    // Removing the row leaves no items: the purchase goes on without them.
    await r.user.click(within(row).getByRole('button', { name: 'Remove item 1' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await r.user.click(screen.getByRole('button', { name: 'See the payment plans' }));
    expect(onNext).toHaveBeenCalledWith(1_000, '', []);
  });
});
