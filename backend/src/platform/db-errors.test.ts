import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db-errors';
import { errorHandling } from './http/errors';

const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
// Drizzle wraps what the driver threw.
const wrapped = (cause: Error) => new Error('Failed query: select 1', { cause });

const unreachable = [
  pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
  pgError('read ECONNRESET', 'ECONNRESET'),
  pgError('terminating connection due to administrator command', '57P01'),
  pgError('the database system is shutting down', '57P03'),
  pgError('connection failure', '08006'),
  pgError('timeout exceeded when trying to connect'),
  pgError('Connection terminated unexpectedly'),
  pgError('Client has encountered a connection error and is not queryable'),
  new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
];

describe('a database that cannot be reached', () => {
  it.each(unreachable.map((error) => [error.message || 'AggregateError', error]))('is told by %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
  });

  it('is not a refusal of what was sent, a conflict or a bug', () => {
    for (const error of [
      pgError('duplicate key value violates unique constraint', '23505'),
      pgError('could not serialize access', '40001'),
      pgError('syntax error at or near "SELEC"', '42601'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ]) {
      expect(isDatabaseUnavailable(wrapped(error))).toBe(false);
    }
  });

  it('answers 503 UNAVAILABLE with Retry-After, and a bug still answers 500', async () => {
    const app = Fastify();
    await app.register(errorHandling);
    app.get('/restarting', async () => {
      throw wrapped(pgError('terminating connection due to administrator command', '57P01'));
    });
    app.get('/bug', async () => {
      throw new TypeError('x is undefined');
    });
    const restarting = await app.inject({ url: '/restarting' });
    expect(restarting.statusCode).toBe(503);
    expect(restarting.headers['retry-after']).toBe('5');
    expect(restarting.json()).toEqual({
      error: { code: 'UNAVAILABLE', message: 'The service is briefly unavailable: try again shortly' },
    });
    const bug = await app.inject({ url: '/bug' });
    expect(bug.statusCode).toBe(500);
    expect(bug.json().error.code).toBe('INTERNAL');
    await app.close();
  });
});
