import type { NearbyStore } from '@kupwara/shared';
import {
  Badge,
  Card,
  Chip,
  ChipRow,
  EmptyState,
  formatClockTime,
  formatClockTimeWithDay,
  formatPaise,
  Input,
  Screen,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
  useTimePassed,
} from '@kupwara/shared/ui';
import { Link, router } from 'expo-router';
import { useState } from 'react';
import { FlatList, Pressable, RefreshControl, StyleSheet, Text, View } from 'react-native';
import { useStore } from 'zustand';
import { useCustomerStores } from '../../src/features/customer-stores';
import { messages } from '../../src/messages';
import { useCategories, useNearbyStores } from '../../src/queries';

const words = messages.home;

export default function Home() {
  const { colors } = useTheme();
  const { place } = useCustomerStores();
  const chosen = useStore(place.store, (state) => state.place);
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string>();
  const stores = useNearbyStores(chosen, q, category);
  const categories = useCategories();
  const links = (
    <View style={styles.links}>
      <Link href="/orders" style={[typeScale.label, styles.link, { color: colors.primary }]}>
        {words.orders}
      </Link>
      <Link href="/profile" style={[typeScale.label, styles.link, { color: colors.primary }]}>
        {words.profile}
      </Link>
    </View>
  );

  return (
    <Screen title={words.title} back={false} right={links}>
      <View style={styles.top}>
        <Pressable accessibilityRole="button" onPress={() => router.push('/place')} style={styles.place}>
          <Text numberOfLines={1} style={[typeScale.label, { color: colors.primary }]}>
            {chosen ? words.deliverTo(chosen.label) : words.choosePlace} ›
          </Text>
        </Pressable>
        {chosen ? <Input label={words.search} value={q} onChangeText={setQ} returnKeyType="search" /> : null}
        {chosen && categories.data?.items.length ? (
          <ChipRow testID="category-chips">
            {[{ slug: undefined, name: words.all }, ...categories.data.items].map((item) => (
              <Chip
                key={item.slug ?? 'all'}
                label={item.name}
                selected={category === item.slug}
                onPress={() => setCategory(item.slug)}
              />
            ))}
          </ChipRow>
        ) : null}
      </View>
      {!chosen ? (
        <EmptyState
          title={words.choosePlace}
          message="We show the shops that deliver where you are."
          action={{ title: words.choosePlace, onPress: () => router.push('/place') }}
        />
      ) : stores.isPending ? (
        <Skeleton lines={4} height={72} />
      ) : stores.isError && !stores.data ? (
        <EmptyState
          title={messages.loadFailed}
          message={stores.error.message}
          action={{ title: messages.retry, onPress: () => stores.refetch() }}
        />
      ) : (
        <FlatList
          data={stores.data?.items ?? []}
          keyExtractor={(store) => store.id}
          contentContainerStyle={styles.list}
          refreshControl={<RefreshControl refreshing={stores.isRefetching} onRefresh={() => stores.refetch()} />}
          ListEmptyComponent={<EmptyState title={words.empty} message={words.emptyHint} />}
          renderItem={({ item }) => <StoreRow store={item} />}
        />
      )}
    </Screen>
  );
}

function StoreRow({ store }: { store: NearbyStore }) {
  const { colors } = useTheme();
  const open = store.is_open_now && store.is_accepting_orders;
  const lifted = useTimePassed(store.paused_until);
  const paused = open && !lifted && store.paused_until ? words.paused(formatClockTime(store.paused_until)) : null;
  const status =
    paused ?? (open ? words.open : words.closed(store.opens_at ? formatClockTimeWithDay(store.opens_at) : null));
  return (
    <Card onPress={() => router.push(`/stores/${store.id}`)} accessibilityLabel={`${store.name}, ${status}`}>
      <View style={styles.row}>
        <Text style={[typeScale.label, styles.name, { color: colors.text }]} numberOfLines={1}>
          {store.name}
        </Text>
        <Badge label={status} tone={paused ? 'warning' : open ? 'success' : 'neutral'} />
      </View>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>
        {words.away(store.distance_m, store.eta_minutes)} · {formatPaise(store.delivery_fee_paise)} {words.fee}
        {store.rating.count > 0 ? ` · ★ ${store.rating.average.toFixed(1)}` : ''}
      </Text>
      {store.categories.length > 0 ? (
        <Text style={[typeScale.caption, { color: colors.textMuted }]} numberOfLines={1}>
          {store.categories.join(' · ')}
        </Text>
      ) : null}
    </Card>
  );
}

const styles = StyleSheet.create({
  top: { padding: spacing.md, gap: spacing.sm },
  place: { minHeight: 48, justifyContent: 'center' },
  links: { flexDirection: 'row', gap: spacing.sm },
  link: { paddingVertical: spacing.sm },
  list: { padding: spacing.md, gap: spacing.sm },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  name: { flex: 1 },
});
