/**
 * Finding a customer as a cashier does: by number (typed with spaces or dashes) or by name, each
 * account shown with only what the cashier needs: name, masked card, status in plain words, credit.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../src/shared/ipc/channels/customers';
import { LookupScreen } from '../../../src/renderer/screens/lookup/LookupScreen';
import { createFakePos, refuse, type FakePos } from '../support/fake-pos';
import { renderScreen, type RenderedScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

const FULL_CARD = '4111111111115941';

const ROSE: AccountView = {
  accountRef: 'acct_rose_0000000001',
  cardMasked: '•••• 5941',
  firstName: 'Rose',
  lastName: 'Tremblay',
  status: 'normal',
  canPurchase: true,
  availableCreditCents: 184_250,
  creditLimitCents: 500_000,
  accountType: 'consumer',
};
const FROZEN: AccountView = {
  ...ROSE,
  accountRef: 'acct_rose_0000000002',
  cardMasked: '•••• 0417',
  status: 'frozen',
  canPurchase: false,
  availableCreditCents: 0,
};

function customers(accounts: AccountView[]): FakePos {
  let flows = 0;
  return createFakePos()
    .on('flow.start', () => {
      flows += 1;
      return { flowId: `flow_lookup_${String(flows).padStart(6, '0')}`, referenceId: `REF-L${flows}` };
    })
    .on('customers.lookup', ({ by, number }) => {
      const found = accounts.find((a) =>
        by === 'card' ? number.endsWith(a.cardMasked.slice(-4)) : number === '20261107',
      );
      return found ? { account: found } : refuse('needs_action', 'not_found');
    })
    .on('customers.search', ({ lastName }) => ({
      accounts: accounts.filter((a) => a.lastName?.toLowerCase() === lastName.toLowerCase()),
    }));
}

async function findByNumber(r: RenderedScreen, number: string): Promise<void> {
  const form = screen.getByRole('form', { name: r.t('lookup.byNumber') });
  const box = within(form).getByRole('textbox', { name: r.t('lookup.number') });
  await r.user.clear(box);
  await r.user.type(box, `${number}{Enter}`);
}

describe('Customer lookup', () => {
  it('finds a card typed with spaces, and shows only what the cashier needs', async () => {
    const r = renderScreen(<LookupScreen onPurchase={() => undefined} />, { pos: customers([ROSE]) });
    await findByNumber(r, '4111 1111-1111 5941');

    const card = await screen.findByTestId('account-card');
    expect(r.pos.calls('customers.lookup')).toEqual([
      { flowId: 'flow_lookup_000001', by: 'card', number: FULL_CARD },
    ]);
    expect(within(card).getByRole('heading', { name: 'Rose Tremblay' })).toBeTruthy();
    expect(card.textContent).toContain(r.t('account.card', { card: '•••• 5941' }));
    expect(card.textContent).toContain(r.t('status.normal'));
    expect(card.textContent).toContain(r.t('account.available', { amount: '$1,842.50' }));
    // Not the full number, not the limit, not the opaque reference.
    const results = screen.getByRole('heading', { name: r.t('lookup.results') }).parentElement!;
    expect(results.textContent).not.toContain(FULL_CARD);
    expect(results.textContent).not.toContain('5,000.00');
    expect(results.textContent).not.toContain(ROSE.accountRef);
    // Nor left in the box it was typed into.
    const box = within(screen.getByRole('form', { name: r.t('lookup.byNumber') })).getByRole('textbox', {
      name: r.t('lookup.number'),
    });
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.getByText(r.t('lookup.reference', { reference: 'REF-L1' }))).toBeTruthy();
    await expectNoSeriousAxeViolations('lookup with an account');
  });

  it('says a frozen account is frozen in plain words, and offers no purchase', async () => {
    const onPurchase = vi.fn();
    const r = renderScreen(<LookupScreen onPurchase={onPurchase} />, { pos: customers([FROZEN]) });
    await findByNumber(r, '4111111111110417');

    const card = await screen.findByTestId('account-card');
    expect(within(card).getByText(r.t('status.frozen'))).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /purchase/i })).toBeNull();
    expect(within(card).getByTestId('no-purchase').textContent).toBe(r.t('lookup.cannotPurchase'));
  });

  it('searches by name in one customer flow until "New customer", leaving out an empty postal code', async () => {
    const onPurchase = vi.fn();
    const r = renderScreen(<LookupScreen onPurchase={onPurchase} />, { pos: customers([ROSE, FROZEN]) });
    const form = screen.getByRole('form', { name: r.t('lookup.byName') });
    await r.user.type(within(form).getByRole('textbox', { name: r.t('lookup.firstName') }), 'Rose');
    await r.user.type(within(form).getByRole('textbox', { name: r.t('lookup.lastName') }), 'Tremblay');
    await r.user.type(within(form).getByRole('textbox', { name: r.t('lookup.dob') }), '1988-04-12{Enter}');

    expect(await screen.findAllByTestId('account-card')).toHaveLength(2);
    expect(r.pos.calls('customers.search')).toEqual([
      { flowId: 'flow_lookup_000001', firstName: 'Rose', lastName: 'Tremblay', dob: '1988-04-12' },
    ]);
    // One way to buy: on the account that may; its button names the card.
    const buy = screen.getByRole('button', { name: r.t('lookup.purchaseLabel', { card: '•••• 5941' }) });
    await r.user.click(buy);
    expect(onPurchase).toHaveBeenCalledWith({ flowId: 'flow_lookup_000001', referenceId: 'REF-L1' }, ROSE);

    await findByNumber(r, FULL_CARD);
    await waitFor(() => expect(r.pos.calls('customers.lookup')).toHaveLength(1));
    expect(r.pos.calls('flow.start')).toHaveLength(1);

    await r.user.click(screen.getByRole('button', { name: r.t('lookup.newCustomer') }));
    expect(screen.queryByTestId('account-card')).toBeNull();
    await findByNumber(r, FULL_CARD);
    await waitFor(() => expect(r.pos.calls('customers.lookup')[1]?.flowId).toBe('flow_lookup_000002'));
  });

  it('says plainly when nothing is found', async () => {
    const r = renderScreen(<LookupScreen />, { pos: customers([ROSE]) });
    await findByNumber(r, '99999999');
    expect((await screen.findByRole('alert')).textContent).toBe(r.t('error.code.not_found'));
    expect(r.pos.calls('customers.lookup')[0]).toMatchObject({ by: 'account', number: '99999999' });
  });

  it('reads in French', async () => {
    const r = renderScreen(<LookupScreen onPurchase={() => undefined} />, {
      locale: 'fr',
      pos: customers([FROZEN]),
    });
    await findByNumber(r, '4111111111110417');
    const card = await screen.findByTestId('account-card');
    expect(within(card).getByText(r.t('status.frozen')).textContent).toMatch(/gel/i);
    expect(r.pos.calls('flow.start')).toEqual([{ language: 'fr' }]);
  });
});
