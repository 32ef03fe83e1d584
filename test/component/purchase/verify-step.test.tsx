/**
 * Verifying the customer before a purchase: only the methods Flexiti allows are offered, a PIN is
 * typed and can be sent again, and a method Flexiti locked after too many tries cannot be used.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../src/shared/ipc/channel';
import type { VerifyMethod, VerifyMethodView } from '../../../src/shared/ipc/channels/verification';
import { VerifyStep } from '../../../src/renderer/screens/purchase/VerifyStep';
import { newFlow } from '../support/application-data';
import { createFakePos, refuse, type FakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

const SMS: VerifyMethodView = { method: 'sms', needsManager: false, destinationMasked: '******0102' };
const QUESTION: VerifyMethodView = {
  method: 'security_question',
  needsManager: false,
  questionText: 'Name of your first pet?',
};
const OVERRIDE: VerifyMethodView = { method: 'merchant_override', needsManager: true };
const ACCOUNT_REF = 'acct_rose_0000000001';

/** The purchase journey's part: it remembers the methods Flexiti locked. */
function Harness(props: {
  flow: { flowId: string; referenceId: string };
  role: Role;
  onVerified: (m: VerifyMethod) => void;
}) {
  const [locked, setLocked] = useState<ReadonlySet<VerifyMethod>>(new Set());
  return (
    <VerifyStep
      customer={{
        ...props.flow,
        account: { accountRef: ACCOUNT_REF, cardMasked: '•••• 5941', status: 'normal', canPurchase: true },
      }}
      amountCents={129_999}
      kind="promotional"
      role={props.role}
      notice={null}
      locked={locked}
      onLocked={(method) => setLocked((current) => new Set([...current, method]))}
      onVerified={props.onVerified}
      onBack={() => undefined}
    />
  );
}

function renderVerify(pos: FakePos, options: { role?: Role; locale?: 'en' | 'fr' } = {}) {
  const onVerified = vi.fn();
  const flow = newFlow();
  const r = renderScreen(<Harness flow={flow} role={options.role ?? 'cashier'} onVerified={onVerified} />, {
    pos: pos.on('flow.setCustomerLanguage', ({ language }) => ({ language })),
    locale: options.locale ?? 'en',
  });
  return { ...r, onVerified, flow };
}

const methodButtons = () => screen.queryAllByTestId(/^verify-/).map((b) => b.getAttribute('data-testid'));

describe('Verify step', () => {
  it('offers only the methods Flexiti allows, and asks them for this purchase', async () => {
    const pos = createFakePos().on('verify.methods', { methods: [SMS, QUESTION] });
    const r = renderVerify(pos);
    await screen.findByTestId('verify-sms');

    expect(methodButtons()).toEqual(['verify-sms', 'verify-security_question']);
    expect(screen.getByTestId('verify-sms').textContent).toBe(
      r.t('verify.method.sms', { destination: '******0102' }),
    );
    expect(pos.calls('verify.methods')).toEqual([
      {
        flowId: r.flow.flowId,
        accountRef: ACCOUNT_REF,
        purchase: { amountCents: 129_999, kind: 'promotional' },
      },
    ]);
  });

  it('sends a PIN by SMS, takes the PIN the customer reads, and can send a new one', async () => {
    const pos = createFakePos()
      .on('verify.methods', { methods: [SMS] })
      .on('verify.start', ({ method }) => ({ method, state: 'awaiting_pin' }))
      .on('verify.resend', { method: 'sms', state: 'awaiting_pin' })
      .on('verify.submitPin', { state: 'ready' });
    const r = renderVerify(pos);
    await r.user.click(await screen.findByTestId('verify-sms'));

    const pin = (await screen.findByLabelText(r.t('verify.pinLabel'))) as HTMLInputElement;
    expect(screen.getByText(r.t('verify.sentTo', { destination: '******0102' }))).toBeTruthy();
    await r.user.click(screen.getByRole('button', { name: r.t('verify.resend') }));
    expect((await screen.findByText(r.t('verify.resent'))).getAttribute('role')).toBe('status');
    expect(pos.calls('verify.resend')).toEqual([{ flowId: r.flow.flowId, accountRef: ACCOUNT_REF }]);

    await r.user.type(pin, '12{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(r.t('verify.pinInvalid'));
    expect(pos.calls('verify.submitPin')).toEqual([]);

    await r.user.type(pin, '48 27 16{Enter}');
    await waitFor(() => expect(r.onVerified).toHaveBeenCalledWith('sms'));
    expect(pos.calls('verify.submitPin')).toEqual([
      { flowId: r.flow.flowId, accountRef: ACCOUNT_REF, pin: '482716' },
    ]);
    expect(pin.value).toBe('');
  });

  it('locks the security question after too many wrong answers, and leaves the other methods', async () => {
    const pos = createFakePos()
      .on('verify.methods', { methods: [SMS, QUESTION] })
      .on('verify.start', ({ method, answer }) =>
        method === 'security_question' && answer !== 'Biscuit'
          ? refuse('needs_action', 'tries_exceed')
          : { method, state: 'ready' },
      );
    const r = renderVerify(pos);
    await r.user.click(await screen.findByTestId('verify-security_question'));
    expect(screen.getByText('Name of your first pet?')).toBeTruthy();
    await r.user.type(screen.getByRole('textbox', { name: r.t('verify.answerLabel') }), 'Rex{Enter}');

    const tooMany = await screen.findByTestId('too-many-tries');
    expect(tooMany.getAttribute('role')).toBe('alert');
    expect(tooMany.textContent).toBe(r.t('verify.tooManyTries'));
    const question = screen.getByTestId('verify-security_question') as HTMLButtonElement;
    expect(question.disabled).toBe(true);
    expect(within(question.parentElement!).getByText(r.t('verify.lockedShort'))).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: r.t('verify.answerLabel') })).toBeNull();
    expect((screen.getByTestId('verify-sms') as HTMLButtonElement).disabled).toBe(false);
    expect(r.onVerified).not.toHaveBeenCalled();
    await expectNoSeriousAxeViolations('verify, method locked');
  });

  it('lets a cashier ask for a manager’s approval for the override; a manager uses it at once', async () => {
    const pos = createFakePos()
      .on('verify.methods', { methods: [OVERRIDE] })
      .on('verify.start', ({ method }) => ({ method, state: 'ready' }));
    const cashier = renderVerify(pos);
    await cashier.user.click(await screen.findByTestId('verify-merchant_override'));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(pos.calls('verify.start')).toEqual([]);
    cashier.unmount();

    const manager = renderVerify(pos, { role: 'manager' });
    await manager.user.click(await screen.findByTestId('verify-merchant_override'));
    await waitFor(() => expect(manager.onVerified).toHaveBeenCalledWith('merchant_override'));
  });

  it('reads in French', async () => {
    const pos = createFakePos()
      .on('verify.methods', { methods: [SMS] })
      .on('verify.start', ({ method }) => ({ method, state: 'awaiting_pin' }));
    const r = renderVerify(pos, { locale: 'fr' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(r.t('verify.title'));
    await r.user.click(await screen.findByTestId('verify-sms'));
    const pin = await screen.findByLabelText(r.t('verify.pinLabel'));
    await r.user.type(pin, '1{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(r.t('verify.pinInvalid'));
    expect(r.t('verify.pinInvalid')).toContain('NIP');
  });
});
