import type { Product } from '@kupwara/shared';
import {
  Badge,
  Button,
  Chip,
  ChipRow,
  EmptyState,
  formatClockTime,
  formatPaise,
  Price,
  Screen,
  Sheet,
  Skeleton,
  Stepper,
  spacing,
  typeScale,
  useTheme,
  useTimePassed,
} from '@kupwara/shared/ui';
import { FlashList } from '@shopify/flash-list';
import { Image } from 'expo-image';
import { router, useLocalSearchParams } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useStore } from 'zustand';
import { cartTotalPaise } from '../../../src/features/cart/cart-store';
import { useCustomerStores } from '../../../src/features/customer-stores';
import { messages } from '../../../src/messages';
import { useCategories, useProducts, useShop } from '../../../src/queries';

const words = messages.shop;

export default function Shop() {
  const { id = '' } = useLocalSearchParams<{ id: string }>();
  const { colors } = useTheme();
  const { cart } = useCustomerStores();
  const store = useShop(id);
  const [category, setCategory] = useState<string>();
  const products = useProducts(id, category);
  const shelves = useShelves(products.data?.pages[0]?.items ?? [], category);
  const cartState = useStore(cart.store, (state) => state);
  const [asking, setAsking] = useState<{ product: Product; quantity: number }>();
  const shop = store.data ? { id: store.data.id, name: store.data.name } : undefined;
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  const lifted = useTimePassed(store.data?.paused_until ?? null);
  const paused =
    !lifted && store.data?.paused_until ? messages.home.paused(formatClockTime(store.data.paused_until)) : null;

  const setQuantity = (product: Product, quantity: number) => {
    if (!shop || paused) return;
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
          {paused ? (
            <View role="alert" style={styles.paused}>
              <Badge label={paused} tone="warning" />
              <Text style={[typeScale.caption, { color: colors.textMuted }]}>{messages.home.pausedHint}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {shelves.length > 1 ? (
        <ChipRow testID="shelf-chips" inset={spacing.md} style={styles.chips}>
          {[{ slug: undefined, name: messages.home.all }, ...shelves].map((shelf) => (
            <Chip
              key={shelf.slug ?? 'all'}
              label={shelf.name}
              selected={category === shelf.slug}
              onPress={() => setCategory(shelf.slug)}
            />
          ))}
        </ChipRow>
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
            <ProductRow
              product={item}
              quantity={inCart(item.id)}
              onChange={(q) => setQuantity(item, q)}
              paused={Boolean(paused)}
            />
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

/**
 * The shop's shelves: the categories of its products (as the first page shows them), kept while
 * one is chosen so the chips do not vanish with the filter.
 */
function useShelves(products: readonly Product[], category: string | undefined) {
  const tree = useCategories();
  const [shelves, setShelves] = useState<{ slug: string; name: string }[]>([]);
  const byId = new Map(
    (tree.data?.items ?? []).flatMap((node) => [node, ...node.children]).map((node) => [node.id, node] as const),
  );
  const found = [
    ...new Map(
      products.flatMap((product) => {
        const node = product.category_id ? byId.get(product.category_id) : undefined;
        return node ? [[node.slug, { slug: node.slug, name: node.name }] as const] : [];
      }),
    ).values(),
  ];
  if (!category && found.length !== shelves.length) setShelves(found);
  return shelves;
}

function ProductRow({
  product,
  quantity,
  onChange,
  paused,
}: {
  product: Product;
  quantity: number;
  onChange: (q: number) => void;
  /** The shop takes no new orders for now: nothing can be added. */
  paused: boolean;
}) {
  const { colors } = useTheme();
  const soldOut = !product.is_available || product.stock === 0;
  // The smallest picture that is sharp at 56 points on a 2× screen.
  const variants = [...(product.images[0]?.variants ?? [])].sort((a, b) => a.width - b.width);
  const image = variants.find((variant) => variant.width >= 112) ?? variants.at(-1);
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
      ) : paused && quantity === 0 ? null : (
        <Stepper name={product.name} quantity={quantity} onChange={onChange} />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  chips: { marginTop: spacing.sm },
  header: { paddingHorizontal: spacing.md, paddingTop: spacing.sm, gap: spacing.xs },
  paused: { gap: spacing.xs, alignItems: 'flex-start' },
  list: { padding: spacing.md },
  product: { flexDirection: 'row', alignItems: 'center', gap: spacing.md, paddingVertical: spacing.sm },
  soldOut: { opacity: 0.5 },
  image: { width: 56, height: 56, borderRadius: 8 },
  words: { flex: 1, gap: 2 },
  bar: { padding: spacing.md, borderTopWidth: StyleSheet.hairlineWidth },
});
