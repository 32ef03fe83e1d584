/** The receipt in one language; the labels come from that language whatever the screen shows. */
import type { Receipt } from '../../../shared/ipc/channels/purchase';
import { formatCents, translator, type Locale } from '../../i18n/i18n';
import { formatRate } from './format-rate';

function formatDateTime(iso: string | undefined, locale: Locale): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function ReceiptSection(props: { receipt: Receipt; language: Locale; demo: boolean }) {
  const { receipt, language } = props;
  const t = translator(language);
  const auth = receipt.authorization;
  const texts = receipt.texts.find((x) => x.language === language);
  const financing = auth.financing;
  const planLabel = texts?.planLabel ?? financing.planName;
  const row = (label: string, value: string | undefined) =>
    value === undefined ? null : (
      <div className="receipt-row">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    );

  return (
    <section className="receipt-section" lang={language === 'fr' ? 'fr-CA' : 'en-CA'}>
      <h2>{t('receipt.heading')}</h2>
      {props.demo ? <p className="receipt-demo">{t('receipt.demo')}</p> : null}
      <dl>
        {row(t('receipt.date'), formatDateTime(auth.date ?? receipt.printedAt, language))}
        {row(t('receipt.store'), `${receipt.locationId} (${receipt.storeProvince})`)}
        {row(t('receipt.register'), receipt.registerId)}
        {row(t('receipt.employee'), receipt.employeeId)}
        {row(t('receipt.customer'), receipt.customerName)}
        {row(t('receipt.card'), auth.cardMasked)}
        {row(t('receipt.transaction'), texts?.transactionLabel)}
        {row(t('receipt.plan'), planLabel)}
        {row(
          t('receipt.term'),
          financing.term !== undefined ? t('plans.months', { count: String(financing.term) }) : undefined,
        )}
        {row(
          t('plans.monthly'),
          financing.monthlyPaymentCents !== undefined
            ? formatCents(financing.monthlyPaymentCents, language)
            : undefined,
        )}
        {row(
          t('plans.annualRate'),
          financing.annualRate ? formatRate(financing.annualRate.rate, language) : undefined,
        )}
        {row(t('result.authorizedAmount'), formatCents(auth.authorizedCents, language))}
        {row(t('result.capturedAmount'), formatCents(auth.capturedCents, language))}
        {auth.remainingCents > 0
          ? row(t('result.remaining'), formatCents(auth.remainingCents, language))
          : null}
        {row(t('result.authorizationId'), auth.authorizationId)}
        {row(t('receipt.orderReference'), auth.orderReference)}
        {row(t('receipt.reference'), receipt.referenceId)}
      </dl>
      {financing.fees.map((fee, index) =>
        fee.message ? (
          <p key={index} className="fee-message">
            {fee.message}
          </p>
        ) : null,
      )}
      {financing.annualRate?.message ? <p className="fee-message">{financing.annualRate.message}</p> : null}
      {texts?.quebecDisclosure ? <p className="disclosure">{texts.quebecDisclosure}</p> : null}
    </section>
  );
}
