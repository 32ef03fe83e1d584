/**
 * Flexiti credentials: their state and client id, replacement (the shared credentials form, which
 * keeps the secret write-only), and the connection test.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CredentialsForm } from '../../components/CredentialsForm';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, usePosMutation } from '../../use-pos-mutation';

export function CredentialsSection() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['credentials.status'],
    queryFn: () => unwrap(pos.credentials.status({})),
  });
  const test = usePosMutation(pos.connection.test);

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
      <CredentialsForm
        save={async (clientId, clientSecret) => {
          const answer = await unwrap(pos.credentials.replace({ clientId, clientSecret }));
          queryClient.setQueryData(['credentials.status'], answer);
        }}
        invalidMessage={t('credentials.invalid')}
        submitLabel={t('credentials.save')}
        submitTestId="replace-credentials"
        savedMessage={t('credentials.saved')}
        onAttempt={() => test.reset()}
        actions={
          <button
            type="button"
            disabled={test.isPending}
            onClick={() => test.mutate({})}
            data-testid="test-connection"
          >
            {t('credentials.test')}
          </button>
        }
      />
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
