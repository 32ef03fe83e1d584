/**
 * Shown on every screen once the saved Flexiti environment differs from the running one: money and
 * customer calls are refused until a restart, so the screen says so plainly and, for a manager where
 * the host can do it, offers the restart itself.
 */
import type { EnvironmentName } from '../../shared/ipc/channels/common';
import { useI18n } from '../i18n/i18n';
import { pos } from '../pos-api';
import { appErrorOf, usePosMutation } from '../use-pos-mutation';
import { ErrorNotice } from './ErrorNotice';

export function RestartBanner(props: {
  pendingEnvironment: EnvironmentName;
  canRestart: boolean;
  isManager: boolean;
}) {
  const { t } = useI18n();
  const restart = usePosMutation(pos.app.restart);
  const environment = t(`settings.env.${props.pendingEnvironment}`);

  let nextStep;
  if (!props.canRestart) nextStep = <p>{t('restart.manual')}</p>;
  else if (!props.isManager) nextStep = <p>{t('restart.askManager')}</p>;
  else if (restart.isSuccess) nextStep = <p role="status">{t('restart.restarting')}</p>;
  else {
    nextStep = (
      <button
        type="button"
        className="primary"
        disabled={restart.isPending}
        onClick={() => restart.mutate({})}
        data-testid="restart-app"
      >
        {t('restart.button')}
      </button>
    );
  }

  return (
    <div
      className="restart-banner"
      role="alert"
      data-testid="restart-banner"
      data-environment={props.pendingEnvironment}
    >
      <p className="restart-banner-title">{t('restart.banner', { environment })}</p>
      <p>{t('restart.paused')}</p>
      {nextStep}
      <ErrorNotice error={appErrorOf(restart.error)} />
    </div>
  );
}
