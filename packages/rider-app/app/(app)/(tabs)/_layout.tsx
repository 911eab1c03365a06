import { useUnreadCount } from '@kupwara/shared/app';
import { CountedTabLabel, useTheme } from '@kupwara/shared/ui';
import { Tabs } from 'expo-router';
import { StyleSheet, Text } from 'react-native';
import { messages } from '../../../src/messages';

const words = messages.tabs;

/** The rider's four tabs: work (online, offers, the delivery under way), earnings, history, more. */
export default function RiderTabs() {
  const { colors } = useTheme();
  const unread = useUnreadCount();
  return (
    <Tabs
      screenOptions={{
        headerShown: false,
        tabBarActiveTintColor: colors.primary,
        tabBarInactiveTintColor: colors.textMuted,
        tabBarStyle: { backgroundColor: colors.surface, borderTopColor: colors.border, height: 60 },
        // Words, not pictures: a label is clear to everyone and there is no icon font to ship.
        tabBarIconStyle: { display: 'none' },
        tabBarLabelPosition: 'beside-icon',
        tabBarLabel: ({ children, color }) => <Text style={[styles.label, { color }]}>{children}</Text>,
        tabBarItemStyle: { justifyContent: 'center', minHeight: 56, paddingHorizontal: 0 },
      }}
    >
      <Tabs.Screen name="index" options={{ title: words.work }} />
      <Tabs.Screen name="earnings" options={{ title: words.earnings }} />
      <Tabs.Screen name="history" options={{ title: words.history }} />
      <Tabs.Screen
        name="more"
        options={{
          title: words.more,
          // The notifications open from the More tab: their unread count sits beside its word.
          tabBarLabel: ({ children, color }) => (
            <CountedTabLabel color={color} count={unread} style={styles.label} testID="more-unread">
              {children}
            </CountedTabLabel>
          ),
          tabBarAccessibilityLabel: unread > 0 ? words.moreWithUnread(unread) : words.more,
        }}
      />
    </Tabs>
  );
}

const styles = StyleSheet.create({
  label: { fontSize: 15, fontWeight: '700' },
});
