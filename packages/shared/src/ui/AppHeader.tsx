import { StyleSheet, Text, View } from 'react-native';
import { radius, spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface AppHeaderProps {
  /** Which app this is, e.g. "For shop owners". */
  subtitle: string;
}

/** The KupwaraCart brand mark with a line saying which app the user is in. */
export function AppHeader({ subtitle }: AppHeaderProps) {
  const { colors } = useTheme();
  return (
    <View style={styles.row}>
      <View aria-hidden style={[styles.mark, { backgroundColor: colors.accent }]}>
        <Text style={[styles.markLetter, { color: colors.onAccent }]}>K</Text>
      </View>
      <View style={styles.words}>
        <Text style={[styles.wordmark, { color: colors.primary }]}>
          Kupwara<Text style={{ color: colors.accent }}>Cart</Text>
        </Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{subtitle}</Text>
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.md },
  mark: {
    width: 44,
    height: 44,
    borderRadius: radius.md,
    alignItems: 'center',
    justifyContent: 'center',
  },
  markLetter: { fontSize: 24, lineHeight: 28, fontWeight: '800' },
  words: { flexShrink: 1 },
  wordmark: { ...typeScale.title, letterSpacing: -0.3 },
});
