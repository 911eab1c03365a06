import type { PaymentEntry } from '@kupwara/shared';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { payments } from './tables';

type Row = typeof payments.$inferSelect;

const entryOf = (row: Row): PaymentEntry => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  amount_paise: row.amountPaise,
  instrument: row.instrument,
  reference: row.kind === 'refund' ? row.gatewayRefundId : row.gatewayPaymentId,
  reason: row.reason,
  error: row.errorDescription ?? row.errorCode,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** An order's ledger, oldest first: each attempt at the gateway, each refund, the cash taken at the door. */
export async function paymentHistory(db: Db, orderId: string): Promise<PaymentEntry[]> {
  const rows = await db
    .select()
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  return rows.map(entryOf);
}
