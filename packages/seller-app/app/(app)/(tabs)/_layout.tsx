import { useUnreadCount } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { CountedTabLabel, EmptyState, useTheme } from '@kupwara/shared/ui';
import { awaitsAnswer } from '@kupwara/shared/values';
import { Redirect, Tabs } from 'expo-router';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { useIncoming } from '../../../src/features/incoming/IncomingOrders';
import { useMyShop } from '../../../src/features/shop/queries';
import { ShopStatusSwitch } from '../../../src/features/shop/ShopStatusSwitch';
import { messages } from '../../../src/messages';

const words = messages.tabs;

/** The shop's five tabs, once the seller has a shop (a new seller sets one up first). */
export default function ShopTabs() {
  const { colors } = useTheme();
  const shop = useMyShop();
  const waiting = useIncoming().orders.data?.items.filter((order) => awaitsAnswer(order.status)).length ?? 0;
  const unread = useUnreadCount();
  if (shop.error instanceof ApiError && shop.error.status === 404) return <Redirect href="/setup" />;
  if (!shop.data) {
    return shop.isError ? (
      <EmptyState
        title={messages.shopGate.failed}
        message={shop.error.message}
        action={{ title: messages.shopGate.retry, onPress: () => void shop.refetch() }}
      />
    ) : (
      <View style={{ flex: 1, alignItems: 'center', justifyContent: 'center' }}>
        <ActivityIndicator accessibilityLabel={messages.shopGate.loading} />
      </View>
    );
  }
  return (
    <View style={styles.root}>
      {/* The open/closed switch and busy mode, above every tab. */}
      <SafeAreaView edges={['top', 'left', 'right']} style={{ backgroundColor: colors.surface }}>
        <ShopStatusSwitch />
      </SafeAreaView>
      <Tabs
        screenOptions={{
          headerShown: false,
          tabBarActiveTintColor: colors.primary,
          tabBarInactiveTintColor: colors.textMuted,
          tabBarStyle: { backgroundColor: colors.surface, borderTopColor: colors.border, height: 56 },
          // Words, not pictures: a label is clear to everyone and there is no icon font to ship.
          tabBarIconStyle: { display: 'none' },
          tabBarLabelPosition: 'beside-icon',
          tabBarLabel: ({ children, color }) => <Text style={[styles.label, { color }]}>{children}</Text>,
          tabBarItemStyle: { justifyContent: 'center', minHeight: 48, paddingHorizontal: 0 },
        }}
      >
        <Tabs.Screen
          name="index"
          options={{
            title: words.orders,
            // The tab bar shows words, not icons, so the count of new orders sits beside the word.
            tabBarLabel: ({ children, color }) => (
              <CountedTabLabel color={color} count={waiting} style={styles.label}>
                {children}
              </CountedTabLabel>
            ),
            tabBarAccessibilityLabel: waiting > 0 ? messages.orders.tabWithNew(waiting) : words.orders,
          }}
        />
        <Tabs.Screen name="inventory" options={{ title: words.inventory }} />
        <Tabs.Screen name="insights" options={{ title: words.insights }} />
        <Tabs.Screen name="shop" options={{ title: words.shop }} />
        <Tabs.Screen
          name="more"
          options={{
            title: words.more,
            // The notifications live on the More tab: their unread count sits beside its word.
            tabBarLabel: ({ children, color }) => (
              <CountedTabLabel color={color} count={unread} style={styles.label} testID="more-unread">
                {children}
              </CountedTabLabel>
            ),
            tabBarAccessibilityLabel: unread > 0 ? words.moreWithUnread(unread) : words.more,
          }}
        />
      </Tabs>
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  label: { fontSize: 14, fontWeight: '600' },
});
