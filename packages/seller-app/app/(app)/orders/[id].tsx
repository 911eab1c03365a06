import { useLocalSearchParams } from 'expo-router';
import { OrderDetail } from '../../../src/features/order-detail/OrderDetail';
import { usePickStore } from '../../../src/features/order-detail/pick-store';

/** One order of the shop: `/orders/{id}`, opened from the Orders tab or a notification. */
export default function OrderScreen() {
  const { id = '' } = useLocalSearchParams<{ id: string }>();
  return <OrderDetail id={id} picks={usePickStore()} />;
}
