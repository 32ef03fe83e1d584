/**
 * Whether receipts carry the demo marker: in demo mode and in every environment but production
 * (merchant integration, training, a custom address), where no real money moves. Read from the app
 * status App already keeps in react-query.
 */
import { useQuery } from '@tanstack/react-query';
import { pos } from '../pos-api';
import { unwrap } from '../use-pos-mutation';

export function useDemoMode(): boolean {
  const status = useQuery({ queryKey: ['app.status'], queryFn: () => unwrap(pos.app.status({})) });
  // Until the status is known, mark the receipt as a demo: a real receipt is never mistaken for one.
  if (!status.data) return true;
  return status.data.mode === 'demo' || status.data.environment !== 'production';
}
