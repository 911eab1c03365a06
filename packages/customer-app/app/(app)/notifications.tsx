import type { Notification } from '@kupwara/shared';
import { Card, EmptyState, Skeleton, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { router } from 'expo-router';
import { FlatList, RefreshControl, StyleSheet, Text } from 'react-native';
import { messages } from '../../src/messages';
import { useNotifications } from '../../src/queries';
import { Screen } from '../../src/Screen';
import { clockTime } from '../../src/time';

const words = messages.notifications;

/** What the customer was told about their orders; each opens its order. */
export default function Notifications() {
  const notifications = useNotifications();
  return (
    <Screen title={words.title}>
      {notifications.isPending ? (
        <Skeleton lines={4} height={56} />
      ) : (
        <FlatList
          data={notifications.data?.items ?? []}
          keyExtractor={(item) => item.id}
          contentContainerStyle={styles.list}
          refreshControl={
            <RefreshControl refreshing={notifications.isRefetching} onRefresh={() => notifications.refetch()} />
          }
          ListEmptyComponent={<EmptyState title={words.empty} message={words.emptyHint} />}
          renderItem={({ item }) => <Row notification={item} />}
        />
      )}
    </Screen>
  );
}

function Row({ notification }: { notification: Notification }) {
  const { colors } = useTheme();
  const orderId = typeof notification.data.order_id === 'string' ? notification.data.order_id : undefined;
  return (
    <Card onPress={orderId ? () => router.push(`/orders/${orderId}`) : undefined}>
      <Text style={[typeScale.label, { color: colors.text }]}>{notification.title}</Text>
      <Text style={[typeScale.body, { color: colors.text }]}>{notification.body}</Text>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>{clockTime(notification.created_at)}</Text>
    </Card>
  );
}

const styles = StyleSheet.create({ list: { padding: spacing.md, gap: spacing.sm } });
