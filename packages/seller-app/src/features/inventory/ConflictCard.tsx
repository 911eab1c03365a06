import type { Product } from '@kupwara/shared';
import { Button, Card, formatPaise, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import type { ProductConflict, ProductField } from './product-edits';

const words = messages.inventory.conflict;

/** A field's value as the seller reads it. */
export function fieldValue(product: Product, field: ProductField, categoryName: (id: string | null) => string): string {
  switch (field) {
    case 'price_paise':
    case 'mrp_paise':
      return formatPaise(product[field]);
    case 'is_available':
      return product.is_available ? messages.inventory.inStock : messages.inventory.outOfStock;
    case 'is_visible':
      return product.is_visible ? words.shown : words.hidden;
    case 'category_id':
      return categoryName(product.category_id);
    default:
      return String(product[field]);
  }
}

export interface ConflictCardProps {
  conflict: ProductConflict;
  categoryName: (id: string | null) => string;
  onApplyMine(conflict: ProductConflict): void;
  onKeepTheirs(conflict: ProductConflict): void;
}

/**
 * An edit that met a newer version on the server: what the seller wanted beside what the server
 * has now, field by field, with the two ways out.
 */
export function ConflictCard({ conflict, categoryName, onApplyMine, onKeepTheirs }: ConflictCardProps) {
  const { colors } = useTheme();
  const { mine, theirs, differs } = conflict;
  // Fields the seller changed to what the server has anyway are not a difference; show at least what they changed.
  const shown = differs.length > 0 ? differs : (Object.keys(conflict.changes) as ProductField[]);
  return (
    <Card>
      <View style={styles.body} accessibilityLabel={words.title(theirs.name)} testID={`conflict-${theirs.id}`}>
        <Text accessibilityRole="header" style={[typeScale.label, { color: colors.text }]}>
          {words.title(theirs.name)}
        </Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.explain}</Text>
        <View style={styles.columns}>
          <View style={styles.column}>
            <Text style={[typeScale.caption, styles.heading, { color: colors.text }]}>{words.mine}</Text>
            {shown.map((field) => (
              <Text key={field} style={[typeScale.body, { color: colors.text }]}>
                {`${words.field[field]}: ${fieldValue(mine, field, categoryName)}`}
              </Text>
            ))}
          </View>
          <View style={[styles.column, styles.theirs, { borderLeftColor: colors.border }]}>
            <Text style={[typeScale.caption, styles.heading, { color: colors.text }]}>{words.theirs}</Text>
            {shown.map((field) => (
              <Text key={field} style={[typeScale.body, { color: colors.text }]}>
                {`${words.field[field]}: ${fieldValue(theirs, field, categoryName)}`}
              </Text>
            ))}
          </View>
        </View>
        <Button title={words.applyMine} onPress={() => onApplyMine(conflict)} />
        <Button variant="secondary" title={words.keepTheirs} onPress={() => onKeepTheirs(conflict)} />
      </View>
    </Card>
  );
}

const styles = StyleSheet.create({
  body: { gap: spacing.sm },
  columns: { flexDirection: 'row', gap: spacing.md },
  column: { flex: 1, gap: 2 },
  theirs: { borderLeftWidth: StyleSheet.hairlineWidth, paddingLeft: spacing.md },
  heading: { fontWeight: '700', textTransform: 'uppercase' },
});
