import type { DeliveryOffer } from '@kupwara/shared';
import { useOnline, useServices } from '@kupwara/shared/app';
import {
  Button,
  formatDistance,
  formatPaise,
  radius,
  spacing,
  toneColors,
  typeScale,
  useNow,
  useTheme,
} from '@kupwara/shared/ui';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { secondsLeft } from './offer-cache';
import { useOfferAnswer } from './use-offer-answer';

const words = messages.offers;

/**
 * One offer with every fact a rider decides on, biggest first (what they earn), a countdown in
 * seconds and as a shrinking bar, and two buttons big enough for a gloved thumb.
 */
export function OfferCard({ offer }: { offer: DeliveryOffer }) {
  const { colors } = useTheme();
  const { connectivity } = useServices();
  const online = useOnline(connectivity);
  const now = useNow(1000).getTime();
  // The bar starts full when the card first shows: the phone knows when the offer ends, not when it began.
  const [life] = useState(() => Math.max(1, Date.parse(offer.expires_at) - Date.now()));
  const { answer, sending, problem } = useOfferAnswer(offer);
  const left = secondsLeft(offer, now);
  const share = Math.min(1, Math.max(0, (Date.parse(offer.expires_at) - now) / life));
  const earning = formatPaise(offer.earning_paise);
  const cash = toneColors(colors, offer.cash_paise > 0 ? 'warning' : 'neutral');
  const notice = problem ?? (online ? null : words.offline);

  return (
    <View testID={`offer-${offer.id}`} style={[styles.card, { backgroundColor: colors.surface }]}>
      <View style={styles.top}>
        <Text accessibilityRole="header" style={[typeScale.title, styles.grow, { color: colors.text }]}>
          {words.heading}
        </Text>
        <Text
          accessibilityLabel={words.timeLeft(left)}
          testID="countdown"
          style={[typeScale.title, { color: left <= 10 ? colors.danger : colors.text }]}
        >
          {words.secondsLeft(left)}
        </Text>
      </View>
      <View style={[styles.track, { backgroundColor: colors.neutral }]}>
        <View
          testID="countdown-bar"
          style={[
            styles.bar,
            { width: `${share * 100}%`, backgroundColor: left <= 10 ? colors.danger : colors.primary },
          ]}
        />
      </View>

      <View accessible accessibilityLabel={`${words.youEarn} ${earning}`}>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.youEarn}</Text>
        <Text style={[styles.earning, { color: colors.primary }]}>{earning}</Text>
      </View>

      <View>
        <Text style={[typeScale.label, styles.shop, { color: colors.text }]}>{offer.store.name}</Text>
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{offer.store.address}</Text>
      </View>
      <View>
        <Text style={[typeScale.body, { color: colors.text }]}>{words.toShop(formatDistance(offer.distance_m))}</Text>
        <Text style={[typeScale.body, { color: colors.text }]}>{words.toCustomer(formatDistance(offer.trip_m))}</Text>
      </View>
      <View style={styles.row}>
        <Text style={[typeScale.label, styles.pill, { backgroundColor: cash.background, color: cash.foreground }]}>
          {offer.cash_paise > 0 ? words.collectCash(formatPaise(offer.cash_paise)) : words.paidAlready}
        </Text>
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.items(offer.item_count)}</Text>
      </View>

      {notice ? (
        <Text accessibilityRole="alert" style={[typeScale.body, { color: colors.danger }]}>
          {notice}
        </Text>
      ) : null}
      <Button
        title={words.accept}
        accessibilityLabel={words.acceptLabel(offer.store.name, earning)}
        loading={sending === 'accept'}
        disabled={sending === 'decline'}
        onPress={() => void answer('accept')}
        style={styles.accept}
      />
      <Button
        title={words.decline}
        variant="secondary"
        accessibilityLabel={words.declineLabel(offer.store.name)}
        loading={sending === 'decline'}
        disabled={sending === 'accept'}
        onPress={() => void answer('decline')}
        style={styles.decline}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  card: { padding: spacing.lg, gap: spacing.sm, borderRadius: radius.md },
  top: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
  track: { height: 8, borderRadius: radius.pill, overflow: 'hidden' },
  bar: { height: 8, borderRadius: radius.pill },
  earning: { fontSize: 40, lineHeight: 46, fontWeight: '800' },
  shop: { fontSize: 18 },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.md, flexWrap: 'wrap' },
  pill: { paddingHorizontal: spacing.sm, paddingVertical: 4, borderRadius: radius.sm, overflow: 'hidden' },
  accept: { minHeight: 64, marginTop: spacing.xs },
  decline: { minHeight: 56 },
});
