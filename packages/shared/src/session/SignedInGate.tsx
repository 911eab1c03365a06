import { Redirect, Stack } from 'expo-router';
import type { ComponentType, ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LeadsTo } from '../notifications/push';
import { usePush } from '../notifications/use-push';
import { useServices } from '../providers';

export interface SignedInGateProps {
  /** The browser tab's title on the web build. */
  title: string;
  /** What only a signed-in person has around every screen (the seller app's ringing for new orders). */
  around?: ComponentType<{ children: ReactNode }>;
  /** Where a tapped push opens in this app: the same mapping as its notifications list. */
  leadsTo?: LeadsTo;
}

/** The layout of everything but signing in: those screens need an account, so without one `/login` opens. */
export function SignedInGate({ title, around: Around, leadsTo }: SignedInGateProps) {
  const { session } = useServices();
  const signedIn = useStore(session.store, (state) => Boolean(state.session));
  if (!signedIn) return <Redirect href="/login" />;
  const stack = <Stack screenOptions={{ headerShown: false, title }} />;
  return (
    <>
      {leadsTo ? <PushTaps leadsTo={leadsTo} /> : null}
      {Around ? <Around>{stack}</Around> : stack}
    </>
  );
}

/** Pushes only for a signed-in person: a tap needs someone to open the order for. */
function PushTaps({ leadsTo }: { leadsTo: LeadsTo }) {
  usePush(leadsTo);
  return null;
}
