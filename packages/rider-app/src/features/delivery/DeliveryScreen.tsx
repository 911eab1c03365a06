import type { Order } from '@kupwara/shared';
import { useOrder, useOrderActions } from '@kupwara/shared/app';
import { EmptyState, messages as kitWords, Screen, Skeleton, spacing } from '@kupwara/shared/ui';
import { cashToCollect } from '@kupwara/shared/values';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { messages } from '../../messages';
import { assignmentKeys } from '../assignments';
import { earningsKeys } from '../earnings/queries';
import { DoneStep } from './DoneStep';
import { deliveryStep } from './delivery-step';
import { HandOverStep } from './HandOverStep';
import { RefusedMoves } from './RefusedMoves';
import { ToCustomerStep } from './ToCustomerStep';
import { ToShopStep } from './ToShopStep';

const words = messages.delivery;

/**
 * One delivery, one step per screen: to the shop, picked up, on the way, hand-over, done. The
 * order is cached on the phone, so it opens with no signal; every step is the shared queued
 * `transitionOrder` (optimistic with feedback): it shows at once and is sent, in order and with
 * when the rider acted, once there is a network.
 */
export function DeliveryScreen({ orderId }: { orderId: string }) {
  const order = useOrder(orderId);
  if (!order.data) {
    return (
      <Screen title={words.title}>
        {order.isPending ? (
          <View style={styles.loading}>
            <Skeleton lines={5} height={48} />
          </View>
        ) : (
          <EmptyState
            title={words.loadFailed}
            message={order.error?.message ?? ''}
            action={{ title: words.retry, onPress: () => order.refetch() }}
          />
        )}
      </Screen>
    );
  }
  return (
    <Screen title={words.title}>
      <DeliverySteps order={order.data} />
    </Screen>
  );
}

function DeliverySteps({ order: cached }: { order: Order }) {
  const queryClient = useQueryClient();
  const actions = useOrderActions(cached, 'rider');
  const [atDoor, setAtDoor] = useState(false);
  // Kept here, not in the hand-over: after a refused code the rider types again, the cash is still taken.
  const [cashTaken, setCashTaken] = useState(false);
  const { order } = actions;
  const step = deliveryStep(order.status, { atDoor, waiting: actions.waiting, failed: actions.failed });

  // Delivered for good: the Work tab's list of deliveries no longer has it; Earnings and History do.
  useEffect(() => {
    if (step.kind !== 'delivered') return;
    void queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
    void queryClient.invalidateQueries({ queryKey: earningsKeys.all() });
  }, [step.kind, queryClient]);

  const move = (to: Order['status'], extras?: Parameters<typeof actions.move>[1]) => void actions.move(to, extras);
  // The cash the rider ticked as taken goes with the code; the server checks it is the total.
  const cash = cashToCollect(order.payment_method, order.total_paise);
  const deliver = (otp: string) => move('DELIVERED', cash > 0 ? { otp, cash_collected_paise: cash } : { otp });
  return (
    <View style={styles.root}>
      <RefusedMoves failed={actions.failed} onDismiss={actions.discard} />
      {step.kind === 'to-shop' ? <ToShopStep order={order} onPickedUp={() => move('PICKED_UP')} /> : null}
      {step.kind === 'picked-up' ? (
        <ToCustomerStep order={order} stage="picked-up" onNext={() => move('IN_TRANSIT')} />
      ) : null}
      {step.kind === 'to-customer' ? (
        <ToCustomerStep order={order} stage="to-customer" onNext={() => setAtDoor(true)} />
      ) : null}
      {step.kind === 'hand-over' ? (
        <HandOverStep
          order={order}
          refusal={step.refusal}
          cashTaken={cashTaken}
          onCashTaken={setCashTaken}
          onDeliver={deliver}
          onBack={() => setAtDoor(false)}
        />
      ) : null}
      {step.kind === 'confirming' || step.kind === 'delivered' ? (
        <DoneStep order={order} confirming={step.kind === 'confirming'} />
      ) : null}
      {step.kind === 'ended' ? (
        <EmptyState title={words.step.ended} message={kitWords.orderStatus[step.status]} />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  loading: { padding: spacing.md },
});
