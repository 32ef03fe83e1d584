/** First start, step 1: no staff yet, so the first manager is created here and signed in. */
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PinField } from '../../components/PinField';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function ManagerStep(props: { onCreated: () => void }) {
  const { t } = useI18n();
  const [employeeId, setEmployeeId] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const create = usePosMutation(pos.setup.createFirstManager, { onSuccess: props.onCreated });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(pin !== pinAgain);
    if (pin === pinAgain) create.mutate({ employeeId, name, pin });
  }

  return (
    <main className="screen narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit}>
        <Field
          label={t('field.employeeId')}
          value={employeeId}
          onChange={(e) => setEmployeeId(e.target.value)}
          required
          autoComplete="off"
          name="employeeId"
        />
        <Field
          label={t('field.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          autoComplete="off"
          name="name"
        />
        <PinField label={t('field.pin')} value={pin} onChange={setPin} name="pin" fresh />
        <PinField
          label={t('field.pinConfirm')}
          value={pinAgain}
          onChange={setPinAgain}
          name="pinAgain"
          fresh
        />
        {mismatch ? (
          <p role="alert" className="error-notice">
            {t('setup.pinMismatch')}
          </p>
        ) : null}
        <ErrorNotice error={appErrorOf(create.error)} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
