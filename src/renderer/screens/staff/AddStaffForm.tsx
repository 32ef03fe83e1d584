/** Adds a cashier or a manager. The PIN goes to main and is emptied from the form after every attempt. */
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../shared/ipc/channels/staff';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PinField } from '../../components/PinField';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function AddStaffForm(props: { onAdded: (staff: StaffView) => void }) {
  const { t } = useI18n();
  const [employeeId, setEmployeeId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'cashier' | 'manager'>('cashier');
  const [pin, setPin] = useState('');
  const [pinInvalid, setPinInvalid] = useState(false);
  const add = usePosMutation(pos.staff.add, {
    onSuccess: (answer) => {
      setEmployeeId('');
      setName('');
      props.onAdded(answer.staff);
    },
    onSettled: () => setPin(''),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{4,12}$/.test(pin)) {
      setPinInvalid(true);
      setPin('');
      return;
    }
    setPinInvalid(false);
    add.mutate({ employeeId: employeeId.trim(), name: name.trim(), role, pin });
  }

  return (
    <section className="panel" aria-labelledby="add-staff-title">
      <h2 id="add-staff-title">{t('staff.add')}</h2>
      <form onSubmit={submit} className="filters" data-testid="add-staff">
        <Field
          label={t('field.employeeId')}
          value={employeeId}
          onChange={(e) => setEmployeeId(e.target.value)}
          required
          maxLength={50}
          autoComplete="off"
          name="newEmployeeId"
        />
        <Field
          label={t('field.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={80}
          autoComplete="off"
          name="newName"
        />
        <div className="field">
          <label htmlFor="new-staff-role">{t('staff.role')}</label>
          <select
            id="new-staff-role"
            value={role}
            onChange={(e) => setRole(e.target.value === 'manager' ? 'manager' : 'cashier')}
          >
            <option value="cashier">{t('staff.roleName.cashier')}</option>
            <option value="manager">{t('staff.roleName.manager')}</option>
          </select>
        </div>
        <PinField label={t('field.pin')} value={pin} onChange={setPin} name="newPin" fresh />
        <button type="submit" disabled={add.isPending} data-testid="add-staff-submit">
          {t('staff.addSubmit')}
        </button>
      </form>
      {pinInvalid ? (
        <p className="field-error" role="alert">
          {t('staff.pinInvalid')}
        </p>
      ) : null}
      {add.data ? <p role="status">{t('staff.added', { name: add.data.staff.name })}</p> : null}
      <ErrorNotice error={appErrorOf(add.error)} />
    </section>
  );
}
