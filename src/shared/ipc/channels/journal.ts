/** The money journal as a manager sees it: operations whose outcome is unknown, and reconciling them. */
import { z } from 'zod';
import { MANAGER, channel } from '../channel';
import { emptyRequest } from './common';

export const inDoubtEntrySchema = z.strictObject({
  id: z.string().max(64),
  op: z.string().max(20),
  state: z.enum(['prepared', 'sent', 'in_doubt']),
  createdAt: z.string().max(40),
  amountCents: z.number().int().optional(),
  accountLast4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** The flow's x-reference-id, for support. */
  reference: z.string().max(100).optional(),
  attempts: z.number().int().min(0),
});
export type InDoubtEntry = z.infer<typeof inDoubtEntrySchema>;

export const journalChannels = {
  'journal.inDoubt': channel({
    request: emptyRequest,
    response: z.strictObject({ entries: z.array(inDoubtEntrySchema).max(500) }),
    roles: MANAGER,
  }),
  'journal.reconcile': channel({
    request: emptyRequest,
    response: z.strictObject({
      settled: z.number().int().min(0),
      stillInDoubt: z.number().int().min(0),
    }),
    roles: MANAGER,
  }),
};
