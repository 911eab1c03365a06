import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';
import { ActivityIndicator, View } from 'react-native';
import { registerServiceWorker } from './offline/service-worker';
import { AppProviders } from './providers';
import type { AppServices } from './services';

export interface AppRootProps<Services extends AppServices> {
  /** Makes the app's services, once. */
  create: () => Services;
  /** Bumped when the shape of cached server data changes, so an old cache is not read as new. */
  buster: string;
  /** The browser tab's title on the web build. */
  title: string;
  /** What the app provides around every screen besides the shared providers (the customer's cart). */
  around?: ComponentType<{ services: Services; children: ReactNode }>;
}

/**
 * An app's root layout: its services read back from the phone (session, queue, stores) behind a
 * spinner, then the providers around a stack. expo-router's root already provides
 * SafeAreaProvider; screens draw their own header.
 */
export function AppRoot<Services extends AppServices>({
  create,
  buster,
  title,
  around: Around,
}: AppRootProps<Services>) {
  const [services] = useState(create);
  const [ready, setReady] = useState(false);
  useEffect(registerServiceWorker, []);
  useEffect(() => {
    void services.load().finally(() => setReady(true));
    // The Android channels exist from the first launch: a push names one, and Android 13 shows the
    // permission prompt only once a channel exists. No prompt here: each app asks at its own moment.
    services.push.start().catch((error: unknown) => console.warn('Could not set up pushes', error));
  }, [services]);
  if (!ready) {
    return (
      <View style={{ flex: 1, alignItems: 'center', justifyContent: 'center' }}>
        <ActivityIndicator accessibilityLabel="Loading" />
      </View>
    );
  }
  const stack = (
    <>
      <StatusBar style="auto" />
      <Stack screenOptions={{ headerShown: false, title }} />
    </>
  );
  return (
    <AppProviders services={services} buster={buster}>
      {Around ? <Around services={services}>{stack}</Around> : stack}
    </AppProviders>
  );
}
