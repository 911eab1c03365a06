import { Linking } from 'react-native';
import type { Order } from '../contract/orders';
import { Button } from '../ui/Button';
import { messages } from '../ui/messages';

export type OrderParty = keyof typeof messages.order.call;

export interface CallButtonsProps {
  order: Pick<Order, 'store' | 'customer' | 'rider'>;
  /** Whom this screen offers to ring, in order; a party with no number (or no rider yet) gets no button. */
  parties: readonly OrderParty[];
}

/** A button for each party of the order that can be rung: it opens the phone's dialler. */
export function CallButtons({ order, parties }: CallButtonsProps) {
  return parties.map((party) => {
    const phone = order[party]?.phone;
    if (!phone) return null;
    return (
      <Button
        key={party}
        variant="secondary"
        title={messages.order.call[party]}
        onPress={() => Linking.openURL(`tel:${phone}`)}
      />
    );
  });
}
