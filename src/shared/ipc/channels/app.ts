/** The terminal itself: what mode it runs in and whether it is ready for money operations. */
import { z } from 'zod';
import { ANYONE, MANAGER, channel } from '../channel';
import { emptyRequest, environmentSchema, languageSchema } from './common';

export const appStatusSchema = z.strictObject({
  /**
   * What the terminal runs in now (chosen at start, not the saved setting). `demo`: the embedded
   * sandbox, no real money. `live`: a Flexiti environment.
   */
  mode: z.enum(['demo', 'live']),
  environment: environmentSchema,
  /**
   * The saved environment differs from the running one: money and customer calls are refused until
   * the app restarts. `pendingEnvironment` is the one a restart switches to.
   */
  restartRequired: z.boolean(),
  pendingEnvironment: environmentSchema.optional(),
  /** The host can restart itself (Electron); the browser host cannot. */
  canRestart: z.boolean(),
  version: z.string().max(40),
  locale: languageSchema,
  /** True once start-up reconciliation is done and Flexiti calls are accepted. */
  ready: z.boolean(),
  reconciling: z.boolean(),
  /** Money operations whose outcome is still unknown (a manager should look). */
  inDoubtCount: z.number().int().min(0),
  /** No staff yet: the first-run screen must create a manager. */
  setupNeeded: z.boolean(),
  /** Settings files that were bad and fell back to defaults (count only). */
  settingsProblems: z.number().int().min(0),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const appChannels = {
  'app.status': channel({ request: emptyRequest, response: appStatusSchema, roles: ANYONE, passive: true }),
  /** Restarts the app so a saved environment takes effect; refused where the host cannot restart. */
  'app.restart': channel({
    request: emptyRequest,
    response: z.strictObject({ restarting: z.literal(true) }),
    roles: MANAGER,
  }),
};
