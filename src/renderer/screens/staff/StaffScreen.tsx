/** Staff administration: who may use this terminal, in which role. */
import { TableScroll } from '../../components/TableScroll';
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { AddStaffForm } from './AddStaffForm';
import { StaffRow } from './StaffRow';

export function StaffScreen() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['staff.list'], queryFn: () => unwrap(pos.staff.list({})) });
  const refresh = () => void list.refetch();

  return (
    <main className="screen wide" data-screen="staff">
      <ScreenHeading testId="staff-heading">{t('staff.title')}</ScreenHeading>
      <ErrorNotice error={appErrorOf(list.error)} />
      {list.data ? (
        <TableScroll label={t('staff.title')}>
          <table data-testid="staff-table">
            <thead>
              <tr>
                <th scope="col">{t('field.employeeId')}</th>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.staff.map((person) => (
                <StaffRow key={person.employeeId} person={person} onChanged={refresh} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : list.isPending ? (
        <p>{t('common.loading')}</p>
      ) : null}
      <AddStaffForm onAdded={refresh} />
    </main>
  );
}
