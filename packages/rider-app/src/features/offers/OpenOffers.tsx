import { EmptyState } from '@kupwara/shared/ui';
import { messages } from '../../messages';
import { useAssignments } from '../assignments';
import { useShift } from '../shift/ShiftProvider';
import { OfferCard } from './OfferCard';
import { useShownOffer } from './OffersProvider';
import { openOffers } from './offer-cache';

/**
 * The offers open now, on the Work tab: those the overlay is not showing (the server keeps one open
 * per rider, so this is nearly always empty), or, online with nothing to carry, a word that work will come.
 */
export function OpenOffers() {
  const { data } = useAssignments();
  const shown = useShownOffer();
  const { online } = useShift();
  if (!data) return null;
  const others = openOffers(data, Date.now()).filter((offer) => offer.id !== shown);
  if (others.length > 0) return others.map((offer) => <OfferCard key={offer.id} offer={offer} />);
  // Offline, no work comes: the switch above says so.
  if (!online || shown || data.deliveries.length > 0) return null;
  return <EmptyState title={messages.offers.waiting} message={messages.offers.waitingHint} />;
}
