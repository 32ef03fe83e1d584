/**
 * Flexiti credentials: their state and client id, replacement, and the connection test. The secret
 * is write-only: it lives in this component only while typed and is emptied after every attempt.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, usePosMutation } from '../../use-pos-mutation';

const PRINTABLE = /^[\x21-\x7E]+$/;

export function CredentialsSection() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['credentials.status'],
    queryFn: () => unwrap(pos.credentials.status({})),
  });
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [invalid, setInvalid] = useState(false);
  const replace = usePosMutation(pos.credentials.replace, {
    onSuccess: (answer) => {
      queryClient.setQueryData(['credentials.status'], answer);
      setClientId('');
    },
    onSettled: () => setSecret(''),
  });
  const test = usePosMutation(pos.connection.test);

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = clientId.trim();
    if (!PRINTABLE.test(id) || !PRINTABLE.test(secret)) {
      setInvalid(true);
      setSecret('');
      return;
    }
    setInvalid(false);
    test.reset();
    replace.mutate({ clientId: id, clientSecret: secret });
  }

  return (
    <section className="panel" aria-labelledby="credentials-title" data-testid="credentials">
      <h2 id="credentials-title">{t('credentials.title')}</h2>
      {status.data ? (
        <>
          <p data-testid="credentials-state">{t(`credentials.state.${status.data.state}`)}</p>
          {status.data.clientId ? (
            <p>{t('credentials.currentClientId', { clientId: status.data.clientId })}</p>
          ) : null}
        </>
      ) : (
        <ErrorNotice error={appErrorOf(status.error)} />
      )}
      <form onSubmit={submit} autoComplete="off">
        <Field
          label={t('credentials.clientId')}
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          required
          maxLength={100}
          name="clientId"
          autoComplete="off"
        />
        <Field
          label={t('credentials.secret')}
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          required
          maxLength={200}
          type="password"
          name="clientSecret"
          autoComplete="new-password"
          data-testid="client-secret"
        />
        <p className="hint">{t('credentials.secretHint')}</p>
        {invalid ? (
          <p className="field-error" role="alert">
            {t('credentials.invalid')}
          </p>
        ) : null}
        {replace.isPending ? <Progress label={t('credentials.saving')} /> : null}
        {replace.isSuccess ? <p role="status">{t('credentials.saved')}</p> : null}
        <ErrorNotice error={appErrorOf(replace.error)} />
        <div className="actions">
          <button type="submit" disabled={replace.isPending} data-testid="replace-credentials">
            {t('credentials.save')}
          </button>
          <button
            type="button"
            disabled={test.isPending}
            onClick={() => test.mutate({})}
            data-testid="test-connection"
          >
            {t('credentials.test')}
          </button>
        </div>
      </form>
      {test.isPending ? <Progress label={t('credentials.testing')} /> : null}
      {test.data ? (
        <p role="status" data-testid="connection-ok">
          {t('credentials.testOk', { ms: String(test.data.latencyMs) })}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(test.error)} />
    </section>
  );
}
