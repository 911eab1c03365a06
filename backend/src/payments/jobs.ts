import type { JobHandler } from '../platform/jobs';
import { type PaymentDeps, paymentJobs } from './deps';
import { reconcileJobs } from './reconcile';
import { refundJob } from './refunds';
import { webhookJob } from './webhooks';

/** The runner's handlers for the payments module's jobs. Each may run twice and does its work once. */
export const paymentJobHandlers = (deps: PaymentDeps): Record<string, JobHandler> => ({
  ...webhookJob(deps),
  ...reconcileJobs(deps),
  [paymentJobs.refund]: refundJob(deps),
});
