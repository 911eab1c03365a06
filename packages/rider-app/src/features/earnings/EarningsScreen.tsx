import type { RiderEarnings } from '@kupwara/shared';
import {
  Button,
  Card,
  EmptyState,
  formatPaise,
  Screen,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { router } from 'expo-router';
import type { ReactNode } from 'react';
import { RefreshControl, ScrollView, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { DeliveryLine } from './DeliveryLine';
import { useEarnings } from './queries';
import { groupByDay } from './town-time';
import { useRefreshOnFocus } from './use-refresh-on-focus';

const words = messages.earnings;

/** What the rider earned today and this week, and the cash they collected and still hold. */
export function EarningsScreen() {
  const { colors } = useTheme();
  const earnings = useEarnings();
  useRefreshOnFocus(earnings.refetch);

  let body: ReactNode;
  if (earnings.data) {
    body = <Figures earnings={earnings.data} />;
  } else if (earnings.isError) {
    body = (
      <EmptyState
        title={words.failed}
        message={earnings.error.message}
        action={{ title: words.retry, onPress: () => earnings.refetch() }}
      />
    );
  } else {
    body = (
      <View accessibilityLabel={words.loading} style={styles.gap}>
        <Skeleton height={120} />
        <Skeleton height={72} />
        <Skeleton lines={3} height={56} />
      </View>
    );
  }

  return (
    <Screen title={words.title} back={false}>
      <ScrollView
        testID="earnings-scroll"
        contentContainerStyle={styles.content}
        refreshControl={<RefreshControl refreshing={earnings.isRefetching} onRefresh={() => earnings.refetch()} />}
      >
        {earnings.data && earnings.isError ? (
          <View style={styles.stale}>
            <Text role="alert" style={[typeScale.caption, styles.grow, { color: colors.danger }]}>
              {words.stale}
            </Text>
            <Button variant="secondary" title={words.retry} onPress={() => earnings.refetch()} />
          </View>
        ) : null}
        {body}
      </ScrollView>
    </Screen>
  );
}

function Figures({ earnings }: { earnings: RiderEarnings }) {
  const { colors } = useTheme();
  const days = groupByDay(earnings.deliveries, (delivery) => delivery.delivered_at, new Date(), words.days);
  const todayCount = days[0]?.title === words.days.today ? days[0].items.length : 0;
  const today = formatPaise(earnings.today_paise);
  const week = formatPaise(earnings.week_paise);
  return (
    <View style={styles.gap}>
      <Card>
        <View accessible accessibilityLabel={`${words.today}: ${today}`}>
          <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.today}</Text>
          <Text numberOfLines={1} adjustsFontSizeToFit style={[styles.big, { color: colors.text }]}>
            {today}
          </Text>
          <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.deliveries(todayCount)}</Text>
        </View>
        <View
          accessible
          accessibilityLabel={`${words.week}: ${week}`}
          style={[styles.week, { borderTopColor: colors.border }]}
        >
          <View style={styles.grow}>
            <Text style={[typeScale.label, { color: colors.text }]}>{words.week}</Text>
            <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.weekHint}</Text>
          </View>
          <Text style={[typeScale.title, { color: colors.text }]}>{week}</Text>
        </View>
      </Card>
      <Card
        onPress={() => router.push('/cash')}
        accessibilityLabel={`${words.cashToday(formatPaise(earnings.cash_today_paise))}. ${words.cashHeldLink(formatPaise(earnings.cash_held_paise))}`}
      >
        <View style={styles.link}>
          <View style={[styles.grow, styles.gapSmall]}>
            <Text style={[typeScale.body, { color: colors.text }]}>
              {words.cashToday(formatPaise(earnings.cash_today_paise))}
            </Text>
            <Text style={[typeScale.label, { color: colors.text }]}>
              {words.cashHeld(formatPaise(earnings.cash_held_paise))}
            </Text>
            <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.cashHeldHint}</Text>
          </View>
          <Text style={[typeScale.title, { color: colors.primary }]}>›</Text>
        </View>
      </Card>
      {days.length === 0 ? (
        <EmptyState title={words.empty} message={words.emptyHint} />
      ) : (
        days.map((day) => (
          <View key={day.day} style={styles.day}>
            <Text role="heading" aria-level={2} style={[typeScale.label, { color: colors.text }]}>
              {day.title}
            </Text>
            <Card style={styles.lines}>
              {day.items.map((delivery, i) => (
                <DeliveryLine key={delivery.order_id} delivery={delivery} first={i === 0} />
              ))}
            </Card>
          </View>
        ))
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md, flexGrow: 1 },
  gap: { gap: spacing.md },
  grow: { flex: 1 },
  big: { fontSize: 40, lineHeight: 48, fontWeight: '700' },
  week: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    borderTopWidth: StyleSheet.hairlineWidth,
    paddingTop: spacing.sm,
  },
  stale: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  link: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  gapSmall: { gap: spacing.xs },
  day: { gap: spacing.sm },
  lines: { paddingVertical: 0, gap: 0 },
});
