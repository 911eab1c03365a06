import type { Order } from '@kupwara/shared';
import { Badge, formatPaise, radius, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';

const words = messages.order;

export interface PickListProps {
  items: Order['items'];
  /** Product ids ticked off. */
  picked: readonly string[];
  onToggle: (productId: string) => void;
}

/** The order's lines to put in the bag, each a tick box with its quantity large, and how many are done. */
export function PickList({ items, picked, onToggle }: PickListProps) {
  const { colors } = useTheme();
  const done = items.filter((item) => picked.includes(item.product_id)).length;
  return (
    <View style={styles.list}>
      <View style={styles.heading}>
        <Text role="heading" style={[typeScale.title, styles.grow, { color: colors.text }]}>
          {words.lines}
        </Text>
        <Badge
          label={done === items.length ? words.allPicked : words.picked(done, items.length)}
          tone={done === items.length ? 'success' : 'neutral'}
        />
      </View>
      {items.map((item) => {
        const checked = picked.includes(item.product_id);
        return (
          <Pressable
            key={item.product_id}
            role="checkbox"
            accessibilityRole="checkbox"
            accessibilityState={{ checked }}
            aria-checked={checked}
            accessibilityLabel={words.tick(item.quantity, item.unit, item.name)}
            onPress={() => onToggle(item.product_id)}
            style={[
              styles.line,
              { borderColor: checked ? colors.success : colors.border, backgroundColor: colors.surface },
            ]}
          >
            <View
              style={[
                styles.box,
                {
                  borderColor: checked ? colors.success : colors.outline,
                  backgroundColor: checked ? colors.success : 'transparent',
                },
              ]}
            >
              {checked ? <Text style={[styles.tick, { color: colors.onSuccess }]}>✓</Text> : null}
            </View>
            <Text style={[typeScale.display, styles.quantity, { color: colors.text }]}>{item.quantity}×</Text>
            <View style={styles.grow}>
              <Text
                style={[typeScale.label, { color: colors.text, textDecorationLine: checked ? 'line-through' : 'none' }]}
              >
                {item.name}
              </Text>
              <Text style={[typeScale.caption, { color: colors.textMuted }]}>
                {item.unit} · {words.each(formatPaise(item.unit_price_paise))}
              </Text>
            </View>
            <Text style={[typeScale.label, { color: colors.text }]}>{formatPaise(item.line_total_paise)}</Text>
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: spacing.sm },
  heading: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
  line: {
    minHeight: 64,
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    borderWidth: 1.5,
    borderRadius: radius.md,
  },
  box: {
    width: 32,
    height: 32,
    borderWidth: 2,
    borderRadius: radius.sm,
    alignItems: 'center',
    justifyContent: 'center',
  },
  tick: { fontSize: 20, lineHeight: 24, fontWeight: '700' },
  quantity: { minWidth: 48 },
});
