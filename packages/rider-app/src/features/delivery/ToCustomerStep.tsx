import type { Order } from '@kupwara/shared';
import { CallButtons } from '@kupwara/shared/app';
import { messages } from '../../messages';
import { CashToCollect } from './CashToCollect';
import { DeliveryMap } from './DeliveryMap';
import { PlaceDetails } from './PlaceDetails';
import { StepLayout } from './StepLayout';

const words = messages.delivery;

export interface ToCustomerStepProps {
  order: Order;
  /** Picked up: the ride is yet to start. On the way: the rider is yet to reach the door. */
  stage: 'picked-up' | 'to-customer';
  onNext: () => void;
}

/** Steps 2 and 3: with the goods, to the customer: who, where, how to find the door, what to collect. */
export function ToCustomerStep({ order, stage, onNext }: ToCustomerStepProps) {
  const { landmark } = order.delivery_address;
  const extra = [
    ...(landmark ? [{ label: words.landmark, text: landmark }] : []),
    ...(order.note ? [{ label: words.note, text: order.note }] : []),
  ];
  return (
    <StepLayout
      heading={stage === 'picked-up' ? words.step.pickedUp : words.step.toCustomer}
      action={{ title: stage === 'picked-up' ? words.startRide : words.atDoor, onPress: onNext }}
    >
      <CashToCollect order={order} />
      <PlaceDetails
        kind={words.customer}
        name={order.customer.name}
        address={order.delivery_address.text}
        location={order.delivery_address.location}
        extra={extra}
        call={<CallButtons order={order} parties={['customer']} />}
      />
      <DeliveryMap order={order} />
    </StepLayout>
  );
}
