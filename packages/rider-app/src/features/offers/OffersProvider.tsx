import { createRinger, orderKeys, type Ringer, useChannel, useServices } from '@kupwara/shared/app';
import { spacing, typeScale, useTheme, useToast } from '@kupwara/shared/ui';
import { channels } from '@kupwara/shared/values';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { AppState, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { useStore } from 'zustand';
import { messages } from '../../messages';
import { assignmentKeys, useAssignments } from '../assignments';
import { OfferCard } from './OfferCard';
import { offerBell } from './offer-bell';
import { type Assignments, openOffers, withOffer, withoutOffer } from './offer-cache';

/** Which offer the overlay shows now (null: none), so the Work tab lists only the others. */
const ShownOffer = createContext<string | null>(null);
export const useShownOffer = () => useContext(ShownOffer);

/**
 * Offers arriving on the rider's channel, shown over whatever screen is open. An `offer` frame
 * goes into the assignments cache; an order event on the channel refreshes the assignments and
 * that order; after a drop (or the app coming back to the front) the assignments are read again,
 * since the rider channel does not replay and an offer sent meanwhile is only in the list. While an
 * offer is open the phone rings; at its end it leaves with "Offer expired".
 */
export function OffersProvider({ children, ringer: given }: { children: ReactNode; ringer?: Ringer }) {
  const { session } = useServices();
  const userId = useStore(session.store, (state) => state.session?.user.id ?? null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useAssignments();
  const [ringer] = useState(() => given ?? createRinger(offerBell));
  const [soundBlocked, setSoundBlocked] = useState(ringer.blocked);
  useEffect(() => ringer.onBlocked(setSoundBlocked), [ringer]);

  const refetch = () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
  useChannel(
    userId ? channels.rider(userId) : null,
    (frame) => {
      if (frame.type === 'offer') {
        queryClient.setQueryData<Assignments>(assignmentKeys.all, (now) => withOffer(now, frame.offer));
      } else if (frame.type === 'event') {
        void refetch();
        void queryClient.invalidateQueries({ queryKey: orderKeys.detail(frame.event.order_id) });
      }
    },
    { onResume: () => void refetch() },
  );
  useEffect(() => {
    const listener = AppState.addEventListener('change', (state) => {
      if (state === 'active') void queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
    });
    return () => listener.remove();
  }, [queryClient]);

  const [shown] = openOffers(data, Date.now());
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(
      () => {
        queryClient.setQueryData<Assignments>(assignmentKeys.all, (now) => withoutOffer(now, shown.id));
        toast.show(messages.offers.expired, { tone: 'warning' });
      },
      Math.max(0, Date.parse(shown.expires_at) - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [shown, queryClient, toast]);

  const ringing = shown !== undefined;
  useEffect(() => {
    if (ringing) ringer.start();
    else ringer.stop();
  }, [ringing, ringer]);
  useEffect(() => () => ringer.stop(), [ringer]);

  return (
    <ShownOffer.Provider value={shown?.id ?? null}>
      {children}
      {shown ? (
        <OfferOverlay soundBlocked={soundBlocked}>
          <OfferCard key={shown.id} offer={shown} />
        </OfferOverlay>
      ) : null}
    </ShownOffer.Provider>
  );
}

/** The dimmed screen with the offer at the bottom, within thumb reach. */
function OfferOverlay({ children, soundBlocked }: { children: ReactNode; soundBlocked: boolean }) {
  const { colors } = useTheme();
  return (
    <View
      style={[StyleSheet.absoluteFill, styles.scrim, { backgroundColor: colors.scrim }]}
      aria-modal
      accessibilityViewIsModal
    >
      <SafeAreaView edges={['bottom', 'left', 'right']} style={styles.sheet}>
        {soundBlocked ? (
          <Text style={[typeScale.label, styles.blocked, { backgroundColor: colors.warning, color: colors.onWarning }]}>
            {messages.offers.soundBlocked}
          </Text>
        ) : null}
        {children}
      </SafeAreaView>
    </View>
  );
}

const styles = StyleSheet.create({
  scrim: { justifyContent: 'flex-end' },
  sheet: { padding: spacing.sm, gap: spacing.sm },
  blocked: { padding: spacing.sm, borderRadius: 6, textAlign: 'center' },
});
