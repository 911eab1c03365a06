import type { Scenario } from '../scenario';

export const healthz: Scenario = {
  name: 'healthz',
  description: 'GET /healthz: the app stack alone (routing, hooks, metrics, zod serialization)',
  async request() {
    return { path: '/healthz' };
  },
};

export const readyz: Scenario = {
  name: 'readyz',
  description: 'GET /readyz: one database round trip (and a Redis PING when REDIS_URL is set)',
  async request() {
    return { path: '/readyz' };
  },
};
