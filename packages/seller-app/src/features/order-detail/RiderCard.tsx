import type { Order } from '@kupwara/shared';
import { CallButtons } from '@kupwara/shared/app';
import { Badge, Button, Card, Skeleton, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { riderHeading } from '@kupwara/shared/values';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import type { OrderRider } from './use-order-rider';

const words = messages.order;

export interface RiderCardProps {
  order: Order;
  rider: OrderRider | null;
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
}

/** Who comes for the order, on what, how far from the shop and how soon there, or that they are here. */
export function RiderCard({ order, rider, loading, failed, onRetry }: RiderCardProps) {
  const { colors } = useTheme();
  const muted = [typeScale.body, { color: colors.textMuted }];
  const line = rider ? riderLine(order, rider) : null;
  return (
    <Card testID="rider-card">
      <Text role="heading" style={[typeScale.label, { color: colors.textMuted }]}>
        {words.rider}
      </Text>
      {!order.rider ? (
        <Text style={muted}>{words.noRider}</Text>
      ) : rider ? (
        <View style={styles.body}>
          <View style={styles.row}>
            <Text style={[typeScale.title, styles.grow, { color: colors.text }]}>{rider.name}</Text>
            {rider.approach?.arrived ? <Badge label={words.arrived} tone="success" /> : null}
          </View>
          {rider.vehicle_type ? <Text style={muted}>{words.vehicle[rider.vehicle_type]}</Text> : null}
          {line ? (
            <Text role="status" style={[typeScale.body, { color: colors.text }]}>
              {line}
            </Text>
          ) : null}
          <CallButtons order={{ ...order, rider }} parties={['rider']} />
        </View>
      ) : loading ? (
        <Skeleton lines={2} height={24} />
      ) : failed ? (
        <View style={styles.body}>
          <Text role="alert" style={muted}>
            {words.riderFailed}
          </Text>
          <Button variant="secondary" title={words.retry} onPress={onRetry} />
        </View>
      ) : null}
    </Card>
  );
}

/** Where the rider is, in words: riding to the shop (how far, how soon), or away with the goods. */
function riderLine(order: Order, rider: OrderRider): string | null {
  const heading = riderHeading(order.status);
  if (heading === 'customer') return words.pickedUp;
  if (!heading || rider.approach?.arrived) return null;
  if (!rider.approach) return words.riderComing;
  const minutes = Math.max(1, Math.round(rider.approach.eta_seconds / 60));
  return `${words.away(words.metres(rider.approach.distance_m))}, ${words.eta(minutes)}`;
}

const styles = StyleSheet.create({
  body: { gap: spacing.sm },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
});
