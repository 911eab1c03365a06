import { type Href, router } from 'expo-router';
import type { ReactElement } from 'react';
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

export interface NotificationListProps {
  words: { empty: string; emptyHint: string };
  /** Where tapping a notification goes in this app (nowhere: undefined). */
  leadsTo: (notification: Notification) => Href | undefined;
  /** Scrolls above the notifications, e.g. the seller's profile on the More tab. */
  header?: ReactElement;
}

/** What the signed-in person was told, newest first; each opens what it is about. */
export function NotificationList({ words, leadsTo, header }: NotificationListProps) {
  const notifications = useNotifications();
  return (
    <FlatList
      data={notifications.data?.items ?? []}
      keyExtractor={(item) => item.id}
      contentContainerStyle={styles.list}
      refreshControl={
        <RefreshControl refreshing={notifications.isRefetching} onRefresh={() => notifications.refetch()} />
      }
      ListHeaderComponent={header}
      ListEmptyComponent={
        notifications.isPending ? (
          <Skeleton lines={4} height={56} />
        ) : (
          <EmptyState title={words.empty} message={words.emptyHint} />
        )
      }
      renderItem={({ item }) => <Row notification={item} href={leadsTo(item)} />}
    />
  );
}

export interface NotificationsScreenProps extends Omit<NotificationListProps, 'header'> {
  words: NotificationListProps['words'] & { title: string };
}

/** The notifications as a screen of their own. */
export function NotificationsScreen({ words, leadsTo }: NotificationsScreenProps) {
  return (
    <Screen title={words.title}>
      <NotificationList words={words} leadsTo={leadsTo} />
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
