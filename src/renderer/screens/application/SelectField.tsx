/** A labelled choice from Flexiti's list, with an empty "Choose…" first when nothing is chosen yet. */
import { useId } from 'react';
import type { FormOption } from '../../../shared/ipc/channels/application';

export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  options: readonly FormOption[];
  placeholder: string;
  onChange: (value: string) => void;
  problem?: string | undefined;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        required={props.required}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? `${id}-problem` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </select>
      {props.problem ? (
        <p className="field-problem" id={`${id}-problem`}>
          {props.problem}
        </p>
      ) : null}
    </div>
  );
}
