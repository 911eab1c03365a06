import type { Scenario } from '../scenario';
import { healthz, readyz } from './health';

/** Every scenario `npm run bench` knows; later modules add theirs here. */
export const scenarios: Scenario[] = [healthz, readyz];
