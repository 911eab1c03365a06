import type { OpeningHours, Weekday } from '@kupwara/shared';
import { Button, Card, Chip, Input, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { useState } from 'react';
import { StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { messages } from '../../messages';
import {
  addInterval,
  copyDay,
  type DayMode,
  dayMode,
  invalidDays,
  MAX_INTERVALS,
  removeInterval,
  setInterval,
  weekOrder,
  withFridayBreak,
  withMode,
} from './hours-draft';

const words = messages.shop.hours;
const modes: { mode: DayMode; label: string }[] = [
  { mode: 'closed', label: words.closed },
  { mode: 'wholeDay', label: words.wholeDay },
  { mode: 'intervals', label: words.intervals },
];

export interface HoursEditorProps {
  hours: OpeningHours;
  saving: boolean;
  onSave: (hours: OpeningHours) => void;
}

/** A week of opening hours to edit, day by day, saved together. Two columns of days on a wide screen. */
export function HoursEditor({ hours: saved, saving, onSave }: HoursEditorProps) {
  const { colors } = useTheme();
  const wide = useWindowDimensions().width >= 768;
  const [hours, setHours] = useState(saved);
  const [tried, setTried] = useState(false);
  const invalid = invalidDays(hours);

  const day = (name: Weekday) => {
    const mode = dayMode(hours[name]);
    const wrong = tried && invalid.includes(name);
    return (
      <Card key={name} testID={`hours-${name}`} style={wide ? styles.half : undefined}>
        <Text role="heading" aria-level={3} style={[typeScale.label, { color: colors.text }]}>
          {words.days[name]}
        </Text>
        <View style={styles.chips} accessibilityRole="radiogroup" accessibilityLabel={words.days[name]}>
          {modes.map((choice) => (
            <Chip
              key={choice.mode}
              label={choice.label}
              selected={mode === choice.mode}
              onPress={() => setHours(withMode(hours, name, choice.mode))}
            />
          ))}
        </View>
        {mode === 'intervals'
          ? hours[name].map((interval, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
              <View key={index} style={styles.interval}>
                <View style={styles.time}>
                  <Input
                    label={`${words.opens} ${index + 1}`}
                    value={interval.open}
                    maxLength={5}
                    inputMode="numeric"
                    onChangeText={(open) => setHours(setInterval(hours, name, index, { open }))}
                  />
                </View>
                <View style={styles.time}>
                  <Input
                    label={`${words.closes} ${index + 1}`}
                    value={interval.close}
                    maxLength={5}
                    inputMode="numeric"
                    onChangeText={(close) => setHours(setInterval(hours, name, index, { close }))}
                  />
                </View>
                <Button
                  variant="secondary"
                  title="✕"
                  accessibilityLabel={`${words.remove} ${words.days[name]} ${index + 1}`}
                  onPress={() => setHours(removeInterval(hours, name, index))}
                  style={styles.remove}
                />
              </View>
            ))
          : null}
        {wrong ? (
          <Text role="alert" style={[typeScale.caption, { color: colors.danger }]}>
            {hours[name].length > MAX_INTERVALS ? words.tooMany : words.badTime}
          </Text>
        ) : null}
        <View style={styles.actions}>
          {mode === 'intervals' && hours[name].length < MAX_INTERVALS ? (
            <Button
              variant="secondary"
              title={words.addInterval}
              accessibilityLabel={`${words.addInterval}: ${words.days[name]}`}
              onPress={() => setHours(addInterval(hours, name))}
            />
          ) : null}
          {name === 'mon' ? (
            <Button
              variant="secondary"
              title={words.copyToAll}
              style={styles.action}
              onPress={() => setHours(copyDay(hours, 'mon', weekOrder.slice(1)))}
            />
          ) : (
            <Button
              variant="secondary"
              title={words.sameAsMonday}
              accessibilityLabel={`${words.days[name]}: ${words.sameAsMonday}`}
              onPress={() => setHours(copyDay(hours, 'mon', [name]))}
            />
          )}
          {name === 'fri' && mode !== 'closed' ? (
            <Button
              variant="secondary"
              title={words.fridayBreak}
              onPress={() => setHours(withFridayBreak(hours))}
              style={styles.action}
            />
          ) : null}
        </View>
      </Card>
    );
  };

  return (
    <View style={styles.editor}>
      <View style={wide ? styles.grid : styles.column}>{weekOrder.map(day)}</View>
      <Button
        title={words.save}
        loading={saving}
        onPress={() => {
          setTried(true);
          if (invalid.length === 0) onSave(hours);
        }}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  editor: { gap: spacing.md },
  column: { gap: spacing.md },
  grid: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  half: { flexBasis: '48%', flexGrow: 1 },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm, marginTop: spacing.sm },
  interval: { flexDirection: 'row', alignItems: 'flex-end', gap: spacing.sm, marginTop: spacing.sm },
  time: { flex: 1 },
  remove: { minWidth: 48 },
  actions: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm, marginTop: spacing.sm },
  // A long label wraps inside the card rather than running past its edge.
  action: { maxWidth: '100%' },
});
