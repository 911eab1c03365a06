import { Redirect, Stack } from 'expo-router';
import { useStore } from 'zustand';
import { useServices } from '../providers';

export interface SignedInGateProps {
  /** The browser tab's title on the web build. */
  title: string;
}

/** The layout of everything but signing in: those screens need an account, so without one `/login` opens. */
export function SignedInGate({ title }: SignedInGateProps) {
  const { session } = useServices();
  const signedIn = useStore(session.store, (state) => Boolean(state.session));
  if (!signedIn) return <Redirect href="/login" />;
  return <Stack screenOptions={{ headerShown: false, title }} />;
}
