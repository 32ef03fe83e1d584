/**
 * A wide table's scroll box. It can take the focus so keyboard users can scroll it sideways, and it
 * is a named region so screen readers announce what it holds.
 */
import type { ReactNode } from 'react';

export function TableScroll(props: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
