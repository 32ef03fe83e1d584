/** A labelled input with a large touch target. */
import { useId, type InputHTMLAttributes } from 'react';

export function Field(props: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const { label, ...input } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}
