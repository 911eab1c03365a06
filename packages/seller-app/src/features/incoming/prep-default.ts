import { activeExtraPrep, suggestedPrepMinutes } from '@kupwara/shared/values';
import { useMyShop } from '../shop/queries';

/** The preparation time the accept sheet preselects: more while the shop's busy mode adds minutes. */
export function usePrepDefault(): number {
  const shop = useMyShop().data;
  return suggestedPrepMinutes(shop ? activeExtraPrep(shop) : 0);
}
