import type { OrderDeps } from '../orders/transitions';
import type { PaymentGateway } from './gateway';

export interface PaymentLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** What the payments module works with: the orders module's deps (it moves orders through them), the gateway and a log. */
export interface PaymentDeps extends OrderDeps {
  /** Absent when no gateway is configured: orders are then cash only. */
  gateway: PaymentGateway | undefined;
  log: PaymentLog;
}

/** The payments module's job kinds. */
export const paymentJobs = {
  /** A verified webhook, stored in gateway_events: apply what it says. */
  webhook: 'payments.webhook',
  /** Ask the gateway for an awaiting order's payments, in case a webhook was lost. */
  reconcile: 'payments.reconcile',
  /** The order's time to pay is up: one last look at the gateway, then it fails. */
  timeout: 'payments.timeout',
  /** Give back the captured payments of an order that ended, or one paid twice. */
  refund: 'payments.refund',
} as const;
