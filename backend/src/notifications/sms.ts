import type { SmsOptions } from '../platform/config';

/** One text message from a DLT-registered template: the gateway fills in the template's variables. */
export interface SmsMessage {
  /** E.164, as phones are stored (+919876543210). */
  phone: string;
  templateId: string;
  variables: Record<string, string>;
  /** Let the gateway shorten URLs in the variables (ours are short already). */
  shortUrl?: boolean;
}

/** A gateway that sends text messages; it answers its own id for the message, or throws SmsRefused. */
export interface SmsGateway {
  send(message: SmsMessage): Promise<{ ref: string }>;
}

/** The gateway did not take the message. `retryable`: the same request may succeed later (it is down, or unreachable). */
export class SmsRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SmsRefused';
  }
}

type Msg91Answer = { type?: unknown; message?: unknown; code?: unknown };

/** MSG91 wants the country code without the '+': 919876543210. */
export const msg91Mobile = (phone: string) => phone.replace(/^\+/, '');

/**
 * MSG91's Flow API ("Send SMS", v5), as documented at https://docs.msg91.com/sms/send-sms and
 * https://control.msg91.com/apidoc/textsms/send-sms-flow.php: POST {url}/api/v5/flow with the
 * `authkey` header and a JSON body `{ template_id, short_url: "1"|"0", recipients: [{ mobiles,
 * <template variable>: value, … }] }` (the variables named exactly as in the template; mobiles in
 * international form without '+'). It answers `{ "type": "success", "message": "<request id>" }`,
 * or `{ "type": "error", "message": …, "code"?: … }` with MSG91's error code (207 invalid
 * authentication key, 418 IP not whitelisted, 301 insufficient balance …) and an HTTP status.
 * Refusals are final; a 5xx, a 429 or no answer at all may be tried again.
 */
export function msg91Gateway(options: Pick<SmsOptions, 'authKey' | 'url'>, timeoutMs = 10_000): SmsGateway {
  const endpoint = new URL('/api/v5/flow', options.url);
  return {
    async send(message) {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { authkey: options.authKey, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({
            template_id: message.templateId,
            short_url: message.shortUrl ? '1' : '0',
            recipients: [{ ...message.variables, mobiles: msg91Mobile(message.phone) }],
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new SmsRefused('NETWORK', `MSG91 did not answer: ${(error as Error).message}`, true);
      }
      const text = await response.text().catch(() => '');
      let answer: Msg91Answer = {};
      try {
        answer = JSON.parse(text) as Msg91Answer;
      } catch {
        // Not JSON (a proxy's error page, say): the status alone says what happened.
      }
      const said = typeof answer.message === 'string' ? answer.message : text.slice(0, 200);
      const retryable = response.status >= 500 || response.status === 429;
      if (response.ok && answer.type === 'success' && typeof answer.message === 'string') {
        return { ref: answer.message };
      }
      const code = answer.code === undefined || answer.code === null ? `HTTP_${response.status}` : String(answer.code);
      // A 2xx that is neither success nor error may have been sent: trying again could send it twice.
      throw new SmsRefused(code, said || `HTTP ${response.status}`, retryable);
    },
  };
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubled before each later one. */
  backoffMs: number;
}

/** A few tries over a few seconds: well inside a job's lease, and never forever. */
export const defaultSmsRetry: RetryOptions = { attempts: 3, backoffMs: 1000 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends, trying again (with backoff) only while the gateway says the failure may pass; throws the last refusal. */
export async function sendWithRetries(gateway: SmsGateway, message: SmsMessage, retry: RetryOptions) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await gateway.send(message);
    } catch (error) {
      const again = error instanceof SmsRefused && error.retryable && attempt < retry.attempts;
      if (!again) throw error;
      await pause(retry.backoffMs * 2 ** (attempt - 1));
    }
  }
}
