import type { AnalyticsRange, StoreAnalytics } from '@kupwara/shared';
import {
  Button,
  Card,
  Chip,
  ChipRow,
  EmptyState,
  formatPaise,
  Screen,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { analyticsRanges } from '@kupwara/shared/values';
import { type ReactNode, useState } from 'react';
import { ScrollView, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { messages } from '../../messages';
import { BarsChart } from './BarsChart';
import { busiestHour, cancellationWords, figureCards, reasonWords } from './figures';
import { useAnalytics } from './queries';

const words = messages.insights;

/** Two columns from this width: figures and charts on the left, what went wrong and best sellers on the right. */
const WIDE = 768;

/** The shop's figures for today, 7 or 30 days. */
export function InsightsScreen() {
  const { colors } = useTheme();
  const [range, setRange] = useState<AnalyticsRange>('today');
  const figures = useAnalytics(range);
  const wide = useWindowDimensions().width >= WIDE;

  let body: ReactNode;
  if (figures.data) {
    body =
      figures.data.orders === 0 ? (
        <EmptyState title={words.empty[range]} message={words.emptyHint} />
      ) : (
        <Figures figures={figures.data} wide={wide} />
      );
  } else if (figures.isError) {
    body = (
      <EmptyState
        title={words.failed}
        message={figures.error.message}
        action={{ title: words.retry, onPress: () => figures.refetch() }}
      />
    );
  } else {
    body = (
      <View accessibilityLabel={words.loading} style={styles.gap}>
        <Skeleton lines={2} height={72} />
        <Skeleton height={160} />
      </View>
    );
  }

  return (
    <Screen title={words.title} back={false}>
      <ScrollView contentContainerStyle={styles.content}>
        <ChipRow>
          {analyticsRanges.map((option) => (
            <Chip
              key={option}
              label={words.ranges[option]}
              selected={option === range}
              onPress={() => setRange(option)}
            />
          ))}
        </ChipRow>
        {figures.data && figures.isError ? (
          <View style={styles.stale}>
            <Text role="alert" style={[typeScale.caption, styles.grow, { color: colors.danger }]}>
              {words.stale}
            </Text>
            <Button variant="secondary" title={words.retry} onPress={() => figures.refetch()} />
          </View>
        ) : null}
        {body}
      </ScrollView>
    </Screen>
  );
}

function Figures({ figures, wide }: { figures: StoreAnalytics; wide: boolean }) {
  const charts = (
    <>
      <View style={styles.cards}>
        {figureCards(figures).map((card) => (
          <View key={card.key} style={wide ? styles.cardWide : styles.cardPhone}>
            <Figure label={card.label} value={card.value} />
          </View>
        ))}
      </View>
      <Card>
        <Heading>{words.byHour}</Heading>
        <BarsChart
          testID="sales-by-hour"
          bars={figures.by_hour.map((bucket) => ({
            value: bucket.orders,
            label: bucket.hour % 3 === 0 ? String(bucket.hour) : '',
          }))}
          accessibilityLabel={busiestHour(figures) ?? words.byHour}
        />
      </Card>
      {figures.by_day.length > 0 ? (
        <Card>
          <Heading>{words.byDay}</Heading>
          <BarsChart
            testID="sales-by-day"
            bars={figures.by_day.map((day, i) => ({
              value: day.orders,
              label: i % Math.ceil(figures.by_day.length / 7) === 0 ? String(Number(day.date.slice(8))) : '',
            }))}
            accessibilityLabel={words.byDayLabel(figures.by_day.length, figures.orders)}
          />
        </Card>
      ) : null}
    </>
  );
  const lists = (
    <>
      <TopProducts figures={figures} />
      <Card>
        <Heading>{words.rejections}</Heading>
        {figures.rejections.length === 0 ? <Muted>{words.noRejections}</Muted> : null}
        {figures.rejections.map((row) => (
          <Count key={row.reason ?? ''} label={reasonWords(row.reason)} count={row.orders} />
        ))}
      </Card>
      <Card>
        <Heading>{words.cancellations}</Heading>
        {figures.cancellations.length === 0 ? <Muted>{words.noCancellations}</Muted> : null}
        {figures.cancellations.map((row) => (
          <Count key={`${row.by}:${row.reason ?? ''}`} label={cancellationWords(row)} count={row.orders} />
        ))}
      </Card>
    </>
  );
  if (!wide)
    return (
      <View style={styles.gap}>
        {charts}
        {lists}
      </View>
    );
  return (
    <View style={styles.columns}>
      <View style={[styles.grow, styles.gap]}>{charts}</View>
      <View style={[styles.grow, styles.gap]}>{lists}</View>
    </View>
  );
}

function TopProducts({ figures }: { figures: StoreAnalytics }) {
  const [by, setBy] = useState<'by_quantity' | 'by_revenue'>('by_quantity');
  const products = figures.top_products[by];
  return (
    <Card>
      <Heading>{words.topProducts}</Heading>
      <ChipRow>
        <Chip label={words.byUnits} selected={by === 'by_quantity'} onPress={() => setBy('by_quantity')} />
        <Chip label={words.byRevenue} selected={by === 'by_revenue'} onPress={() => setBy('by_revenue')} />
      </ChipRow>
      {products.length === 0 ? <Muted>{words.noneSold}</Muted> : null}
      {products.map((product, i) => (
        <Count
          key={product.product_id}
          label={`${i + 1}. ${product.name}`}
          count={words.sold(product.quantity, formatPaise(product.revenue_paise))}
        />
      ))}
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  const { colors } = useTheme();
  return (
    <Card>
      <View accessible accessibilityLabel={`${label}: ${value}`}>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{label}</Text>
        <Text numberOfLines={1} adjustsFontSizeToFit style={[typeScale.title, { color: colors.text }]}>
          {value}
        </Text>
      </View>
    </Card>
  );
}

function Heading({ children }: { children: string }) {
  const { colors } = useTheme();
  return (
    <Text role="heading" aria-level={2} style={[typeScale.label, styles.heading, { color: colors.text }]}>
      {children}
    </Text>
  );
}

function Muted({ children }: { children: string }) {
  const { colors } = useTheme();
  return <Text style={[typeScale.body, { color: colors.textMuted }]}>{children}</Text>;
}

function Count({ label, count }: { label: string; count: number | string }) {
  const { colors } = useTheme();
  return (
    <View style={styles.row} accessible accessibilityLabel={`${label}: ${count}`}>
      <Text style={[typeScale.body, styles.grow, { color: colors.text }]}>{label}</Text>
      <Text style={[typeScale.label, { color: colors.text }]}>{count}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
  gap: { gap: spacing.md },
  grow: { flex: 1 },
  columns: { flexDirection: 'row', gap: spacing.md, alignItems: 'flex-start' },
  cards: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  cardPhone: { flexBasis: '47%', flexGrow: 1 },
  cardWide: { flexBasis: '30%', flexGrow: 1 },
  heading: { marginBottom: spacing.sm },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm, minHeight: 32 },
  stale: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
});
