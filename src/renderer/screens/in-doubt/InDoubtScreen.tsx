/** The unfinished-payments screen: the journal's in-doubt list on its own. */
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { InDoubtList } from './InDoubtList';

export function InDoubtScreen() {
  const { t } = useI18n();
  return (
    <main className="screen" data-screen="in-doubt">
      <ScreenHeading testId="in-doubt-heading">{t('nav.inDoubt')}</ScreenHeading>
      <InDoubtList headingHidden />
    </main>
  );
}
