/**
 * The money operations whose outcome is unknown, and the one action a manager has: check them with
 * Flexiti. Entries that the check settles stay in the list, marked settled, so the manager sees
 * what became of each.
 */
import { TableScroll } from '../../components/TableScroll';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InDoubtEntry } from '../../../shared/ipc/channels/journal';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { formatMoment } from '../../format-moment';
import { formatCents, hasMessage, useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, usePosMutation } from '../../use-pos-mutation';

/** `headingHidden`: the screen's own heading already says "Unfinished payments"; the panel's stays for screen readers. */
export function InDoubtList(props: { onChecked?: () => void; headingHidden?: boolean }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [settled, setSettled] = useState<InDoubtEntry[]>([]);
  const list = useQuery({ queryKey: ['journal.inDoubt'], queryFn: () => unwrap(pos.journal.inDoubt({})) });
  const reconcile = usePosMutation(pos.journal.reconcile, {
    onSuccess: async () => {
      const before = list.data?.entries ?? [];
      const after = await queryClient.fetchQuery({
        queryKey: ['journal.inDoubt'],
        queryFn: () => unwrap(pos.journal.inDoubt({})),
      });
      const open = new Set(after.entries.map((entry) => entry.id));
      setSettled((earlier) => [...earlier, ...before.filter((entry) => !open.has(entry.id))]);
      void queryClient.invalidateQueries({ queryKey: ['app.status'] });
      props.onChecked?.();
    },
  });

  // The journal's operation code in words; an unknown code is shown as is rather than hidden.
  const opName = (op: string): string => {
    const key = `inDoubt.op.${op}`;
    return hasMessage(key) ? t(key) : op;
  };

  const open = list.data?.entries ?? [];
  const rows: { entry: InDoubtEntry; done: boolean }[] = [
    ...open.map((entry) => ({ entry, done: false })),
    ...settled.map((entry) => ({ entry, done: true })),
  ];

  return (
    <section className="panel" aria-labelledby="in-doubt-title" data-testid="in-doubt">
      <h2 id="in-doubt-title" className={props.headingHidden ? 'visually-hidden' : undefined}>
        {t('inDoubt.title')}
      </h2>
      {list.isError ? <ErrorNotice error={appErrorOf(list.error)} /> : null}
      {list.data && open.length === 0 && settled.length === 0 ? (
        <p data-testid="in-doubt-empty">{t('inDoubt.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <p>{t('inDoubt.intro')}</p>
          <TableScroll label={t('inDoubt.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('inDoubt.what')}</th>
                  <th scope="col">{t('inDoubt.when')}</th>
                  <th scope="col" className="money">
                    {t('inDoubt.amount')}
                  </th>
                  <th scope="col">{t('inDoubt.account')}</th>
                  <th scope="col">{t('inDoubt.reference')}</th>
                  <th scope="col">{t('inDoubt.attempts')}</th>
                  <th scope="col">{t('inDoubt.state')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ entry, done }) => (
                  <tr key={entry.id} data-testid="in-doubt-entry" data-state={done ? 'settled' : entry.state}>
                    <td>{opName(entry.op)}</td>
                    <td className="when">{formatMoment(entry.createdAt, locale)}</td>
                    <td className="money">
                      {entry.amountCents === undefined ? '—' : formatCents(entry.amountCents, locale)}
                    </td>
                    <td className="nowrap">{entry.accountLast4 ? `•••• ${entry.accountLast4}` : '—'}</td>
                    <td className="reference">{entry.reference ?? '—'}</td>
                    <td>{entry.attempts}</td>
                    <td>{t(done ? 'inDoubt.state.settled' : `inDoubt.state.${entry.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
      {reconcile.isPending ? <Progress label={t('inDoubt.checking')} /> : null}
      {reconcile.data ? (
        <p role="status" data-testid="in-doubt-checked">
          {t('inDoubt.checked', {
            settled: String(reconcile.data.settled),
            still: String(reconcile.data.stillInDoubt),
          })}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(reconcile.error)} />
      <button
        type="button"
        className="no-print"
        disabled={reconcile.isPending}
        onClick={() => reconcile.mutate({})}
        data-testid="reconcile"
      >
        {t('inDoubt.check')}
      </button>
    </section>
  );
}
