import { type ColorValue, type StyleProp, StyleSheet, Text, type TextStyle, View } from 'react-native';
import { useTheme } from './use-theme';

/**
 * A small count beside a word (a tab, a link): new orders, unread notifications. Nothing at zero.
 * The tab or link says the count in its own accessible label; the pill is only for the eye.
 */
export function CountPill({ count, testID }: { count: number; testID?: string }) {
  const { colors } = useTheme();
  if (count <= 0) return null;
  return (
    <View testID={testID} aria-hidden style={[styles.count, { backgroundColor: colors.danger }]}>
      <Text style={[styles.countText, { color: colors.onDanger }]}>{count > 99 ? '99+' : count}</Text>
    </View>
  );
}

/** A tab's word with its count beside it: the tab bars show words, not icons. */
export function CountedTabLabel(props: {
  children: string;
  color: ColorValue;
  count: number;
  style: StyleProp<TextStyle>;
  testID?: string;
}) {
  return (
    <View style={styles.labelRow}>
      <Text style={[props.style, { color: props.color }]}>{props.children}</Text>
      <CountPill count={props.count} testID={props.testID} />
    </View>
  );
}

const styles = StyleSheet.create({
  labelRow: { flexDirection: 'row', alignItems: 'center', gap: 3 },
  // Small enough that a tab's word and its count fit a fifth of a 360 px phone.
  count: {
    minWidth: 18,
    height: 18,
    borderRadius: 9,
    paddingHorizontal: 4,
    alignItems: 'center',
    justifyContent: 'center',
  },
  countText: { fontSize: 11, lineHeight: 14, fontWeight: '700' },
});
