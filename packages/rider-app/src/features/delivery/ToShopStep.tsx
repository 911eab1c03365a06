import type { Order } from '@kupwara/shared';
import { CallButtons, OrderLines } from '@kupwara/shared/app';
import { Card, typeScale, useTheme } from '@kupwara/shared/ui';
import { Text } from 'react-native';
import { messages } from '../../messages';
import { DeliveryMap } from './DeliveryMap';
import { PlaceDetails } from './PlaceDetails';
import { StepLayout } from './StepLayout';

const words = messages.delivery;

/** Step 1: ride to the shop, collect the lines, say so. */
export function ToShopStep({ order, onPickedUp }: { order: Order; onPickedUp: () => void }) {
  const { colors } = useTheme();
  return (
    <StepLayout heading={words.step.toShop} action={{ title: words.pickedUp, onPress: onPickedUp }}>
      <PlaceDetails
        kind={words.shop}
        name={order.store.name}
        address={order.store.address}
        location={order.store.location}
        call={<CallButtons order={order} parties={['store']} />}
      />
      <Card>
        <Text style={[typeScale.label, { color: colors.textMuted }]}>
          {words.collect} · {words.items(order.item_count)}
        </Text>
        <OrderLines order={order} />
      </Card>
      <DeliveryMap order={order} />
    </StepLayout>
  );
}
