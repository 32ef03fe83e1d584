/**
 * Flexiti is reviewing the application: asks again every 5 seconds for up to 5 minutes, with a
 * visible progress bar and a cancel. The support reference is on screen the whole time.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApplicationDecisionView } from '../../../shared/ipc/channels/application';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';

export const POLL_INTERVAL_MS = 5_000;
export const POLL_TIMEOUT_MS = 5 * 60_000;

export function PendingDecision(props: {
  flowId: string;
  supportReference: string;
  onDecision: (decision: ApplicationDecisionView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [started] = useState(() => Date.now());
  const [elapsed, setElapsed] = useState(0);
  const timedOut = elapsed >= POLL_TIMEOUT_MS;
  const status = useQuery({
    queryKey: ['application.status', props.flowId],
    queryFn: () => unwrap(pos.application.status({ flowId: props.flowId })),
    refetchInterval: timedOut ? false : POLL_INTERVAL_MS,
    refetchIntervalInBackground: true,
    enabled: !timedOut,
    gcTime: 0,
  });

  useEffect(() => {
    if (timedOut) return undefined;
    const timer = setInterval(() => setElapsed(Date.now() - started), 1_000);
    return () => clearInterval(timer);
  }, [started, timedOut]);

  const decided = status.data && status.data.decision !== 'pending' ? status.data : null;
  const { onDecision } = props;
  useEffect(() => {
    if (decided) onDecision(decided);
  }, [decided, onDecision]);

  const seconds = Math.min(POLL_TIMEOUT_MS, elapsed) / 1000;
  return (
    <section data-testid="decision-pending" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('application.pending.title')}</h2>
      <p>{t('application.pending.body')}</p>
      <p className="support-ref" data-testid="support-reference">
        {t('error.supportReference', { reference: props.supportReference })}
      </p>
      {timedOut ? (
        <p className="notice" role="status" data-testid="pending-timeout">
          {t('application.pending.timeout')}
        </p>
      ) : (
        <>
          <Progress label={t('application.pending.checking')} />
          <progress
            max={POLL_TIMEOUT_MS / 1000}
            value={seconds}
            aria-label={t('application.pending.progress', {
              minutes: String(Math.floor(seconds / 60)),
              seconds: String(Math.floor(seconds % 60)).padStart(2, '0'),
            })}
          />
        </>
      )}
      <ErrorNotice error={appErrorOf(status.error)} />
      <div className="actions">
        <button type="button" onClick={props.onCancel} data-testid="cancel-pending">
          {t('application.pending.cancel')}
        </button>
      </div>
    </section>
  );
}
