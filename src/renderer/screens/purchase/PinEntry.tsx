/** SMS or e-mail: the customer reads the PIN from their phone; the cashier types it, or sends a new one. */
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/app-error';
import { Field } from '../../components/Field';
import { PaymentErrorNotice } from '../../components/PaymentErrorNotice';
import { Progress } from '../../components/Progress';
import { langTag, useCustomerI18n } from '../../i18n/customer-language';
import { useI18n } from '../../i18n/i18n';

export function PinEntry(props: {
  destination: string | undefined;
  busy: 'submit' | 'resend' | null;
  error: AppError | null;
  resent: boolean;
  onSubmit: (pin: string) => void;
  onResend: () => void;
}) {
  // The customer reads the PIN from their phone and says it: in their language; notices stay the cashier's.
  const { t, lang } = useCustomerI18n();
  const staff = useI18n();
  const [pin, setPin] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const clean = pin.replace(/\s/g, '');
    setInvalid(!/^\d{4,12}$/.test(clean));
    if (/^\d{4,12}$/.test(clean)) props.onSubmit(clean);
    setPin('');
  }

  return (
    <section className="pin-entry" aria-labelledby="pin-title" lang={lang}>
      <h2 id="pin-title">{t('verify.askPin')}</h2>
      {props.destination ? <p>{t('verify.sentTo', { destination: props.destination })}</p> : null}
      {props.resent ? <p role="status">{t('verify.resent')}</p> : null}
      <form onSubmit={submit} noValidate>
        <Field
          label={t('verify.pinLabel')}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
          type="password"
          inputMode="numeric"
          autoComplete="one-time-code"
          name="customerPin"
          aria-invalid={invalid}
        />
        {invalid ? (
          <p role="alert" className="error-notice">
            {t('verify.pinInvalid')}
          </p>
        ) : null}
        <div lang={langTag(staff.locale)}>
          <PaymentErrorNotice error={props.error} />
        </div>
        {props.busy ? (
          <Progress label={t(props.busy === 'submit' ? 'verify.saving' : 'verify.sending')} />
        ) : null}
        <div className="actions">
          <button type="button" onClick={props.onResend} disabled={props.busy !== null}>
            {t('verify.resend')}
          </button>
          <button type="submit" className="primary" disabled={props.busy !== null}>
            {t('verify.usePin')}
          </button>
        </div>
      </form>
    </section>
  );
}
