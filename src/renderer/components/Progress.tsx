/** Shown while a call to Flexiti is running: announced politely, with a spinner for sighted staff. */
export function Progress(props: { label: string }) {
  return (
    <p className="progress" role="status" aria-live="polite" data-testid="progress">
      <span className="spinner" aria-hidden="true" />
      {props.label}
    </p>
  );
}
