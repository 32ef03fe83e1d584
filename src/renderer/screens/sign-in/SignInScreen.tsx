/** Employee ID and PIN. The PIN field is cleared after every attempt. */
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PinField } from '../../components/PinField';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function SignInScreen(props: { onDone: () => void }) {
  const { t } = useI18n();
  const [employeeId, setEmployeeId] = useState('');
  const [pin, setPin] = useState('');
  const signIn = usePosMutation(pos.session.signIn, { onSuccess: props.onDone, onSettled: () => setPin('') });

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ employeeId, pin });
  }

  return (
    <main className="screen narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={submit}>
        <Field
          label={t('field.employeeId')}
          value={employeeId}
          onChange={(e) => setEmployeeId(e.target.value)}
          required
          autoComplete="off"
          name="employeeId"
        />
        <PinField label={t('field.pin')} value={pin} onChange={setPin} name="pin" />
        <ErrorNotice error={appErrorOf(signIn.error)} />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
