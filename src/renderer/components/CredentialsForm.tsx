/**
 * The Flexiti client ID and secret, for Settings and for the first start. The secret is write-only:
 * it lives in this component only while typed, is emptied on every attempt, and is handed to `save`
 * from a ref, so react-query never holds it as a mutation variable. Fields that go with the
 * credentials (the first start's environment) are passed as children and checked by `othersValid`.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { appErrorOf, type PosError } from '../use-pos-mutation';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { Progress } from './Progress';

/** Printable ASCII without spaces, as Flexiti's Developer Portal issues them. */
const PRINTABLE = /^[\x21-\x7E]+$/;

export function CredentialsForm(props: {
  /** Saves the credentials (and whatever goes with them); throws a PosError when refused. */
  save: (clientId: string, clientSecret: string) => Promise<unknown>;
  /** Fields shown before the credentials, in the same form. */
  children?: ReactNode;
  /** The check of those fields; the client ID and secret are always checked. */
  othersValid?: () => boolean;
  invalidMessage: string;
  submitLabel: string;
  submitTestId: string;
  /** The submit button as the screen's main action. */
  primary?: boolean;
  /** Said once saved; leave out when the screen moves on instead. */
  savedMessage?: string;
  /** Buttons beside the submit button (the connection test). */
  actions?: ReactNode;
  formTestId?: string;
  /** Every attempt that reaches `save`, before it runs. */
  onAttempt?: () => void;
  onSaved?: () => void;
  onError?: (error: PosError) => void;
}) {
  const { t } = useI18n();
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [invalid, setInvalid] = useState(false);
  const pendingSecret = useRef('');
  const save = useMutation<unknown, PosError, string>({
    mutationFn: (id) => {
      const clientSecret = pendingSecret.current;
      pendingSecret.current = '';
      return props.save(id, clientSecret);
    },
    onSuccess: () => {
      setClientId('');
      props.onSaved?.();
    },
    onError: (error) => props.onError?.(error),
    onSettled: () => setSecret(''),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = clientId.trim();
    const ok = PRINTABLE.test(id) && PRINTABLE.test(secret) && (props.othersValid?.() ?? true);
    setInvalid(!ok);
    if (!ok) {
      setSecret('');
      return;
    }
    pendingSecret.current = secret;
    setSecret('');
    props.onAttempt?.();
    save.mutate(id);
  }

  const button = (
    <button
      type="submit"
      className={props.primary ? 'primary' : undefined}
      disabled={save.isPending}
      data-testid={props.submitTestId}
    >
      {props.submitLabel}
    </button>
  );
  return (
    <form onSubmit={submit} autoComplete="off" data-testid={props.formTestId}>
      {props.children}
      <Field
        label={t('credentials.clientId')}
        value={clientId}
        onChange={(event) => setClientId(event.target.value)}
        required
        maxLength={100}
        name="clientId"
        autoComplete="off"
      />
      <Field
        label={t('credentials.secret')}
        value={secret}
        onChange={(event) => setSecret(event.target.value)}
        required
        maxLength={200}
        type="password"
        name="clientSecret"
        autoComplete="new-password"
        data-testid="client-secret"
      />
      <p className="hint">{t('credentials.secretHint')}</p>
      {invalid ? (
        <p className="field-error" role="alert">
          {props.invalidMessage}
        </p>
      ) : null}
      {save.isPending ? <Progress label={t('credentials.saving')} /> : null}
      {save.isSuccess && props.savedMessage ? <p role="status">{props.savedMessage}</p> : null}
      <ErrorNotice error={appErrorOf(save.error)} />
      {props.actions ? (
        <div className="actions">
          {button}
          {props.actions}
        </div>
      ) : (
        button
      )}
    </form>
  );
}
