import { useOnline, useQueuedActions, useServices } from '@kupwara/shared/app';
import { OfflineBanner, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { router } from 'expo-router';
import type { ReactNode } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';

/** A screen: its title (with a way back), the offline banner, then its content. */
export function Screen({
  title,
  back = true,
  right,
  children,
}: {
  title: string;
  back?: boolean;
  right?: ReactNode;
  children: ReactNode;
}) {
  const { colors } = useTheme();
  const { connectivity, queue } = useServices();
  const online = useOnline(connectivity);
  const pending = useQueuedActions(queue).filter((action) => action.status === 'pending').length;
  return (
    <SafeAreaView style={[styles.screen, { backgroundColor: colors.background }]} edges={['top', 'left', 'right']}>
      <View style={[styles.bar, { borderBottomColor: colors.border }]}>
        {back ? (
          <Pressable
            accessibilityRole="button"
            accessibilityLabel="Back"
            onPress={() => (router.canGoBack() ? router.back() : router.replace('/'))}
            style={styles.back}
          >
            <Text style={[typeScale.title, { color: colors.primary }]}>‹</Text>
          </Pressable>
        ) : null}
        <Text
          role="heading"
          aria-level={1}
          numberOfLines={1}
          style={[typeScale.title, styles.title, { color: colors.text }]}
        >
          {title}
        </Text>
        {right}
      </View>
      <OfflineBanner offline={!online} pending={pending} />
      <View style={styles.body}>{children}</View>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1 },
  bar: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    paddingHorizontal: spacing.md,
    minHeight: 56,
    borderBottomWidth: StyleSheet.hairlineWidth,
  },
  back: { minWidth: 48, minHeight: 48, alignItems: 'center', justifyContent: 'center', marginLeft: -spacing.sm },
  title: { flex: 1 },
  body: { flex: 1 },
});
