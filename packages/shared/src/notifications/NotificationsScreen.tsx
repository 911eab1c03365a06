import { type Href, router } from 'expo-router';
import type { ReactElement } from 'react';
import { FlatList, RefreshControl, StyleSheet, Text, View } from 'react-native';
import type { Notification } from '../contract/notifications';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { formatClockTimeWithDay } from '../ui/clock-time';
import { EmptyState } from '../ui/EmptyState';
import { Screen } from '../ui/Screen';
import { Skeleton } from '../ui/Skeleton';
import { radius, spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';
import type { LeadsTo } from './push';
import { useMarkRead, useNotifications } from './queries';
import { usePushPermission } from './use-push';

/** The list's words, from the app's catalog. */
export interface NotificationWords {
  empty: string;
  emptyHint: string;
  /** Read out before an unread one's title. */
  unread: string;
  unreadCount: (count: number) => string;
  markAllRead: string;
  /** One line where the notifications live when the phone does not let the app show pushes. */
  pushOff: string;
}

export interface NotificationListProps {
  words: NotificationWords;
  /** Where tapping a notification goes in this app (nowhere: undefined). */
  leadsTo: LeadsTo;
  /** Scrolls above the notifications, e.g. the seller's profile on the More tab. */
  header?: ReactElement;
}

/** What the signed-in person was told, newest first, unread ones marked; each opens what it is about. */
export function NotificationList({ words, leadsTo, header }: NotificationListProps) {
  const { colors } = useTheme();
  const notifications = useNotifications();
  const { markRead, markAllRead } = useMarkRead();
  const permission = usePushPermission();
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unread_count ?? 0;
  const newest = items[0];
  return (
    <FlatList
      data={items}
      keyExtractor={(item) => item.id}
      contentContainerStyle={styles.list}
      refreshControl={
        <RefreshControl refreshing={notifications.isRefetching} onRefresh={() => notifications.refetch()} />
      }
      ListHeaderComponent={
        <View style={styles.top}>
          {header}
          {permission === 'denied' ? (
            <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.pushOff}</Text>
          ) : null}
          {unread > 0 && newest ? (
            <View style={styles.unreadBar}>
              <Text style={[typeScale.label, styles.grow, { color: colors.text }]}>{words.unreadCount(unread)}</Text>
              <Button variant="secondary" title={words.markAllRead} onPress={() => void markAllRead(newest.id)} />
            </View>
          ) : null}
        </View>
      }
      ListEmptyComponent={
        notifications.isPending ? (
          <Skeleton lines={4} height={56} />
        ) : (
          <EmptyState title={words.empty} message={words.emptyHint} />
        )
      }
      renderItem={({ item }) => (
        <Row
          notification={item}
          href={leadsTo(item)}
          unreadWord={words.unread}
          onOpen={() => {
            if (!item.read_at) void markRead([item.id]);
          }}
        />
      )}
    />
  );
}

export interface NotificationsScreenProps extends Omit<NotificationListProps, 'header'> {
  words: NotificationWords & { title: string };
}

/** The notifications as a screen of their own. */
export function NotificationsScreen({ words, leadsTo }: NotificationsScreenProps) {
  return (
    <Screen title={words.title}>
      <NotificationList words={words} leadsTo={leadsTo} />
    </Screen>
  );
}

function Row({
  notification,
  href,
  unreadWord,
  onOpen,
}: {
  notification: Notification;
  href: Href | undefined;
  unreadWord: string;
  onOpen: () => void;
}) {
  const { colors } = useTheme();
  const unread = !notification.read_at;
  const when = formatClockTimeWithDay(notification.created_at);
  return (
    <Card
      onPress={
        href
          ? () => {
              onOpen();
              router.push(href);
            }
          : undefined
      }
      // Said first, so a screen reader tells an unread one apart as the eye does by the dot.
      accessibilityLabel={unread ? `${unreadWord}, ${notification.title}, ${notification.body}, ${when}` : undefined}
      style={unread ? { borderColor: colors.primary } : undefined}
    >
      <View style={styles.titleRow}>
        {unread ? (
          <View role="img" aria-label={unreadWord} style={[styles.dot, { backgroundColor: colors.primary }]} />
        ) : null}
        <Text style={[typeScale.label, unread ? styles.unreadTitle : styles.readTitle, { color: colors.text }]}>
          {notification.title}
        </Text>
      </View>
      <Text style={[typeScale.body, { color: colors.text }]}>{notification.body}</Text>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>{when}</Text>
    </Card>
  );
}

const styles = StyleSheet.create({
  list: { padding: spacing.md, gap: spacing.sm },
  top: { gap: spacing.sm },
  unreadBar: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
  titleRow: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  dot: { width: 10, height: 10, borderRadius: radius.pill },
  unreadTitle: { fontWeight: '800', flexShrink: 1 },
  readTitle: { fontWeight: '400', flexShrink: 1 },
});
