import type { Order } from '@kupwara/shared';
import { Button, Chip, spacing, typeScale, useTheme, useToast } from '@kupwara/shared/ui';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { printHtml } from './print';
import { type PaperWidth, paperWidths, receiptHtml } from './receipt';

const words = messages.order;

/** The receipt / kitchen ticket through the platform's print dialog, for the roll in the shop's printer. */
export function PrintReceipt({ order }: { order: Order }) {
  const { colors } = useTheme();
  const toast = useToast();
  const [width, setWidth] = useState<PaperWidth>(58);
  const [printing, setPrinting] = useState(false);

  async function print() {
    setPrinting(true);
    try {
      await printHtml(receiptHtml(order, width));
    } catch {
      toast.show(words.printFailed, { tone: 'danger' });
    } finally {
      setPrinting(false);
    }
  }

  return (
    <View style={styles.row}>
      <Text style={[typeScale.label, { color: colors.text }]}>{words.paper}</Text>
      {paperWidths.map((mm) => (
        <Chip key={mm} label={words.printWidth(mm)} selected={width === mm} onPress={() => setWidth(mm)} />
      ))}
      <Button
        style={styles.grow}
        title={words.print}
        accessibilityLabel={words.printLabel(width)}
        loading={printing}
        onPress={print}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: spacing.sm },
  grow: { flexGrow: 1 },
});
