/** Terminal settings and Flexiti credentials, for a manager. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { CredentialsSection } from './CredentialsSection';
import { SettingsForm } from './SettingsForm';

export function SettingsScreen() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saves, setSaves] = useState(0);
  const settings = useQuery({ queryKey: ['settings.get'], queryFn: () => unwrap(pos.settings.get({})) });

  return (
    <main className="screen" data-screen="settings">
      <ScreenHeading testId="settings-heading">{t('settings.title')}</ScreenHeading>
      {settings.data ? (
        <SettingsForm
          // A fresh form from what main saved: its rules may have normalised the values.
          key={saves}
          initial={settings.data}
          justSaved={saves > 0}
          onSaved={(answer) => {
            queryClient.setQueryData(['settings.get'], answer);
            void queryClient.invalidateQueries({ queryKey: ['app.status'] });
            void queryClient.invalidateQueries({ queryKey: ['credentials.status'] });
            setSaves((count) => count + 1);
          }}
        />
      ) : settings.isError ? (
        <ErrorNotice error={appErrorOf(settings.error)} />
      ) : (
        <p>{t('common.loading')}</p>
      )}
      <CredentialsSection />
    </main>
  );
}
