/**
 * A staff PIN: masked, the numeric keypad on a touch screen, and never offered to a password
 * manager's autofill. `fresh` marks a PIN being set (a new employee, a reset), which browsers must not
 * fill with a saved one either.
 */
import { Field } from './Field';

export function PinField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  name?: string;
  fresh?: boolean;
  required?: boolean;
}) {
  return (
    <Field
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      required={props.required ?? true}
      type="password"
      inputMode="numeric"
      autoComplete={props.fresh ? 'new-password' : 'off'}
      {...(props.name ? { name: props.name } : {})}
    />
  );
}
