import { type Href, router } from 'expo-router';
import { FlatList, RefreshControl, StyleSheet, Text } from 'react-native';
import type { Notification } from '../contract/notifications';
import { Card } from '../ui/Card';
import { formatClockTimeWithDay } from '../ui/clock-time';
import { EmptyState } from '../ui/EmptyState';
import { Screen } from '../ui/Screen';
import { Skeleton } from '../ui/Skeleton';
import { spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';
import { useNotifications } from './queries';

export interface NotificationsScreenProps {
  words: { title: string; empty: string; emptyHint: string };
  /** Where tapping a notification goes in this app (nowhere: undefined). */
  leadsTo: (notification: Notification) => Href | undefined;
}

/** What the signed-in person was told, newest first; each opens what it is about. */
export function NotificationsScreen({ words, leadsTo }: NotificationsScreenProps) {
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
          renderItem={({ item }) => <Row notification={item} href={leadsTo(item)} />}
        />
      )}
    </Screen>
  );
}

function Row({ notification, href }: { notification: Notification; href: Href | undefined }) {
  const { colors } = useTheme();
  return (
    <Card onPress={href ? () => router.push(href) : undefined}>
      <Text style={[typeScale.label, { color: colors.text }]}>{notification.title}</Text>
      <Text style={[typeScale.body, { color: colors.text }]}>{notification.body}</Text>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>
        {formatClockTimeWithDay(notification.created_at)}
      </Text>
    </Card>
  );
}

const styles = StyleSheet.create({ list: { padding: spacing.md, gap: spacing.sm } });
