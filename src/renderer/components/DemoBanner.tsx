/**
 * The unmistakable sign that nothing here is real money: the demo sandbox, Flexiti's merchant
 * integration or training environments, or a custom address. Production shows no banner.
 */
import type { EnvironmentName } from '../../shared/ipc/channels/common';
import { useI18n, type Translate } from '../i18n/i18n';

function bannerText(environment: EnvironmentName, t: Translate): string | null {
  switch (environment) {
    case 'sandbox':
      return t('demo.banner');
    case 'mi':
      return t('banner.mi');
    case 'training':
      return t('banner.training');
    case 'custom':
      return t('banner.custom');
    case 'production':
      return null;
  }
}

export function DemoBanner(props: { environment: EnvironmentName }) {
  const { t } = useI18n();
  const text = bannerText(props.environment, t);
  if (text === null) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner" data-environment={props.environment}>
      {text}
    </div>
  );
}
