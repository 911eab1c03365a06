import { and, eq } from 'drizzle-orm';
import { contactOf } from '../accounts/users';
import type { SmsOptions } from '../platform/config';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { createShortLink } from './short-links';
import { type RetryOptions, type SmsGateway, SmsRefused, sendWithRetries } from './sms';
import { smsMessages } from './tables';

export type SmsPurpose = (typeof smsMessages.$inferInsert)['purpose'];

export interface SmsLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** What sending text messages needs; absent when SMS is not configured (then nothing is sent or recorded). */
export interface SmsSender {
  db: Db;
  gateway: SmsGateway;
  options: Pick<SmsOptions, 'templates' | 'publicUrl'>;
  log: SmsLog;
  retry: RetryOptions;
}

export interface OrderSms {
  orderId: string;
  userId: string;
  purpose: SmsPurpose;
  /** The template's variables but the link, which is added as `link`. */
  variables: Record<string, string>;
  /** The page the message's short link opens, such as /seller/orders/<id>. */
  linkPath: string;
}

/** off: SMS is not configured; nobody: the account is gone; already: this order texted them before. */
export type OrderSmsOutcome = 'off' | 'nobody' | 'already' | 'sent' | 'failed';

const templateFor = (options: SmsSender['options'], purpose: SmsPurpose) =>
  purpose === 'new_order' ? options.templates.newOrder : options.templates.offer;

/**
 * Texts one person about one order, at most once whatever happens: the (order, person) row is
 * claimed before anything is sent, so a second run (a retried job, another process) finds it and
 * stops. A row left 'sending' means the process died while sending: it is not sent twice. The
 * gateway's refusal is recorded with its code and logged; only a failure that may pass is tried
 * again, a few times.
 */
export async function sendOrderSms(sender: SmsSender | undefined, sms: OrderSms): Promise<OrderSmsOutcome> {
  if (!sender) return 'off';
  const { db, options, log } = sender;
  const person = await contactOf(db, sms.userId);
  if (!person) return 'nobody';
  const templateId = templateFor(options, sms.purpose);
  const [claimed] = await db
    .insert(smsMessages)
    .values({
      id: newId(),
      orderId: sms.orderId,
      userId: sms.userId,
      purpose: sms.purpose,
      templateId,
      status: 'sending',
    })
    .onConflictDoNothing()
    .returning({ id: smsMessages.id });
  if (!claimed) return 'already';
  const mine = and(eq(smsMessages.id, claimed.id), eq(smsMessages.status, 'sending'));
  const code = await createShortLink(db, sms.linkPath);
  const variables = { ...sms.variables, link: `${options.publicUrl.replace(/\/+$/, '')}/s/${code}` };
  const about = { order: sms.orderId, user: sms.userId, purpose: sms.purpose, template: templateId };
  try {
    const { ref } = await sendWithRetries(sender.gateway, { phone: person.phone, templateId, variables }, sender.retry);
    await db.update(smsMessages).set({ status: 'sent', gatewayRef: ref, sentAt: new Date() }).where(mine);
    log.info({ ...about, ref }, 'sms sent');
    return 'sent';
  } catch (error) {
    const refused =
      error instanceof SmsRefused ? error : new SmsRefused('INTERNAL', String((error as Error)?.message), false);
    await db
      .update(smsMessages)
      .set({ status: 'failed', errorCode: refused.code, errorMessage: refused.message.slice(0, 500) })
      .where(mine);
    log.warn({ ...about, code: refused.code, err: refused.message }, 'sms refused: not sent');
    return 'failed';
  }
}
