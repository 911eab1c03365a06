import type { Order } from '@kupwara/shared';
import { Card, formatPaise, typeScale, useTheme } from '@kupwara/shared/ui';
import { cashToCollect, riderEarningPaise } from '@kupwara/shared/values';
import { router } from 'expo-router';
import { ActivityIndicator, Text } from 'react-native';
import { messages } from '../../messages';
import { StepLayout } from './StepLayout';

const words = messages.delivery;

/**
 * Step 5: delivered, with what the rider earned and the cash they hold for it; or, for a delivery
 * finished with no signal, waiting for the server to check the code.
 */
export function DoneStep({ order, confirming }: { order: Order; confirming: boolean }) {
  const { colors } = useTheme();
  const cash = cashToCollect(order.payment_method, order.total_paise);
  return (
    <StepLayout
      heading={confirming ? words.handedOver : words.done}
      action={{ title: words.backToWork, onPress: () => router.replace('/') }}
    >
      {confirming ? (
        <Card>
          <ActivityIndicator color={colors.primary} />
          <Text role="status" style={[typeScale.title, { color: colors.text }]}>
            {words.confirming}
          </Text>
        </Card>
      ) : (
        <Card>
          <Text role="status" style={[typeScale.title, { color: colors.text }]}>
            {words.earned(formatPaise(riderEarningPaise(order.distance_m)))}
          </Text>
          {cash > 0 ? (
            <Text style={[typeScale.title, { color: colors.text }]}>{words.cashCollected(formatPaise(cash))}</Text>
          ) : null}
        </Card>
      )}
    </StepLayout>
  );
}
