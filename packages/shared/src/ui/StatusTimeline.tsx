import { StyleSheet, Text, View, type ViewStyle } from 'react-native';
import type { OrderEvent } from '../contract/orders';
import { type OrderStatus, progressStatuses } from '../domain/order-machine';
import { formatClockTime } from './clock-time';
import { messages } from './messages';
import { type Colors, spacing, typeScale } from './theme';
import { type StepState, type TimelineStep, timelineSteps } from './timeline-steps';
import { useTheme } from './use-theme';

export interface StatusTimelineProps {
  /** The order's events, in any order. */
  timeline: readonly OrderEvent[];
  /** The steps to show; all of a delivery's steps unless an app leaves some out. */
  steps?: readonly OrderStatus[];
}

/** Where an order is: the steps it has passed, the one it is at and those to come, or how it ended and why. */
export function StatusTimeline({ timeline, steps = progressStatuses }: StatusTimelineProps) {
  const rows = timelineSteps(steps, timeline);
  return (
    <View accessibilityRole="list">
      {rows.map((row, index) => (
        <Row key={row.status} row={row} last={index === rows.length - 1} />
      ))}
    </View>
  );
}

function spokenStep({ status, state, reason }: TimelineStep, time: string | undefined) {
  const step = messages.orderStatus[status];
  const spoken = messages.timelineStep;
  if (state === 'done') return spoken.done(step, time);
  if (state === 'current') return spoken.current(step, time);
  if (state === 'upcoming') return spoken.upcoming(step);
  return spoken.ended(step, time, reason);
}

function Row({ row, last }: { row: TimelineStep; last: boolean }) {
  const { colors } = useTheme();
  const time = row.at === undefined ? undefined : formatClockTime(row.at);
  const marker = markers(colors)[row.state];
  const upcoming = row.state === 'upcoming';
  return (
    <View accessible accessibilityLabel={spokenStep(row, time)} style={styles.row}>
      <View style={styles.rail}>
        <View style={[styles.dot, marker.dot]}>
          {marker.glyph ? <Text style={[styles.glyph, { color: marker.glyph.color }]}>{marker.glyph.text}</Text> : null}
        </View>
        {last ? null : (
          <View style={[styles.line, { backgroundColor: row.state === 'done' ? colors.primary : colors.border }]} />
        )}
      </View>
      <View style={styles.body}>
        <Text
          style={[
            row.state === 'current' || row.state === 'ended' ? typeScale.label : typeScale.body,
            { color: upcoming ? colors.textMuted : colors.text },
          ]}
        >
          {messages.orderStatus[row.status]}
        </Text>
        {row.reason ? <Text style={[typeScale.body, { color: colors.textMuted }]}>{row.reason}</Text> : null}
      </View>
      {time ? <Text style={[typeScale.caption, styles.time, { color: colors.textMuted }]}>{time}</Text> : null}
    </View>
  );
}

interface Marker {
  dot: ViewStyle;
  glyph?: { text: string; color: string };
}

/** Each state has its own shape as well as colour: a tick, a thick ring, a thin ring, a cross. */
const markers = (colors: Colors): Record<StepState, Marker> => ({
  done: {
    dot: { backgroundColor: colors.primary, borderColor: colors.primary },
    glyph: { text: '✓', color: colors.onPrimary },
  },
  current: { dot: { borderColor: colors.primary, borderWidth: 6 } },
  upcoming: { dot: { borderColor: colors.outline } },
  ended: {
    dot: { backgroundColor: colors.danger, borderColor: colors.danger },
    glyph: { text: '✕', color: colors.onDanger },
  },
});

const dotSize = 22;

const styles = StyleSheet.create({
  row: { flexDirection: 'row', gap: spacing.md, minHeight: 56 },
  rail: { alignItems: 'center', width: dotSize },
  dot: {
    width: dotSize,
    height: dotSize,
    borderRadius: dotSize / 2,
    borderWidth: 2,
    alignItems: 'center',
    justifyContent: 'center',
  },
  glyph: { fontSize: 12, lineHeight: 14, fontWeight: '800' },
  line: { flex: 1, width: 2, marginVertical: 2 },
  body: { flex: 1, paddingBottom: spacing.md },
  time: { paddingTop: 2 },
});
