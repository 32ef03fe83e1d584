/** A screen's h1 that takes the focus when the screen appears, so keyboard and screen-reader users start there. */
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading(props: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading" data-testid={props.testId}>
      {props.children}
    </h1>
  );
}
