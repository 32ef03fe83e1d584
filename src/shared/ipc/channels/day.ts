/** Closing the business day (manager): refused while journal entries are unsettled, unless a reason is given. */
import { z } from 'zod';
import { MANAGER, channel } from '../channel';
import { endOfDayReportSchema } from './reports';

export const dayChannels = {
  'day.close': channel({
    request: z.strictObject({
      date: z.iso.date(),
      registerId: z.string().min(1).max(50).optional(),
      reason: z.string().trim().min(1).max(200).optional(),
    }),
    response: z.strictObject({ report: endOfDayReportSchema }),
    roles: MANAGER,
  }),
};
