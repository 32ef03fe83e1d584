/** One sale as recorded by this terminal: the authorization, its captures, releases, returns, refunds and what remains. */
import { useState } from 'react';
import type { SaleView } from '../../../shared/ipc/channels/reports';
import { formatMoment } from '../../format-moment';
import { formatCents, useI18n } from '../../i18n/i18n';
import { LineItemsSummary } from '../purchase/LineItemsSummary';
import { SaleActions } from './SaleActions';

export function SaleCard(props: { sale: SaleView }) {
  const { t, locale } = useI18n();
  const sale = props.sale;
  const [open, setOpen] = useState(false);
  const money = (cents: number) => formatCents(cents, locale);
  const headingId = `sale-${sale.authorizationId}`;
  return (
    <article
      className="sale-card"
      aria-labelledby={headingId}
      data-testid="sale"
      data-authorization={sale.authorizationId}
    >
      <h2 id={headingId}>{t('sales.sale', { amount: money(sale.amountCents) })}</h2>
      <dl>
        <dt>{t('sales.at')}</dt>
        <dd>{formatMoment(sale.at, locale)}</dd>
        <dt>{t('sales.card')}</dt>
        <dd>{sale.accountLast4 ? `•••• ${sale.accountLast4}` : '—'}</dd>
        <dt>{t('sales.orderReference')}</dt>
        <dd data-testid="sale-reference">{sale.reference ?? '—'}</dd>
        <dt>{t('sales.employee')}</dt>
        <dd>
          {sale.employeeId}
          {sale.approverId ? ` / ${sale.approverId}` : ''}
        </dd>
        <dt>{t('common.register')}</dt>
        <dd>{sale.registerId ?? '—'}</dd>
        <dt>{t('sales.authorizationId')}</dt>
        <dd>{sale.authorizationId}</dd>
        <dt>{t('sales.plan')}</dt>
        <dd>
          {sale.transactionType === 'regular_purchase'
            ? t('eod.planRegular')
            : `${sale.planName ?? sale.planId ?? '—'}${sale.term ? ` · ${t('plans.months', { count: String(sale.term) })}` : ''}`}
        </dd>
        <dt>{t('sales.state')}</dt>
        <dd>{t(`sales.state.${sale.state}`)}</dd>
        <dt>{t('sales.captured')}</dt>
        <dd data-testid="sale-captured">{money(sale.capturedCents)}</dd>
        <dt>{t('sales.remainingToCapture')}</dt>
        <dd>{money(sale.remainingToCaptureCents)}</dd>
        <dt>{t('sales.released')}</dt>
        <dd>{money(sale.releasedCents)}</dd>
        <dt>{t('sales.returned')}</dt>
        <dd>{money(sale.returnedCents)}</dd>
        <dt>{t('sales.refunded')}</dt>
        <dd>{money(sale.refundedCents)}</dd>
      </dl>
      <LineItemsSummary items={sale.lineItems} />
      {sale.captures.length > 0 ? (
        <>
          <h3>{t('sales.captures')}</h3>
          <ul className="operations">
            {sale.captures.map((capture) => (
              <li key={capture.captureId}>
                {t('sales.capture', {
                  id: capture.captureId,
                  amount: money(capture.amountCents),
                  at: formatMoment(capture.at, locale),
                })}
                <br />
                {t('sales.captureRemaining', { amount: money(capture.returnableCents) })}
                <br />
                {capture.returnWindowOpen
                  ? t('sales.returnWindow', {
                      days: String(capture.daysLeftToReturn),
                      deadline: formatMoment(capture.returnDeadline, locale),
                    })
                  : t('sales.returnWindowClosed')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sale.releases.length > 0 ? (
        <>
          <h3>{t('sales.releases')}</h3>
          <ul className="operations">
            {sale.releases.map((release) => (
              <li key={`${release.at}-${release.amountCents}`}>
                {t('sales.release', {
                  amount: money(release.amountCents),
                  at: formatMoment(release.at, locale),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="hint-line">{t(`sales.afterSale.${sale.afterSale}`)}</p>
      <button
        type="button"
        className="no-print"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        data-testid="sale-manage"
      >
        {open ? t('sale.close') : t('sale.manage')}
      </button>
      {open ? <SaleActions authorizationId={sale.authorizationId} /> : null}
    </article>
  );
}
