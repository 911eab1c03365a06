import type { Product } from '@kupwara/shared';
import { Badge, formatPaise, minTouchTarget, radius, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { Image } from 'expo-image';
import { memo } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';

const words = messages.inventory;

export interface ProductRowProps {
  product: Product;
  /** An edit of it is waiting to be sent. */
  pending: boolean;
  onOpen(product: Product): void;
  onEdit(product: Product, changes: { is_available?: boolean; stock?: number }): void;
  /** The count was tapped: type a new one. */
  onCount(product: Product): void;
}

/** Switched back on: on sale again, with one on the shelf if the count had run out (the stepper sets the rest). */
export const backInStock = (product: Product) => ({ is_available: true, ...(product.stock === 0 ? { stock: 1 } : {}) });

/** The smallest picture sharp at 56 points on a 2× screen. */
export function thumbnail(product: Product) {
  const variants = [...(product.images[0]?.variants ?? [])].sort((a, b) => a.width - b.width);
  return variants.find((variant) => variant.width >= 112) ?? variants.at(-1);
}

/** One product: photo, name, price, stock with − and +, and the in-stock switch, each one tap. */
export const ProductRow = memo(function ProductRow({ product, pending, onOpen, onEdit, onCount }: ProductRowProps) {
  const { colors } = useTheme();
  const image = thumbnail(product);
  // Customers can order it: on sale, and some left.
  const inStock = product.is_available && product.stock > 0;
  const open = () => onOpen(product);
  return (
    <View style={[styles.row, { borderBottomColor: colors.border }]}>
      <Pressable accessibilityRole="button" accessibilityLabel={words.edit(product.name)} onPress={open}>
        {image ? (
          <Image source={{ uri: image.url }} style={styles.photo} contentFit="cover" />
        ) : (
          <View style={[styles.photo, { backgroundColor: colors.skeleton }]} />
        )}
      </Pressable>
      <View style={styles.middle}>
        {/* The name opens the editor too; hidden from screen readers, which have the photo's button. */}
        <Pressable accessible={false} onPress={open} style={styles.words}>
          <Text numberOfLines={1} style={[typeScale.label, { color: colors.text }]}>
            {product.name}
          </Text>
          <View style={styles.line}>
            <Text numberOfLines={1} style={[typeScale.caption, styles.price, { color: colors.textMuted }]}>
              {`${formatPaise(product.price_paise)} · ${product.unit}`}
            </Text>
            {pending ? <Badge label={words.waiting} tone="warning" /> : null}
            {!product.is_visible ? <Badge label={words.hidden} /> : null}
          </View>
        </Pressable>
        <View style={styles.stepper}>
          <StepButton
            label={words.less(product.name)}
            text="−"
            disabled={product.stock === 0}
            onPress={() => onEdit(product, { stock: product.stock - 1 })}
          />
          <Pressable
            accessibilityRole="button"
            accessibilityLabel={words.count(product.name, product.stock)}
            onPress={() => onCount(product)}
            style={[styles.count, { borderColor: colors.border }]}
          >
            <Text style={[typeScale.label, { color: colors.text }]}>{product.stock}</Text>
          </Pressable>
          <StepButton
            label={words.more(product.name)}
            text="+"
            onPress={() => onEdit(product, { stock: product.stock + 1 })}
          />
        </View>
      </View>
      <InStockSwitch
        name={product.name}
        value={inStock}
        onChange={(is_available) => onEdit(product, { is_available })}
      />
    </View>
  );
});

function StepButton({
  label,
  text,
  disabled = false,
  onPress,
}: {
  label: string;
  text: string;
  disabled?: boolean;
  onPress: () => void;
}) {
  const { colors } = useTheme();
  const tint = disabled ? colors.disabled : colors.primary;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityState={{ disabled }}
      disabled={disabled}
      onPress={onPress}
      style={[styles.step, { borderColor: tint }]}
    >
      <Text style={[typeScale.label, { color: disabled ? colors.textMuted : colors.primary }]}>{text}</Text>
    </Pressable>
  );
}

/** A big switch with its state in words ("In stock" / "Out of stock"): the word carries it, not the colour. */
export function InStockSwitch({
  name,
  value,
  onChange,
}: {
  name: string;
  value: boolean;
  onChange: (next: boolean) => void;
}) {
  return (
    <Toggle label={words.inStockOf(name)} value={value} on={words.inStock} off={words.outOfStock} onChange={onChange} />
  );
}

/** A switch a thumb finds: a full touch target, its state said in a word under it. */
export function Toggle({
  label,
  value,
  on,
  off,
  onChange,
}: {
  label: string;
  value: boolean;
  on: string;
  off: string;
  onChange: (next: boolean) => void;
}) {
  const { colors } = useTheme();
  return (
    <Pressable
      accessibilityRole="switch"
      accessibilityLabel={label}
      accessibilityState={{ checked: value }}
      aria-checked={value}
      onPress={() => onChange(!value)}
      style={styles.switch}
    >
      <View style={[styles.track, { backgroundColor: value ? colors.success : colors.disabled }]}>
        <View style={[styles.knob, { backgroundColor: colors.surface }, value ? styles.knobOn : null]} />
      </View>
      <Text style={[typeScale.caption, styles.state, { color: value ? colors.text : colors.danger }]}>
        {value ? on : off}
      </Text>
    </Pressable>
  );
}

/** The row's height, the same for every product: FlashList lays out 2,000 rows without measuring each. */
export const ROW_HEIGHT = 108;

const styles = StyleSheet.create({
  row: {
    height: ROW_HEIGHT,
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    paddingHorizontal: spacing.md,
    borderBottomWidth: StyleSheet.hairlineWidth,
  },
  photo: { width: 56, height: 56, borderRadius: radius.sm },
  middle: { flex: 1, gap: spacing.xs },
  words: { gap: 2 },
  line: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs, overflow: 'hidden' },
  price: { flexShrink: 1 },
  stepper: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  step: {
    width: minTouchTarget,
    height: minTouchTarget,
    borderWidth: 1.5,
    borderRadius: radius.md,
    alignItems: 'center',
    justifyContent: 'center',
  },
  count: {
    minWidth: 56,
    height: minTouchTarget,
    borderWidth: 1,
    borderRadius: radius.md,
    alignItems: 'center',
    justifyContent: 'center',
  },
  switch: { width: 80, minHeight: minTouchTarget, alignItems: 'center', justifyContent: 'center', gap: 2 },
  track: { width: 48, height: 28, borderRadius: radius.pill, padding: 3 },
  knob: { width: 22, height: 22, borderRadius: radius.pill },
  knobOn: { transform: [{ translateX: 20 }] },
  state: { textAlign: 'center' },
});
