import { SignOutButton, useServices, useUnreadCount } from '@kupwara/shared/app';
import { Card, CountPill, Screen, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { router } from 'expo-router';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { useStore } from 'zustand';
import { messages } from '../../messages';
import { useMe } from './queries';

const words = messages.more;

/** The rider's profile, what they were told, and signing out. */
export function MoreScreen() {
  const { colors } = useTheme();
  const { session } = useServices();
  const signedIn = useStore(session.store, (state) => state.session?.user);
  const fresh = useMe();
  // The server's answer when there is one (the vehicle may have changed); the session's meanwhile.
  const me = fresh.data ?? signedIn;
  const vehicle = me?.rider?.vehicle_type;
  const unread = useUnreadCount();
  return (
    <Screen title={words.title} back={false}>
      <ScrollView contentContainerStyle={styles.content}>
        <Card>
          <Text role="heading" aria-level={2} style={[typeScale.caption, { color: colors.textMuted }]}>
            {words.profile}
          </Text>
          <Text style={[typeScale.title, { color: colors.text }]}>{me?.name}</Text>
          <Text style={[typeScale.body, { color: colors.textMuted }]}>{me?.phone}</Text>
          {vehicle ? (
            <Text style={[typeScale.body, { color: colors.text }]}>
              {words.vehicle(messages.auth.vehicles[vehicle])}
            </Text>
          ) : null}
        </Card>
        <Card
          onPress={() => router.push('/notifications')}
          accessibilityLabel={unread > 0 ? words.notificationsWithUnread(unread) : words.notifications}
        >
          <View style={styles.link}>
            <View style={styles.grow}>
              <Text style={[typeScale.label, { color: colors.text }]}>{words.notifications}</Text>
              <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.notificationsHint}</Text>
            </View>
            <CountPill count={unread} />
            <Text style={[typeScale.title, { color: colors.primary }]}>›</Text>
          </View>
        </Card>
        <SignOutButton unsent={words.unsent} onSignedOut={() => router.replace('/login')} />
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
  link: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
});
