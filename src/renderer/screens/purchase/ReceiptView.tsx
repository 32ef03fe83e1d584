/**
 * The receipt from purchase.receipt, in the languages and order the data gives (French first for
 * Quebec). Printing uses the browser's print with print-only styles; only the masked card is shown.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { ReceiptSection } from './ReceiptSection';

export function ReceiptView(props: {
  authorizationId: string;
  demo: boolean;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const receipt = useQuery({
    queryKey: ['purchase.receipt', props.authorizationId],
    queryFn: () => unwrap(pos.purchase.receipt({ authorizationId: props.authorizationId })),
  });

  return (
    <main className="screen narrow" data-screen="receipt">
      <div className="screen-head no-print">
        <ScreenHeading>{t('receipt.title')}</ScreenHeading>
        <button type="button" onClick={props.onBack}>
          {t('purchase.back')}
        </button>
      </div>
      {receipt.isPending ? <Progress label={t('receipt.loading')} /> : null}
      <ErrorNotice error={appErrorOf(receipt.error)} />
      {receipt.data ? (
        <article className="receipt" data-testid="receipt" aria-label={t('receipt.title')}>
          {receipt.data.receipt.languages.map((language) => (
            <ReceiptSection
              key={language}
              receipt={receipt.data.receipt}
              language={language}
              demo={props.demo}
            />
          ))}
        </article>
      ) : null}
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!receipt.data}>
          {t('receipt.print')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('result.done')}
        </button>
      </div>
    </main>
  );
}
