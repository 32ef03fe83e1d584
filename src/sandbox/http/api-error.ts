/**
 * Every failure a route reports is an ApiError; the server turns it into the §0A.3 body
 * ({ code, error, error_description, message, url, field_errors? }) with a localized message.
 */
export interface FieldError {
  param: string;
  msg: 'required' | 'length' | 'invalid';
  /** Left out for secrets (§0A.3). */
  value?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly options: {
      fieldErrors?: FieldError[];
      /** Fixed English text for error_description; defaults to the code itself. */
      description?: string;
      /** Values substituted into the localized message template, e.g. { amount: '10.00' }. */
      params?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function wrongInputs(fieldErrors: FieldError[]): ApiError {
  return new ApiError(409, 'wrong_inputs', { fieldErrors });
}
