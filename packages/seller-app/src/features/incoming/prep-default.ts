import { suggestedPrepMinutes } from '@kupwara/shared';

/**
 * The preparation time the accept sheet preselects. The seam for the shop's busy mode: when the
 * store carries extra preparation minutes, pass them here (`suggestedPrepMinutes(extra)`).
 */
export function usePrepDefault(): number {
  return suggestedPrepMinutes(0);
}
