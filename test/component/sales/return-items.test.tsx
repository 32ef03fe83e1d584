/**
 * A return on a sale with line items: the manager says how many of each came back, may take their
 * total as the amount, and the items go with the return and onto the customer's receipt.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SaleActions } from '../../../src/renderer/screens/sales/SaleActions';
import { expectNoSeriousAxeViolations } from '../support/axe';
import { renderScreen } from '../support/render-screen';
import { AUTHORIZATION, fakeFor, receipt, sale } from '../support/sale-detail';

const LAMP = { sku: 'LAMP-2', description: 'Floor lamp', quantity: 2, unitPriceCents: 8_000 };
const BULB = { sku: 'BULB', quantity: 4, unitPriceCents: 500 };
const ITEMS = [LAMP, BULB];
const CAPTURE = {
  at: '2026-03-14T15:10:00.000Z',
  amountCents: 18_000,
  employeeId: 'E100',
  approverId: null,
  registerId: 'REG-7',
  captureId: '346000001',
  returnedCents: 0,
  remainingCents: 18_000,
  returnableCents: 18_000,
  returnDeadline: '2026-06-22T15:10:00.000Z',
  returnWindowOpen: true,
  daysLeftToReturn: 99,
};

function itemSale() {
  return sale({
    amountCents: 18_000,
    state: 'closed',
    capturedCents: 18_000,
    remainingToCaptureCents: 0,
    captures: [CAPTURE],
    lineItems: ITEMS,
  });
}

describe('a return with the sale’s line items', () => {
  it('takes the items’ total as the amount, and sends the items with the return', async () => {
    const back = [
      { ...ITEMS[0], quantity: 1 },
      { ...ITEMS[1], quantity: 2 },
    ];
    const pos = fakeFor(itemSale())
      .on('returns.preview', ({ amountCents }) => ({
        allowed: true,
        reasons: [],
        amountCents: amountCents ?? 18_000,
        remainingCents: 18_000,
        returnableCents: 18_000,
        returnDeadline: CAPTURE.returnDeadline,
        daysLeftToReturn: 99,
      }))
      .on('returns.create', ({ amountCents, lineItems }) => ({
        returnId: '7700000000000001',
        returnedCents: amountCents ?? 0,
        remainingCaptureCents: 18_000 - (amountCents ?? 0),
        sale: itemSale(),
        receipt: receipt({
          kind: 'return',
          amountCents: amountCents ?? 0,
          returnId: '7700000000000001',
          captureId: CAPTURE.captureId,
          ...(lineItems ? { lineItems } : {}),
        }),
      }));
    const r = renderScreen(<SaleActions authorizationId={AUTHORIZATION} />, { pos });
    const items = await screen.findByTestId('return-items');
    const lamp = within(items).getByLabelText(
      r.t('return.items.quantity', { item: 'Floor lamp (LAMP-2)', left: '2' }),
    );
    const bulb = within(items).getByLabelText(r.t('return.items.quantity', { item: 'BULB', left: '4' }));
    await r.user.type(lamp, '1');
    await r.user.type(bulb, '2');
    await r.user.click(within(items).getByTestId('return-items-total'));

    // $90.00 of $180.00: a partial return of that amount.
    const form = screen.getByTestId('return-form');
    expect(
      (within(form).getByRole('radio', { name: r.t('return.partial') }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((within(form).getByLabelText(r.t('return.amount')) as HTMLInputElement).value).toBe('90.00');
    await r.user.click(within(form).getByTestId('return-check'));
    await r.user.click(await screen.findByTestId('return-confirm'));

    const panel = await screen.findByTestId('operation-receipt');
    expect(pos.calls('returns.preview')).toEqual([
      { authorizationId: AUTHORIZATION, captureId: CAPTURE.captureId, amountCents: 9_000, full: false },
    ]);
    expect(pos.calls('returns.create')).toEqual([
      {
        authorizationId: AUTHORIZATION,
        captureId: CAPTURE.captureId,
        amountCents: 9_000,
        full: false,
        lineItems: back,
      },
    ]);
    expect(panel.textContent).toContain(r.t('receiptDoc.itemsReturned'));
    expect(panel.textContent).toContain('Floor lamp (LAMP-2)');
    // Nothing typed for the return stays behind to be sent again.
    const counts = within(screen.getByTestId('return-items')).getAllByRole(
      'spinbutton',
    ) as HTMLInputElement[];
    expect(counts.map((input) => input.value)).toEqual(['', '']);
    expect(within(screen.getByTestId('return-form')).queryByLabelText(r.t('return.amount'))).toBeNull();
    await expectNoSeriousAxeViolations('return with line items');
  });

  it('offers no total beyond what can still be returned, and a full return when the items are all of it', async () => {
    // $80.00 already returned: $100.00 can still be.
    const partlyReturned = {
      ...CAPTURE,
      returnedCents: 8_000,
      remainingCents: 10_000,
      returnableCents: 10_000,
    };
    const r = renderScreen(<SaleActions authorizationId={AUTHORIZATION} />, {
      pos: fakeFor({ ...itemSale(), captures: [partlyReturned] }),
    });
    const items = await screen.findByTestId('return-items');
    const [lamp, bulb] = within(items).getAllByRole('spinbutton') as HTMLInputElement[];
    if (!lamp || !bulb) throw new Error('two quantity fields expected');
    await r.user.type(lamp, '2');
    expect(within(items).queryByTestId('return-items-total')).toBeNull();
    expect(items.textContent).toContain(r.t('return.items.overRemaining', { amount: '$160.00' }));

    await r.user.clear(lamp);
    await r.user.type(lamp, '1');
    // No more than were sold: 40 becomes 4.
    await r.user.type(bulb, '40');
    expect(bulb.value).toBe('4');
    await r.user.click(within(items).getByTestId('return-items-total'));
    const full = screen.getByRole('radio', { name: new RegExp(r.t('return.full')) }) as HTMLInputElement;
    expect(full.checked).toBe(true);
  });

  it('offers only what earlier returns did not list, and nothing once all came back', async () => {
    const r = renderScreen(<SaleActions authorizationId={AUTHORIZATION} />, {
      pos: fakeFor({ ...itemSale(), returnedLineItems: [{ ...LAMP, quantity: 1 }] }),
    });
    const items = await screen.findByTestId('return-items');
    const lamp = within(items).getByLabelText(
      r.t('return.items.quantity', { item: 'Floor lamp (LAMP-2)', left: '1' }),
    ) as HTMLInputElement;
    await r.user.type(lamp, '2');
    expect(lamp.value).toBe('1');
    r.unmount();

    renderScreen(<SaleActions authorizationId={AUTHORIZATION} />, {
      pos: fakeFor({ ...itemSale(), returnedLineItems: ITEMS }),
    });
    await screen.findByTestId('return-form');
    expect(screen.queryByTestId('return-items')).toBeNull();
  });
});
