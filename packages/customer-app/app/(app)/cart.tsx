import type { PaymentMethod } from '@kupwara/shared';
import { useOnline, useServices } from '@kupwara/shared/app';
import {
  Button,
  EmptyState,
  formatClockTime,
  formatPaise,
  Input,
  Price,
  Screen,
  Stepper,
  spacing,
  typeScale,
  useTheme,
  useTimePassed,
  useToast,
} from '@kupwara/shared/ui';
import { deliveryFeePaise, metresBetween } from '@kupwara/shared/values';
import { router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { useStore } from 'zustand';
import { cartTotalPaise } from '../../src/features/cart/cart-store';
import { useCustomerStores } from '../../src/features/customer-stores';
import { PaymentChoice } from '../../src/features/payment/PaymentChoice';
import { acceptedMethods, chosenMethod } from '../../src/features/payment/payment-choice';
import { usePlaceOnline } from '../../src/features/payment/use-place-online';
import { messages } from '../../src/messages';
import { useAddresses, useShop } from '../../src/queries';
import type { PlaceOrder } from '../../src/services';

const words = messages.cart;

export default function Cart() {
  const { colors } = useTheme();
  const services = useServices();
  const toast = useToast();
  const stores = useCustomerStores();
  const online = useOnline(services.connectivity);
  const cart = useStore(stores.cart.store, (state) => state);
  const place = useStore(stores.place.store, (state) => state.place);
  const store = useShop(cart.store?.id ?? '');
  // A saved address chosen as the place fills in its own details; what the customer types wins.
  const addresses = useAddresses(place?.source === 'address');
  const saved = addresses.data?.items.find((address) => address.id === place?.address_id);
  const [details, setDetails] = useState('');
  const [landmark, setLandmark] = useState('');
  const [note, setNote] = useState('');
  const lifted = useTimePassed(store.data?.paused_until ?? null);
  const [picked, setPicked] = useState<PaymentMethod | null>(null);
  const accepted = acceptedMethods(store.data);
  const method = chosenMethod(accepted, online, picked);
  const placeOnline = usePlaceOnline();

  if (!cart.store || cart.lines.length === 0) {
    return (
      <Screen title={words.title}>
        <EmptyState
          title={words.empty}
          message={words.emptyHint}
          action={{ title: messages.home.title, onPress: () => router.replace('/') }}
        />
      </Screen>
    );
  }
  const subtotal = cartTotalPaise(cart);
  // The server prices delivery by the road; this is the same rule on the straight line, for the bill.
  const fee = place && store.data ? deliveryFeePaise(metresBetween(place, store.data.location)) : undefined;
  const minimum = store.data?.min_order_paise ?? 0;
  const paused =
    !lifted && store.data?.paused_until ? messages.home.paused(formatClockTime(store.data.paused_until)) : null;

  async function placeOrder() {
    if (!cart.store || !place || !method) return;
    const action: PlaceOrder = {
      shop: cart.store,
      lines: cart.lines,
      body: {
        store_id: cart.store.id,
        items: cart.lines.map(({ product_id, quantity, unit_price_paise }) => ({
          product_id,
          quantity,
          unit_price_paise,
        })),
        delivery_address: {
          label: place.label,
          text: details.trim() || saved?.text || place.label,
          location: { lat: place.lat, lng: place.lng },
          landmark: landmark.trim() || saved?.landmark || undefined,
        },
        payment_method: method,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    };
    if (method === 'online') return placeOnline.place(action);
    // Cash: optimistic with feedback, through the queue, so an order made offline goes when the network is back.
    await services.queue.enqueue('placeOrder', 'orders', action);
    stores.cart.clear();
    toast.show(online ? words.placed : words.queued, { tone: online ? 'success' : 'info' });
    router.replace('/orders');
    // The moment pushes explain themselves: news of this order. Asked once; a no is not asked again.
    void services.push.ask();
  }

  return (
    <Screen title={words.title}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <Text role="heading" aria-level={2} style={[typeScale.label, { color: colors.text }]}>
          {cart.store.name}
        </Text>
        {cart.lines.some((line) => line.was_price_paise) ? (
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {words.changed}
          </Text>
        ) : null}
        {cart.lines.map((line) => (
          <View key={line.product_id} style={styles.line}>
            <View style={styles.lineWords}>
              <Text style={[typeScale.body, { color: colors.text }]}>{line.name}</Text>
              <Price
                paise={line.unit_price_paise * line.quantity}
                {...(line.was_price_paise ? { was: line.was_price_paise * line.quantity } : {})}
              />
            </View>
            <Stepper
              name={line.name}
              quantity={line.quantity}
              onChange={(q) => stores.cart.setQuantity(line.product_id, q)}
            />
          </View>
        ))}
        <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.address}</Text>
        <Text style={[typeScale.body, { color: colors.text }]}>{place?.label ?? messages.home.choosePlace}</Text>
        <Input
          label={messages.address.details}
          value={details}
          onChangeText={setDetails}
          placeholder={saved?.text}
          maxLength={300}
        />
        <Input
          label={messages.address.landmark}
          value={landmark}
          onChangeText={setLandmark}
          placeholder={saved?.landmark ?? messages.address.landmarkExample}
          maxLength={120}
        />
        <Input label={words.note} value={note} onChangeText={setNote} multiline />
        <PaymentChoice accepted={accepted} online={online} chosen={method} onChange={setPicked} />
        <View style={styles.bill}>
          <Row label={words.subtotal} paise={subtotal} />
          {fee === undefined ? null : <Row label={words.fee} paise={fee} />}
          <Row label={words.total} paise={subtotal + (fee ?? 0)} strong />
        </View>
        {subtotal < minimum ? (
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {words.below(formatPaise(minimum - subtotal))}
          </Text>
        ) : null}
        {paused ? (
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {paused}. {messages.home.pausedHint}
          </Text>
        ) : null}
        {placeOnline.problem ? (
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {placeOnline.problem}
          </Text>
        ) : null}
        <Button
          title={method === 'online' ? words.placeAndPay : words.place}
          onPress={placeOrder}
          loading={placeOnline.placing}
          disabled={!place || !method || subtotal < minimum || Boolean(paused)}
        />
      </ScrollView>
    </Screen>
  );
}

function Row({ label, paise, strong }: { label: string; paise: number; strong?: boolean }) {
  const { colors } = useTheme();
  return (
    <View style={styles.row}>
      <Text style={[strong ? typeScale.label : typeScale.body, { color: colors.text }]}>{label}</Text>
      <Price paise={paise} style={strong ? typeScale.label : undefined} />
    </View>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
  line: { flexDirection: 'row', alignItems: 'center', gap: spacing.md },
  lineWords: { flex: 1 },
  bill: { gap: spacing.xs, paddingVertical: spacing.sm },
  row: { flexDirection: 'row', justifyContent: 'space-between' },
});
