import { useServices } from '@kupwara/shared/app';
import { Redirect, Stack } from 'expo-router';
import { useStore } from 'zustand';

/** Everything but signing in needs an account. */
export default function SignedInLayout() {
  const { session } = useServices();
  const signedIn = useStore(session.store, (state) => Boolean(state.session));
  if (!signedIn) return <Redirect href="/login" />;
  return <Stack screenOptions={{ headerShown: false, title: 'KupwaraCart' }} />;
}
