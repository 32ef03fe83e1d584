/**
 * One person: role, status, and the manager's actions (disable or enable, change role, reset PIN).
 * Main refuses to disable or demote the last active manager; the refusal is shown in the row.
 */
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../shared/ipc/channels/staff';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PinField } from '../../components/PinField';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function StaffRow(props: { person: StaffView; onChanged: () => void }) {
  const { t } = useI18n();
  const person = props.person;
  const id = person.employeeId;
  const [resetting, setResetting] = useState(false);
  const [pin, setPin] = useState('');
  const [pinInvalid, setPinInvalid] = useState(false);
  const disable = usePosMutation(pos.staff.disable, { onSuccess: props.onChanged });
  const changeRole = usePosMutation(pos.staff.changeRole, { onSuccess: props.onChanged });
  const resetPin = usePosMutation(pos.staff.resetPin, {
    onSuccess: () => setResetting(false),
    onSettled: () => setPin(''),
  });
  const busy = disable.isPending || changeRole.isPending || resetPin.isPending;

  function savePin(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{4,12}$/.test(pin)) {
      setPinInvalid(true);
      setPin('');
      return;
    }
    setPinInvalid(false);
    resetPin.mutate({ employeeId: id, pin });
  }

  return (
    <tr data-testid="staff-row" data-employee={id} data-disabled={String(person.disabled)}>
      <td>{id}</td>
      <td>{person.name}</td>
      <td>{t(`staff.roleName.${person.role}`)}</td>
      <td>{t(person.disabled ? 'staff.disabled' : 'staff.active')}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => disable.mutate({ employeeId: id, disabled: !person.disabled })}
            data-testid="staff-toggle"
          >
            {t(person.disabled ? 'staff.enable' : 'staff.disable', { id })}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              changeRole.mutate({ employeeId: id, role: person.role === 'manager' ? 'cashier' : 'manager' })
            }
          >
            {t(person.role === 'manager' ? 'staff.makeCashier' : 'staff.makeManager', { id })}
          </button>
          {!resetting ? (
            <button type="button" disabled={busy} onClick={() => setResetting(true)}>
              {t('staff.resetPin', { id })}
            </button>
          ) : null}
        </div>
        {resetting ? (
          <form onSubmit={savePin} className="inline-form">
            <PinField label={t('staff.newPin', { id })} value={pin} onChange={setPin} fresh />
            <div className="row-actions">
              <button type="submit" disabled={busy}>
                {t('staff.savePin')}
              </button>
              <button type="button" onClick={() => setResetting(false)}>
                {t('staff.cancel')}
              </button>
            </div>
          </form>
        ) : null}
        {pinInvalid ? (
          <p className="field-error" role="alert">
            {t('staff.pinInvalid')}
          </p>
        ) : null}
        {resetPin.isSuccess ? <p role="status">{t('staff.pinSaved', { id })}</p> : null}
        <ErrorNotice error={appErrorOf(disable.error ?? changeRole.error ?? resetPin.error)} />
      </td>
    </tr>
  );
}
