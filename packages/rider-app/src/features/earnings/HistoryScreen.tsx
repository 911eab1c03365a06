import type { OrderSummary } from '@kupwara/shared';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  formatPaise,
  messages as kit,
  Screen,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { FlashList } from '@shopify/flash-list';
import { router } from 'expo-router';
import type { ReactNode } from 'react';
import { RefreshControl, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { useDeliveryHistory } from './queries';
import { dayTitle, townClock, townDay } from './town-time';
import { useRefreshOnFocus } from './use-refresh-on-focus';

const words = messages.history;

/** Every delivery the rider has made, newest first, a page at a time as the rider scrolls. */
export function HistoryScreen() {
  const history = useDeliveryHistory();
  useRefreshOnFocus(history.refetch);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];

  let body: ReactNode;
  if (history.isPending) {
    body = (
      <View accessibilityLabel={words.loading} style={styles.list}>
        <Skeleton lines={5} height={72} />
      </View>
    );
  } else if (history.isError && items.length === 0) {
    body = (
      <EmptyState
        title={words.failed}
        message={history.error.message}
        action={{ title: words.retry, onPress: () => history.refetch() }}
      />
    );
  } else {
    const now = new Date();
    body = (
      <FlashList
        testID="history-list"
        data={items}
        keyExtractor={(order) => order.id}
        renderItem={({ item }) => <HistoryRow order={item} now={now} />}
        ItemSeparatorComponent={Separator}
        contentContainerStyle={styles.list}
        onEndReachedThreshold={2}
        onEndReached={() => {
          if (history.hasNextPage && !history.isFetchingNextPage && !history.isFetchNextPageError)
            void history.fetchNextPage();
        }}
        refreshControl={<RefreshControl refreshing={history.isRefetching} onRefresh={() => history.refetch()} />}
        ListEmptyComponent={<EmptyState title={words.empty} message={words.emptyHint} />}
        ListFooterComponent={
          history.isFetchingNextPage ? (
            <View accessibilityLabel={words.loadingMore} style={styles.footer}>
              <Skeleton lines={2} height={72} />
            </View>
          ) : history.isFetchNextPageError ? (
            <FailedMore onRetry={() => history.fetchNextPage()} />
          ) : null
        }
      />
    );
  }

  return (
    <Screen title={words.title} back={false}>
      {body}
    </Screen>
  );
}

/** One finished delivery; it opens the delivery, which shows how it ended. */
function HistoryRow({ order, now }: { order: OrderSummary; now: Date }) {
  const { colors } = useTheme();
  // When it ended: its last change, as nothing moves a finished order on.
  const when = `${dayTitle(townDay(order.updated_at), now, messages.earnings.days)} ${townClock(order.updated_at)}`;
  const items = words.items(order.item_count);
  const total = formatPaise(order.total_paise);
  const ended = order.status === 'DELIVERED' ? null : kit.orderStatus[order.status];
  return (
    <Card
      onPress={() => router.push(`/delivery/${order.id}`)}
      accessibilityLabel={words.row(when, order.store.name, items, total, ended)}
    >
      <View style={styles.top}>
        <Text style={[typeScale.caption, styles.grow, { color: colors.textMuted }]}>{when}</Text>
        {ended ? <Badge label={ended} tone="danger" /> : null}
      </View>
      <View style={styles.top}>
        <Text numberOfLines={1} style={[typeScale.label, styles.grow, { color: colors.text }]}>
          {order.store.name}
        </Text>
        <Text style={[typeScale.label, { color: colors.text }]}>{total}</Text>
      </View>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>{items}</Text>
    </Card>
  );
}

function FailedMore({ onRetry }: { onRetry: () => void }) {
  const { colors } = useTheme();
  return (
    <View style={styles.footer}>
      <Text role="alert" style={[typeScale.body, { color: colors.danger }]}>
        {words.failedMore}
      </Text>
      <Button variant="secondary" title={words.retry} onPress={onRetry} />
    </View>
  );
}

const Separator = () => <View style={styles.separator} />;

const styles = StyleSheet.create({
  list: { padding: spacing.md },
  separator: { height: spacing.sm },
  footer: { paddingTop: spacing.md, gap: spacing.sm },
  top: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
});
