/**
 * The exception a handler throws to answer with a specific AppError. The handler table turns it
 * (and anything else thrown) into `{ ok: false, error }`; its message is the code only.
 */
import { appErrorSchema, type AppError, type ErrorCategory } from '../../../shared/app-error';

export class AppFailure extends Error {
  override readonly name = 'AppFailure';
  constructor(readonly appError: AppError) {
    super(`${appError.category}: ${appError.code}`);
  }
}

export function fail(
  category: ErrorCategory,
  code: string,
  extra: Omit<AppError, 'category' | 'code'> = {},
): never {
  throw new AppFailure({ category, code, ...extra });
}

/** An AppError carried by any thrown value (ours, or the Flexiti client's), or null. */
export function carriedAppError(error: unknown): AppError | null {
  if (error === null || typeof error !== 'object' || !('appError' in error)) return null;
  const parsed = appErrorSchema.safeParse((error as { appError: unknown }).appError);
  return parsed.success ? parsed.data : null;
}
