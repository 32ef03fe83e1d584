/**
 * One setting: a text box or a list, with its label. A field locked by the provisioning file is
 * shown read-only with the reason, so a manager knows where it is changed.
 */
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';

export interface SettingOption {
  value: string;
  label: string;
}

export function SettingControl(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  locked: boolean;
  name: string;
  options?: readonly SettingOption[];
  inputMode?: 'numeric' | 'url' | 'text';
  invalid?: string | null;
}) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const described = props.locked || props.invalid ? hintId : undefined;
  return (
    <div className="field" data-setting={props.name} data-locked={props.locked ? 'true' : undefined}>
      <label htmlFor={id}>{props.label}</label>
      {props.options ? (
        <select
          id={id}
          name={props.name}
          value={props.value}
          disabled={props.locked}
          aria-describedby={described}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={props.name}
          value={props.value}
          readOnly={props.locked}
          inputMode={props.inputMode}
          autoComplete="off"
          aria-invalid={props.invalid ? true : undefined}
          aria-describedby={described}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.locked ? (
        <p id={hintId} className="hint locked-reason">
          {t('settings.locked')}
        </p>
      ) : props.invalid ? (
        <p id={hintId} className="field-error">
          {props.invalid}
        </p>
      ) : null}
    </div>
  );
}
