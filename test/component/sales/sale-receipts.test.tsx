/**
 * The customer's receipt on the manager's sale screen: shown after a release and a refund (and
 * kept when the form that made it goes away), never with the refund's reason, focused for the
 * keyboard; Save as PDF builds a real PDF, and a failure says so in plain words.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaleActions } from '../../../src/renderer/screens/sales/SaleActions';
import { expectNoSeriousAxeViolations } from '../support/axe';
import type { FakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { AUTHORIZATION, fakeFor, receipt, sale } from '../support/sale-detail';

/** The sale screen on a fake that releases it all, the release confirmed: its receipt panel shown. */
async function releaseFromSaleScreen(pos: FakePos) {
  pos.on('authorizations.release', {
    releasedCents: 30_000,
    sale: sale({ state: 'closed', releasedCents: 30_000, remainingToCaptureCents: 0 }),
    receipt: receipt({ kind: 'release' }),
  });
  const r = renderScreen(<SaleActions authorizationId={AUTHORIZATION} />, { pos });
  await r.user.click(await screen.findByTestId('release-confirm'));
  const panel = await screen.findByTestId('operation-receipt');
  return { r, panel };
}

const { createObjectURL, revokeObjectURL } = URL;
afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('customer receipts on the sale screen', () => {
  it('shows the release receipt after the release form has gone, focused, in both languages', async () => {
    const { r, panel } = await releaseFromSaleScreen(fakeFor(sale()));
    // Nothing is held any more: the form is gone, the receipt stays.
    expect(screen.queryByTestId('release-form')).toBeNull();
    const sections = within(panel).getByTestId('receipt').querySelectorAll('section');
    expect([...sections].map((s) => s.getAttribute('lang'))).toEqual(['en-CA', 'fr-CA']);
    expect(panel.textContent).toContain('Flexiti release receipt');
    expect(panel.textContent).toContain('Reçu de libération Flexiti');
    expect(panel.textContent).toContain('•••• 6789');
    expect(panel.textContent).toContain('DEMO: not a real transaction');
    await waitFor(() => expect(document.activeElement?.textContent).toBe(r.t('receiptDoc.customerReceipt')));
    await expectNoSeriousAxeViolations('release receipt');

    await r.user.click(within(panel).getByTestId('operation-receipt-close'));
    expect(screen.queryByTestId('operation-receipt')).toBeNull();
  });

  it('shows the refund receipt without the reason the manager typed', async () => {
    const captured = sale({ state: 'closed', capturedCents: 30_000, remainingToCaptureCents: 0 });
    const pos = fakeFor(captured).on('refunds.create', (request) => ({
      refundedCents: request.amountCents,
      accountLast4: '6789',
      sale: { ...captured, refundedCents: request.amountCents },
      receipt: receipt({
        kind: 'refund',
        amountCents: request.amountCents,
        sale: { heldCents: 0, chargedCents: 27_500 },
      }),
    }));
    const r = renderScreen(<SaleActions authorizationId={AUTHORIZATION} />, { pos });
    const form = await screen.findByTestId('refund-form');
    await r.user.type(within(form).getByLabelText(r.t('refund.amount')), '25.00');
    await r.user.type(within(form).getByLabelText(r.t('refund.reason')), 'Scratched table top');
    await r.user.click(within(form).getByTestId('refund-confirm'));

    const panel = await screen.findByTestId('operation-receipt');
    expect(pos.calls('refunds.create')[0]?.reason).toBe('Scratched table top');
    expect(panel.textContent).toContain('Flexiti refund receipt');
    expect(panel.textContent).toContain('$25.00');
    expect(panel.textContent).toContain('$275.00');
    expect(panel.textContent).not.toContain('Scratched');
  });

  it('saves the receipt as a PDF named after the authorization, and says so plainly when it cannot', async () => {
    const { r, panel } = await releaseFromSaleScreen(fakeFor(sale()));

    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:null/receipt';
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await r.user.click(within(panel).getByTestId('receipt-save-pdf'));
    await within(panel).findByTestId('receipt-pdf-saved');
    expect(names).toEqual([`flexiti-release-receipt-${AUTHORIZATION}.pdf`]);
    expect(blobs[0]?.type).toBe('application/pdf');
    const bytes = new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    const head = new TextDecoder().decode(bytes.slice(0, 5));
    expect(head).toBe('%PDF-');

    URL.createObjectURL = () => {
      throw new Error('no room');
    };
    await r.user.click(within(panel).getByTestId('receipt-save-pdf'));
    const failed = await within(panel).findByTestId('receipt-pdf-failed');
    expect(failed.textContent).toBe(r.t('receiptDoc.pdfFailed'));
    expect(failed.getAttribute('role')).toBe('alert');
  });

  it('marks a training receipt as not real, and a production one not at all', async () => {
    for (const [environment, marked] of [
      ['training', true],
      ['production', false],
    ] as const) {
      const { r, panel } = await releaseFromSaleScreen(fakeFor(sale(), { mode: 'live', environment }));
      await waitFor(() => expect(panel.textContent?.includes('DEMO: not a real transaction')).toBe(marked));
      r.unmount();
    }
  });
});
