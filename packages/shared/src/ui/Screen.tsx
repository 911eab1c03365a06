import { router } from 'expo-router';
import type { ReactNode } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { useOnline, useQueuedActions } from '../offline/hooks';
import { useServices } from '../providers';
import { messages } from './messages';
import { OfflineBanner } from './OfflineBanner';
import { spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface ScreenProps {
  title: string;
  /** A way back (to the app's start when there is nothing behind); off on the start screen. */
  back?: boolean;
  /** Beside the title, e.g. links to other screens. */
  right?: ReactNode;
  children: ReactNode;
}

/** A screen of a signed-in app: its title (with a way back), the offline banner, then its content. */
export function Screen({ title, back = true, right, children }: ScreenProps) {
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
            accessibilityLabel={messages.back}
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
