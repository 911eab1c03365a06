import { NotificationList, SignOutButton, useServices } from '@kupwara/shared/app';
import { Card, Screen, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { router } from 'expo-router';
import type { ReactElement } from 'react';
import { StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useStore } from 'zustand';
import { messages } from '../../messages';
import { leadsTo } from '../notifications/leads-to';
import { useMyShop } from '../shop/queries';

const words = messages.more;

/** Side by side from this width: the profile in a column of its own beside the notifications. */
const WIDE = 768;

/** The seller's profile, what they are owed, what they were told (each opens its order) and signing out. */
export function MoreScreen() {
  const wide = useWindowDimensions().width >= WIDE;
  const list = (header?: ReactElement) => (
    <NotificationList words={messages.notifications} header={header} leadsTo={leadsTo} />
  );
  return (
    <Screen title={words.title} back={false}>
      {wide ? (
        <View style={styles.columns}>
          <View style={styles.side}>
            <Profile />
          </View>
          <View style={styles.grow}>{list(<NotificationsHeading />)}</View>
        </View>
      ) : (
        list(
          <View style={styles.gap}>
            <Profile />
            <NotificationsHeading />
          </View>,
        )
      )}
    </Screen>
  );
}

function Profile() {
  const { colors } = useTheme();
  const { session } = useServices();
  const me = useStore(session.store, (state) => state.session?.user);
  const shop = useMyShop();
  return (
    <View style={styles.gap}>
      <Card>
        <Text role="heading" aria-level={2} style={[typeScale.caption, { color: colors.textMuted }]}>
          {words.profile}
        </Text>
        <Text style={[typeScale.title, { color: colors.text }]}>{me?.name}</Text>
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{me?.phone}</Text>
        {shop.data ? (
          <Text style={[typeScale.body, { color: colors.text }]}>
            {words.shop}: {shop.data.name}
          </Text>
        ) : null}
      </Card>
      <Card onPress={() => router.push('/payouts')} accessibilityLabel={`${words.payouts}: ${words.payoutsHint}`}>
        <View style={styles.link}>
          <View style={styles.grow}>
            <Text style={[typeScale.label, { color: colors.text }]}>{words.payouts}</Text>
            <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.payoutsHint}</Text>
          </View>
          <Text style={[typeScale.title, { color: colors.primary }]}>›</Text>
        </View>
      </Card>
      <SignOutButton onSignedOut={() => router.replace('/login')} />
    </View>
  );
}

function NotificationsHeading() {
  const { colors } = useTheme();
  return (
    <Text role="heading" aria-level={2} style={[typeScale.label, styles.heading, { color: colors.text }]}>
      {words.notifications}
    </Text>
  );
}

const styles = StyleSheet.create({
  columns: { flex: 1, flexDirection: 'row' },
  side: { width: 340, padding: spacing.md },
  grow: { flex: 1 },
  gap: { gap: spacing.md },
  link: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  heading: { marginTop: spacing.sm, marginBottom: spacing.sm },
});
