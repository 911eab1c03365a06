import { z } from 'zod';

export const healthResponse = z.object({ status: z.literal('ok') });

export const readinessResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'disabled', 'failing'])),
});
export type Readiness = z.infer<typeof readinessResponse>;
