/**
 * react-query over the PosApi: an `{ ok: false }` answer becomes the mutation's error (an AppError),
 * so screens read `mutation.error` and never see an exception's text.
 */
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import type { AppError } from '../shared/app-error';
import type { IpcResult } from '../shared/ipc/result';

export class PosError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.code);
  }
}

export async function unwrap<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new PosError(answer.error);
  return answer.value;
}

export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof PosError) return error.appError;
  return error ? { category: 'our_bug', code: 'unexpected' } : null;
}

export function usePosMutation<Req, Res>(
  call: (request: Req) => Promise<IpcResult<Res>>,
  options: Omit<UseMutationOptions<Res, PosError, Req>, 'mutationFn'> = {},
) {
  return useMutation<Res, PosError, Req>({ ...options, mutationFn: (request) => unwrap(call(request)) });
}
