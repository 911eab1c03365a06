import { CallButtons, OrderActions, OrderLines, useOrder, useOrderLive } from '@kupwara/shared/app';
import { TrackingMap } from '@kupwara/shared/place';
import {
  Button,
  Card,
  EmptyState,
  formatClockTime,
  Screen,
  Skeleton,
  StatusTimeline,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { awaitsPayment, isCarried, isFinal, progressFor } from '@kupwara/shared/values';
import { router, useLocalSearchParams } from 'expo-router';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { useCustomerStores } from '../../../src/features/customer-stores';
import { AwaitingPayment } from '../../../src/features/payment/AwaitingPayment';
import { PaymentSummary } from '../../../src/features/payment/PaymentSummary';
import { messages } from '../../../src/messages';

const words = messages.order;

/** An order as it moves: its steps live from the socket, the rider's way, the code for the hand-over. */
export default function OrderTracking() {
  // `pay`: the order was just placed to be paid online, so its checkout opens at once.
  const { id = '', pay } = useLocalSearchParams<{ id: string; pay?: string }>();
  const { colors } = useTheme();
  const { cart } = useCustomerStores();
  const order = useOrder(id);
  const { position } = useOrderLive(order.data ? id : null);

  if (!order.data) {
    return (
      <Screen title={messages.orders.title}>
        {order.isPending ? (
          <Skeleton lines={5} height={48} />
        ) : (
          <EmptyState
            title={messages.loadFailed}
            message={order.error?.message ?? ''}
            action={{ title: messages.retry, onPress: () => order.refetch() }}
          />
        )}
      </Screen>
    );
  }
  const current = order.data;
  const carrying = current.rider && isCarried(current.status);
  // Nothing moves until it is paid: what to pay comes first, and no map or code yet.
  const unpaid = awaitsPayment(current.status);
  return (
    <Screen title={current.store.name}>
      <ScrollView contentContainerStyle={styles.content}>
        {unpaid ? <AwaitingPayment order={current} payNow={pay === '1'} /> : null}
        {current.delivery_otp && !unpaid ? (
          <Card accessibilityLabel={`${words.code}: ${current.delivery_otp.split('').join(' ')}`}>
            <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.code}</Text>
            <Text testID="delivery-code" style={[typeScale.display, styles.code, { color: colors.text }]}>
              {current.delivery_otp}
            </Text>
            <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.codeHint}</Text>
          </Card>
        ) : null}
        {isFinal(current.status) || unpaid ? null : (
          <TrackingMap
            shop={current.store.location}
            home={current.delivery_address.location}
            rider={carrying && position ? position : null}
            labels={words.map}
          />
        )}
        {carrying && position ? (
          // Where the rider is, in words: it needs no map tiles and reads well to a screen reader.
          <Card>
            <Text role="status" style={[typeScale.body, { color: colors.text }]}>
              {words.riderAt(
                position.distance_m,
                Math.max(1, Math.round(position.eta_seconds / 60)),
                position.toward === 'store' ? words.theShop : words.you,
              )}
            </Text>
          </Card>
        ) : null}
        {current.ready_by && current.arrives_by && !isFinal(current.status) ? (
          <Text testID="order-estimate" role="status" style={[typeScale.label, { color: colors.text }]}>
            {words.estimate(formatClockTime(current.ready_by), formatClockTime(current.arrives_by))}
          </Text>
        ) : null}
        <Card>
          <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.deliverTo}</Text>
          <Text style={[typeScale.body, { color: colors.text }]}>{current.delivery_address.text}</Text>
          {current.delivery_address.landmark ? (
            <Text style={[typeScale.body, { color: colors.text }]}>
              {messages.address.landmarkLine(current.delivery_address.landmark)}
            </Text>
          ) : null}
        </Card>
        <PaymentSummary order={current} />
        <StatusTimeline timeline={current.timeline} steps={progressFor(current.payment_method)} />
        {current.rider ? (
          <Text style={[typeScale.body, { color: colors.text }]}>
            {words.rider}: {current.rider.name}
          </Text>
        ) : null}
        <View style={styles.actions}>
          <CallButtons order={current} parties={carrying ? ['store', 'rider'] : ['store']} />
          {isFinal(current.status) ? (
            <Button
              variant="secondary"
              title={words.again}
              onPress={() => {
                cart.restore(
                  { id: current.store.id, name: current.store.name },
                  current.items.map(({ product_id, name, unit_price_paise, quantity }) => ({
                    product_id,
                    name,
                    unit_price_paise,
                    quantity,
                  })),
                );
                router.push('/cart');
              }}
            />
          ) : null}
          {unpaid ? null : <OrderActions order={current} actor="customer" />}
        </View>
        <OrderLines order={current} />
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
  code: { letterSpacing: 8 },
  actions: { gap: spacing.sm },
});
