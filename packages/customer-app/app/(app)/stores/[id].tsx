import type { Product } from '@kupwara/shared';
import { useServices } from '@kupwara/shared/app';
import { cartTotalPaise } from '@kupwara/shared/client';
import {
  Badge,
  Button,
  EmptyState,
  formatPaise,
  Price,
  Sheet,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { FlashList } from '@shopify/flash-list';
import { Image } from 'expo-image';
import { router, useLocalSearchParams } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useStore as useZustand } from 'zustand';
import { messages } from '../../../src/messages';
import { useProducts, useStore } from '../../../src/queries';
import { Screen } from '../../../src/Screen';
import { Stepper } from '../../../src/Stepper';

const words = messages.shop;

export default function Shop() {
  const { id = '' } = useLocalSearchParams<{ id: string }>();
  const { colors } = useTheme();
  const { cart } = useServices();
  const store = useStore(id);
  const products = useProducts(id);
  const cartState = useZustand(cart.store, (state) => state);
  const [asking, setAsking] = useState<{ product: Product; quantity: number }>();
  const shop = store.data ? { id: store.data.id, name: store.data.name } : undefined;
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];

  const setQuantity = (product: Product, quantity: number) => {
    if (!shop) return;
    if (cartState.lines.some((line) => line.product_id === product.id)) return cart.setQuantity(product.id, quantity);
    const line = { product_id: product.id, name: product.name, unit_price_paise: product.price_paise };
    if (!cart.add(shop, line, quantity).added) setAsking({ product, quantity });
  };
  const inCart = (productId: string) =>
    cartState.store?.id === id ? (cartState.lines.find((line) => line.product_id === productId)?.quantity ?? 0) : 0;
  const count = cartState.store?.id === id ? cartState.lines.reduce((sum, line) => sum + line.quantity, 0) : 0;

  return (
    <Screen title={store.data?.name ?? ''}>
      {store.data ? (
        <View style={styles.header}>
          <Text style={[typeScale.body, { color: colors.textMuted }]}>{store.data.address}</Text>
          {!store.data.is_open_now ? <Badge label={messages.home.closed(null)} /> : null}
        </View>
      ) : null}
      {products.isPending ? (
        <Skeleton lines={6} height={64} />
      ) : !items.length ? (
        <EmptyState title={words.noProducts} message="" />
      ) : (
        <FlashList
          data={items}
          onEndReached={() => {
            if (products.hasNextPage && !products.isFetchingNextPage) void products.fetchNextPage();
          }}
          onEndReachedThreshold={2}
          keyExtractor={(product) => product.id}
          contentContainerStyle={styles.list}
          extraData={cartState}
          renderItem={({ item }) => (
            <ProductRow product={item} quantity={inCart(item.id)} onChange={(q) => setQuantity(item, q)} />
          )}
        />
      )}
      {count > 0 ? (
        <View style={[styles.bar, { backgroundColor: colors.surface, borderTopColor: colors.border }]}>
          <Button
            title={`${words.viewCart(count)} · ${formatPaise(cartTotalPaise(cartState))}`}
            onPress={() => router.push('/cart')}
          />
        </View>
      ) : null}
      <Sheet visible={Boolean(asking)} title={words.replaceTitle} onClose={() => setAsking(undefined)}>
        <Text style={[typeScale.body, { color: colors.text }]}>{words.replaceBody(cartState.store?.name ?? '')}</Text>
        <Button
          title={words.replace}
          onPress={() => {
            if (asking && shop) {
              const { product, quantity } = asking;
              cart.replace(
                shop,
                { product_id: product.id, name: product.name, unit_price_paise: product.price_paise },
                quantity,
              );
            }
            setAsking(undefined);
          }}
        />
        <Button variant="secondary" title={words.keep} onPress={() => setAsking(undefined)} />
      </Sheet>
    </Screen>
  );
}

function ProductRow({
  product,
  quantity,
  onChange,
}: {
  product: Product;
  quantity: number;
  onChange: (q: number) => void;
}) {
  const { colors } = useTheme();
  const soldOut = !product.is_available || product.stock === 0;
  const image = product.images[0]?.variants[0];
  return (
    <View style={[styles.product, soldOut && styles.soldOut]} accessibilityState={{ disabled: soldOut }}>
      {image ? <Image source={{ uri: image.url }} style={styles.image} contentFit="cover" /> : null}
      <View style={styles.words}>
        <Text style={[typeScale.label, { color: colors.text }]}>{product.name}</Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{product.unit}</Text>
        <Price paise={product.price_paise} />
      </View>
      {soldOut ? (
        <Badge label={words.outOfStock} />
      ) : (
        <Stepper name={product.name} quantity={quantity} onChange={onChange} />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  header: { paddingHorizontal: spacing.md, paddingTop: spacing.sm, gap: spacing.xs },
  list: { padding: spacing.md },
  product: { flexDirection: 'row', alignItems: 'center', gap: spacing.md, paddingVertical: spacing.sm },
  soldOut: { opacity: 0.5 },
  image: { width: 56, height: 56, borderRadius: 8 },
  words: { flex: 1, gap: 2 },
  bar: { padding: spacing.md, borderTopWidth: StyleSheet.hairlineWidth },
});
