import { z } from 'zod';
import { optText, wireNumber } from './wire';

/** A1 token answer: only access_token, refresh_token and expires_in matter (scope is ignored, §0A.4). */
export const tokenResponseSchema = z
  .object({
    access_token: z.string().min(1).max(1000),
    refresh_token: z.string().min(1).max(1000),
    expires_in: wireNumber.pipe(
      z
        .number()
        .int()
        .positive()
        .max(7 * 24 * 3600),
    ),
    token_type: optText,
  })
  .transform((t) => ({
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresIn: t.expires_in,
  }));
export type TokenResponse = z.output<typeof tokenResponseSchema>;
