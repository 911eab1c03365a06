import type { ErrorBody, ErrorCode, FieldIssue } from '@kupwara/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db-errors';

/** An error a service throws on purpose: it reaches the client as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Resource') => new AppError(404, 'NOT_FOUND', `${what} not found`);

/** A 400 naming one field (`body.stock`, `querystring.cursor`), shaped like a schema failure. */
export const invalidField = (field: string, message: string) =>
  new AppError(400, 'VALIDATION_FAILED', `Invalid ${field}`, { fields: [{ field, message }] });

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

// Fastify's own 4xx errors (bad JSON, wrong content type, body too large ...) keep their status
// and get one of our codes.
const codeForStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** How long a client is asked to wait when the database is unreachable (a restart takes seconds). */
const RETRY_AFTER_SECONDS = 5;

/** The one place an error becomes a response. Stack traces go to the log, never to the client. */
export const errorHandling = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldIssue[] = error.validation.flatMap((issue) => {
        const field = [error.validationContext ?? 'body', ...issue.instancePath.split('/').filter(Boolean)].join('.');
        // A field the schema does not know is named itself, not its parent object.
        const unknown = issue.keyword === 'unrecognized_keys' ? (issue.params.keys as string[] | undefined) : undefined;
        if (unknown)
          return unknown.map((key) => ({ field: `${field}.${key}`, message: 'is not a field of this request' }));
        return [{ field, message: issue.message ?? 'is invalid' }];
      });
      const names = [...new Set(fields.map((f) => f.field))].join(', ');
      return reply.status(400).send(body('VALIDATION_FAILED', `Invalid ${names}`, { fields }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side'));
    }
    if (isDatabaseUnavailable(error)) {
      // Nothing the client sent is wrong: the database is restarting or unreachable. Said once a
      // request, briefly; the outage itself shows on /readyz.
      request.log.warn({ err: { message: error.message } }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.status(503).send(body('UNAVAILABLE', 'The service is briefly unavailable: try again shortly'));
    }
    const status = error.statusCode ?? 500;
    // A 4xx of a plugin with no code of its own (a multipart 406, say) is still the client's: never a 500.
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body(codeForStatus[status] ?? 'BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
});

/**
 * Fastify's `frameworkErrors`: what it refuses before any route runs, in the one error body. Its own
 * messages quote the URL; ours do not echo it.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send(body('BAD_REQUEST', 'The URL is malformed: a percent-escape in it is not UTF-8'));
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.status(414).send(body('URL_TOO_LONG', 'A part of the URL is too long'));
  } else {
    request.log.error({ err: error }, 'framework error');
    reply.status(500).send(body('INTERNAL', 'Something went wrong on our side'));
  }
}
