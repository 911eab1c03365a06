import type { SellerPayouts } from '@kupwara/shared';
import {
  Button,
  Card,
  Chip,
  ChipRow,
  EmptyState,
  formatPaise,
  minTouchTarget,
  Screen,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { type ReactNode, useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { dayLabel } from './day-label';
import { type PayoutRange, payoutRanges, usePayouts } from './queries';

const words = messages.payouts;

type Day = SellerPayouts['days'][number];

/** What the shop is owed for its delivered orders, per day, cash and online apart, over 7 or 30 days. */
export function PayoutsScreen() {
  const { colors } = useTheme();
  const [days, setDays] = useState<PayoutRange>(7);
  const payouts = usePayouts(days);

  let body: ReactNode;
  if (payouts.data) {
    body = <Owed payouts={payouts.data} range={days} />;
  } else if (payouts.isError) {
    body = (
      <EmptyState
        title={words.failed}
        message={payouts.error.message}
        action={{ title: words.retry, onPress: () => payouts.refetch() }}
      />
    );
  } else {
    body = (
      <View accessibilityLabel={words.loading} style={styles.gap}>
        <Skeleton height={96} />
        <Skeleton lines={4} height={56} />
      </View>
    );
  }

  return (
    <Screen title={words.title}>
      <ScrollView contentContainerStyle={styles.content}>
        <ChipRow>
          {payoutRanges.map((option) => (
            <Chip key={option} label={words.range(option)} selected={option === days} onPress={() => setDays(option)} />
          ))}
        </ChipRow>
        {payouts.data && payouts.isError ? (
          <View style={styles.stale}>
            <Text role="alert" style={[typeScale.caption, styles.grow, { color: colors.danger }]}>
              {words.stale}
            </Text>
            <Button variant="secondary" title={words.retry} onPress={() => payouts.refetch()} />
          </View>
        ) : null}
        {body}
      </ScrollView>
    </Screen>
  );
}

function Owed({ payouts, range }: { payouts: SellerPayouts; range: PayoutRange }) {
  const { colors } = useTheme();
  const total = formatPaise(payouts.total_owed_paise);
  const sum = (part: 'cash_paise' | 'online_paise') => payouts.days.reduce((all, day) => all + day[part], 0);
  const today = payouts.days[0]?.date ?? '';
  return (
    <View style={styles.gap}>
      <Card>
        <View accessible accessibilityLabel={words.totalLabel(range, total)}>
          <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.total(range)}</Text>
          <Text numberOfLines={1} adjustsFontSizeToFit style={[styles.big, { color: colors.text }]}>
            {total}
          </Text>
        </View>
        <Text style={[typeScale.body, { color: colors.text }]}>
          {words.cash} {formatPaise(sum('cash_paise'))} · {words.online} {formatPaise(sum('online_paise'))}
        </Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.intro}</Text>
      </Card>
      <Card style={styles.lines}>
        {payouts.days.map((day, i) => (
          <DayLine key={day.date} day={day} label={dayLabel(day.date, today, words.days)} first={i === 0} />
        ))}
      </Card>
    </View>
  );
}

function DayLine({ day, label, first }: { day: Day; label: string; first: boolean }) {
  const { colors } = useTheme();
  const orders = words.orders(day.orders);
  const cash = formatPaise(day.cash_paise);
  const online = formatPaise(day.online_paise);
  const owed = formatPaise(day.owed_paise);
  const empty = day.orders === 0;
  return (
    <View
      accessible
      accessibilityLabel={empty ? `${label}: ${words.nothing}` : words.day(label, orders, cash, online, owed)}
      style={[styles.row, !first && { borderTopColor: colors.border, borderTopWidth: StyleSheet.hairlineWidth }]}
    >
      <View style={styles.grow}>
        <Text style={[typeScale.label, { color: colors.text }]}>{label}</Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{empty ? words.nothing : orders}</Text>
      </View>
      {empty ? null : (
        <View style={styles.amounts}>
          <Text style={[typeScale.label, { color: colors.text }]}>{owed}</Text>
          <Text style={[typeScale.caption, { color: colors.textMuted }]}>
            {words.cash} {cash} · {words.online} {online}
          </Text>
        </View>
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md, flexGrow: 1 },
  gap: { gap: spacing.md },
  grow: { flex: 1 },
  big: { fontSize: 36, lineHeight: 44, fontWeight: '700' },
  stale: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  lines: { paddingVertical: 0, gap: 0 },
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    minHeight: minTouchTarget,
    paddingVertical: spacing.sm,
  },
  amounts: { alignItems: 'flex-end' },
});
