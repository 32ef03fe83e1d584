/** The authorization's outcome; when only authorized, the capture at pickup. */
import type { AuthorizationView } from '../../../shared/ipc/channels/purchase';
import { PaymentErrorNotice } from '../../components/PaymentErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatCents, useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function ResultStep(props: {
  authorization: AuthorizationView;
  onUpdated: (authorization: AuthorizationView) => void;
  onReceipt: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const auth = props.authorization;
  const capture = usePosMutation(pos.purchase.capture, {
    onSuccess: (result) => props.onUpdated(result.authorization),
  });
  const waitingForCapture = auth.status === 'opened' && auth.remainingCents > 0;

  return (
    <main className="screen narrow" data-screen="result">
      <ScreenHeading testId="result-heading">
        {waitingForCapture ? t('result.authorized') : t('result.approved')}
      </ScreenHeading>
      <dl className="summary">
        <dt>{t('confirm.card')}</dt>
        <dd>{auth.cardMasked}</dd>
        <dt>{t('result.authorizedAmount')}</dt>
        <dd>{formatCents(auth.authorizedCents, locale)}</dd>
        <dt>{t('result.capturedAmount')}</dt>
        <dd data-testid="captured">{formatCents(auth.capturedCents, locale)}</dd>
        {auth.remainingCents > 0 ? (
          <>
            <dt>{t('result.remaining')}</dt>
            <dd>{formatCents(auth.remainingCents, locale)}</dd>
          </>
        ) : null}
        <dt>{t('result.authorizationId')}</dt>
        <dd>{auth.authorizationId}</dd>
      </dl>
      {waitingForCapture ? (
        <>
          <p>{t('result.captureHint')}</p>
          {capture.isPending ? <Progress label={t('result.capturing')} /> : null}
          <PaymentErrorNotice error={appErrorOf(capture.error)} />
          <button
            type="button"
            className="primary"
            disabled={capture.isPending}
            onClick={() =>
              capture.mutate({ authorizationId: auth.authorizationId, amountCents: auth.remainingCents })
            }
            data-testid="capture"
          >
            {t('result.capture', { amount: formatCents(auth.remainingCents, locale) })}
          </button>
        </>
      ) : null}
      <div className="actions">
        <button type="button" onClick={props.onReceipt} disabled={capture.isPending}>
          {t('result.showReceipt')}
        </button>
        <button type="button" onClick={props.onDone} disabled={capture.isPending}>
          {t('result.done')}
        </button>
      </div>
    </main>
  );
}
