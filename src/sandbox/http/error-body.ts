/**
 * The one error body shape of §0A.3: { code, error, error_description, message, url, field_errors? }.
 */
import { ApiError, type FieldError } from './api-error';
import { errorDescription, errorMessage } from './messages';
import type { Lang } from './route';

export interface ErrorBody {
  code: number;
  error: string;
  error_description: string;
  message: string;
  url: string;
  field_errors?: FieldError[];
}

export function errorBody(err: ApiError, url: string, lang: Lang): ErrorBody {
  const body: ErrorBody = {
    code: err.status,
    error: err.code,
    error_description: err.options.description ?? errorDescription(err.code),
    message: errorMessage(lang, err.code, err.options.params),
    url,
  };
  if (err.code === 'wrong_inputs' || err.options.fieldErrors)
    body.field_errors = err.options.fieldErrors ?? [];
  return body;
}

/** What anything that is not an ApiError becomes: never a stack trace, never the error's text. */
export function generalError(status = 500): ApiError {
  return new ApiError(status, 'general_error');
}
