/**
 * A manager's approval of one cashier action, asked in a modal dialog: the manager types their
 * employee id and PIN on the cashier's terminal and the caller gets a one-time token for that action.
 * Focus stays inside the dialog; Escape cancels, except while the request is out.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApprovalAction } from '../../shared/ipc/channel';
import { approvalErrorKey } from '../approval-error';
import { useI18n } from '../i18n/i18n';
import { pos } from '../pos-api';
import { appErrorOf, usePosMutation } from '../use-pos-mutation';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { PinField } from './PinField';

export interface Approval {
  approval: string;
  approverId: string;
}

const FOCUSABLE = 'input:not([disabled]), button:not([disabled])';

export function ManagerApproval(props: {
  action: ApprovalAction;
  onApproved: (approval: Approval) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [managerId, setManagerId] = useState('');
  const [managerPin, setManagerPin] = useState('');
  const request = usePosMutation(pos.approval.request, {
    onSuccess: (answer) => {
      setManagerPin('');
      props.onApproved({ approval: answer.approval, approverId: answer.approverId });
    },
    // The PIN is never kept after an attempt.
    onError: () => setManagerPin(''),
  });

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>('input')?.focus();
    return () => before?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      // Handled here so the screen behind does not also go back a step.
      event.preventDefault();
      event.stopPropagation();
      if (!request.isPending) props.onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ action: props.action, managerId: managerId.trim(), managerPin });
  }

  const error = appErrorOf(request.error);
  const errorKey = error ? approvalErrorKey(error.code) : null;
  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        data-testid="manager-approval"
      >
        <h2 id={titleId}>{t('approval.title')}</h2>
        <p>{t(`approval.for.${props.action}`)}</p>
        <form onSubmit={submit}>
          <Field
            label={t('approval.managerId')}
            value={managerId}
            autoComplete="off"
            onChange={(e) => setManagerId(e.target.value)}
          />
          <PinField
            label={t('approval.managerPin')}
            value={managerPin}
            onChange={setManagerPin}
            required={false}
          />
          {errorKey === 'other' ? (
            <ErrorNotice error={error} />
          ) : errorKey ? (
            <div className="error-notice" role="alert" data-testid="approval-error">
              <p>{t(`approval.error.${errorKey}`)}</p>
            </div>
          ) : null}
          <div className="actions">
            <button
              type="submit"
              className="primary"
              disabled={request.isPending || managerId.trim() === '' || managerPin === ''}
              data-testid="approval-submit"
            >
              {request.isPending ? t('approval.checking') : t('approval.submit')}
            </button>
            <button type="button" onClick={props.onCancel} disabled={request.isPending}>
              {t('approval.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
