/** While the component is mounted, a keyboard-wedge scanner's burst anywhere on the page is a scan. */
import { useEffect, useRef } from 'react';
import { attachWedgeDetector, type WedgeRejection } from '../../scan/wedge-detector';
import { removeLeakedKeys } from './remove-leaked-keys';

export function useWedgeScan(
  onScan: (raw: string) => void,
  onRejected?: (rejection: WedgeRejection) => void,
): void {
  // The latest callbacks, without re-attaching (which would drop a burst in progress).
  const handlers = useRef({ onScan, onRejected });
  useEffect(() => {
    handlers.current = { onScan, onRejected };
  });
  useEffect(() => {
    const attachment = attachWedgeDetector(window, {
      onScan: (raw, info) => {
        removeLeakedKeys(info.leakedKeys);
        handlers.current.onScan(raw);
      },
      onRejected: (rejection) => handlers.current.onRejected?.(rejection),
    });
    return () => attachment.detach();
  }, []);
}
