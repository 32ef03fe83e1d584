/** A labelled input of the application form, with its problem (if any) said under it and linked to it. */
import { useId, type InputHTMLAttributes } from 'react';

export function FormField(
  props: {
    label: string;
    problem?: string | undefined;
    hint?: string;
  } & InputHTMLAttributes<HTMLInputElement>,
) {
  const id = useId();
  const { label, problem, hint, ...input } = props;
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
