import type { RiderCash } from '@kupwara/shared';
import {
  Button,
  Card,
  EmptyState,
  formatPaise,
  minTouchTarget,
  Screen,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import type { ReactNode } from 'react';
import { RefreshControl, ScrollView, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { dayTitle, groupByDay, townClock, townDay } from '../earnings/town-time';
import { useRefreshOnFocus } from '../earnings/use-refresh-on-focus';
import { useRiderCash } from './queries';

const words = messages.cash;

type Settlement = RiderCash['settlements'][number];
type Collection = RiderCash['collected'][number];

/** "today at 18:05", "yesterday at 09:10", "on Mon 30 Nov at 18:05": when, in the town's clock. */
function whenSaid(at: string, now: Date): string {
  const day = townDay(at);
  const time = townClock(at);
  if (day === townDay(now)) return words.when.today(time);
  if (day === townDay(now) - 1) return words.when.yesterday(time);
  return words.when.on(dayTitle(day, now, words.days), time);
}

/**
 * The cash the rider holds (taken at doors, less what they handed over), with the last 30 days of
 * both. Asked again each time it opens and whenever a hand-over's notification arrives.
 */
export function CashScreen() {
  const { colors } = useTheme();
  const cash = useRiderCash();
  useRefreshOnFocus(cash.refetch);

  let body: ReactNode;
  if (cash.data) {
    body = <CashFigures cash={cash.data} />;
  } else if (cash.isError) {
    body = (
      <EmptyState
        title={words.failed}
        message={cash.error.message}
        action={{ title: words.retry, onPress: () => cash.refetch() }}
      />
    );
  } else {
    body = (
      <View accessibilityLabel={words.loading} style={styles.gap}>
        <Skeleton height={120} />
        <Skeleton lines={3} height={56} />
      </View>
    );
  }

  return (
    <Screen title={words.title}>
      <ScrollView
        testID="cash-scroll"
        contentContainerStyle={styles.content}
        refreshControl={<RefreshControl refreshing={cash.isRefetching} onRefresh={() => cash.refetch()} />}
      >
        {cash.data && cash.isError ? (
          <View style={styles.stale}>
            <Text role="alert" style={[typeScale.caption, styles.grow, { color: colors.danger }]}>
              {words.stale}
            </Text>
            <Button variant="secondary" title={words.retry} onPress={() => cash.refetch()} />
          </View>
        ) : null}
        {body}
      </ScrollView>
    </Screen>
  );
}

function CashFigures({ cash }: { cash: RiderCash }) {
  const { colors } = useTheme();
  const now = new Date();
  const held = formatPaise(cash.in_hand_paise);
  const days = groupByDay(cash.collected, (line) => line.collected_at, now, words.days);
  return (
    <View style={styles.gap}>
      <Card>
        <View accessible accessibilityLabel={words.inHandLabel(held)}>
          <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.inHand}</Text>
          <Text numberOfLines={1} adjustsFontSizeToFit style={[styles.big, { color: colors.text }]}>
            {held}
          </Text>
        </View>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.inHandHint}</Text>
      </Card>

      <Text role="heading" aria-level={2} style={[typeScale.title, { color: colors.text }]}>
        {words.settlements}
      </Text>
      {cash.settlements.length === 0 ? (
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.settlementsEmpty}</Text>
      ) : (
        <Card style={styles.lines}>
          {cash.settlements.map((settlement, i) => (
            <SettlementLine key={settlement.id} settlement={settlement} now={now} first={i === 0} />
          ))}
        </Card>
      )}

      <Text role="heading" aria-level={2} style={[typeScale.title, { color: colors.text }]}>
        {words.collected}
      </Text>
      {days.length === 0 ? (
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.collectedEmpty}</Text>
      ) : (
        days.map((day) => (
          <View key={day.day} style={styles.day}>
            <Text role="heading" aria-level={3} style={[typeScale.label, { color: colors.textMuted }]}>
              {day.title}
            </Text>
            <Card style={styles.lines}>
              {day.items.map((line, i) => (
                <CollectionLine key={line.order_id} line={line} first={i === 0} />
              ))}
            </Card>
          </View>
        ))
      )}
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.lastDays}</Text>
    </View>
  );
}

function SettlementLine({ settlement, now, first }: { settlement: Settlement; now: Date; first: boolean }) {
  const { colors } = useTheme();
  const said = words.handedOver(formatPaise(settlement.amount_paise), whenSaid(settlement.settled_at, now));
  return (
    <View
      accessible
      accessibilityLabel={settlement.note ? `${said}. ${settlement.note}` : said}
      style={[styles.row, !first && { borderTopColor: colors.border, borderTopWidth: StyleSheet.hairlineWidth }]}
    >
      <View style={styles.grow}>
        <Text style={[typeScale.label, { color: colors.text }]}>{said}</Text>
        {settlement.note ? (
          <Text style={[typeScale.caption, { color: colors.textMuted }]}>{settlement.note}</Text>
        ) : null}
      </View>
    </View>
  );
}

function CollectionLine({ line, first }: { line: Collection; first: boolean }) {
  const { colors } = useTheme();
  const time = townClock(line.collected_at);
  const amount = formatPaise(line.amount_paise);
  return (
    <View
      accessible
      accessibilityLabel={words.collectedLine(time, line.store_name, amount)}
      style={[styles.row, !first && { borderTopColor: colors.border, borderTopWidth: StyleSheet.hairlineWidth }]}
    >
      <Text style={[typeScale.label, styles.time, { color: colors.textMuted }]}>{time}</Text>
      <Text numberOfLines={1} style={[typeScale.label, styles.grow, { color: colors.text }]}>
        {line.store_name}
      </Text>
      <Text style={[typeScale.label, { color: colors.text }]}>{amount}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md, flexGrow: 1 },
  gap: { gap: spacing.md },
  grow: { flex: 1 },
  big: { fontSize: 40, lineHeight: 48, fontWeight: '700' },
  stale: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  day: { gap: spacing.sm },
  lines: { paddingVertical: 0, gap: 0 },
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    minHeight: minTouchTarget,
    paddingVertical: spacing.sm,
  },
  time: { width: 48 },
});
