import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../platform/http/errors';
import { newId } from '../platform/ids';
import type { Job } from '../platform/jobs';
import { wakeRunners } from '../platform/jobs';
import { jobs } from '../platform/tables';
import { applyPayment } from './capture';
import { type PaymentDeps, paymentJobs } from './deps';
import type { GatewayEvent, PaymentGateway } from './gateway';
import { applyRefund } from './refunds';
import { gatewayEvents } from './tables';

export const WEBHOOK_PATH = '/api/v1/payments/webhooks/razorpay';

/** A webhook is a few kilobytes; anything much larger is not Razorpay's. */
const WEBHOOK_BODY_LIMIT = 64 * 1024;

const paymentEvents = new Set(['payment.authorized', 'payment.captured', 'order.paid', 'payment.failed']);
const refundEvents = new Set(['refund.processed', 'refund.failed']);

/**
 * Where the gateway tells us what happened (not a route of the apps, so not in the route table).
 * The signature is checked over the raw bytes before anything is parsed; then the event is stored
 * once per id and its job queued in the same statement, and the gateway gets its 200 at once.
 */
export async function webhookRoutes(
  app: FastifyInstance,
  deps: Pick<PaymentDeps, 'db' | 'bus'> & { gateway: PaymentGateway },
) {
  const { db, bus, gateway } = deps;
  await app.register(async (scope) => {
    // The signature covers the bytes as sent: they are kept as they came, whatever the content type says.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      WEBHOOK_PATH,
      { config: { outsideRouteTable: true }, schema: { hide: true } },
      async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers['x-razorpay-signature'];
        if (!gateway.verifyWebhook(raw, typeof signature === 'string' ? signature : undefined)) {
          throw new AppError(400, 'BAD_REQUEST', 'The webhook signature does not match');
        }
        const eventId = request.headers['x-razorpay-event-id'];
        let event: GatewayEvent;
        let payload: unknown;
        try {
          event = gateway.parseWebhook(raw, typeof eventId === 'string' ? eventId : undefined);
          payload = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new AppError(400, 'BAD_REQUEST', 'The webhook body is not an event');
        }
        // One statement: the event if it is new, and its job only if it was.
        const queued = await db.execute<{ id: string }>(sql`
        WITH e AS (
          INSERT INTO ${gatewayEvents} (event_id, gateway, type, payload)
          VALUES (${event.id}, ${gateway.name}, ${event.type}, ${JSON.stringify(payload)}::jsonb)
          ON CONFLICT (event_id) DO NOTHING
          RETURNING event_id
        )
        INSERT INTO ${jobs} (id, kind, payload, run_at)
        SELECT ${newId()}, ${paymentJobs.webhook}, jsonb_build_object('event_id', e.event_id), now() FROM e
        RETURNING id`);
        if (queued.rows.length > 0) await wakeRunners(bus);
        return reply.status(200).send({ status: 'ok' });
      },
    );
  });
}

/** The job: applies a stored event once (a repeat of the job finds it processed). */
export async function processWebhook(deps: PaymentDeps, eventId: string): Promise<void> {
  const { db, gateway } = deps;
  if (!gateway) throw new Error('a webhook needs the payment gateway');
  const [stored] = await db.select().from(gatewayEvents).where(eq(gatewayEvents.eventId, eventId));
  if (!stored || stored.processedAt) return;
  const event = gateway.parseWebhook(Buffer.from(JSON.stringify(stored.payload)), stored.eventId);
  if (paymentEvents.has(event.type) && event.payment) await applyPayment(deps, event.payment);
  else if (refundEvents.has(event.type) && event.refund) await applyRefund(deps, event.refund);
  await db.update(gatewayEvents).set({ processedAt: new Date() }).where(eq(gatewayEvents.eventId, eventId));
}

export const webhookJob = (deps: PaymentDeps) => ({
  [paymentJobs.webhook]: (job: Job) => processWebhook(deps, String(job.payload.event_id)),
});
