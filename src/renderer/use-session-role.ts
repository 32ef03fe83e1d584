/** The signed-in person's role, from the same query App keeps fresh (no extra call when cached). */
import { useQuery } from '@tanstack/react-query';
import type { Role } from '../shared/ipc/channel';
import { pos } from './pos-api';
import { unwrap } from './use-pos-mutation';

export function useSessionRole(): Role | null {
  const session = useQuery({
    queryKey: ['session.current'],
    queryFn: () => unwrap(pos.session.current({})),
  });
  return session.data?.session?.role ?? null;
}
