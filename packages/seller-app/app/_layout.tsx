import { AppProviders } from '@kupwara/shared/app';
import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';
import { useEffect, useState } from 'react';
import { ActivityIndicator, View } from 'react-native';
import { messages } from '../src/messages';
import { createSellerServices } from '../src/services';

/** Bumped when the shape of cached server data changes, so an old cache is not read as new. */
const CACHE_VERSION = 'seller-1';

// expo-router's root already provides SafeAreaProvider; screens draw their own header.
export default function RootLayout() {
  const [services] = useState(createSellerServices);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void services.load().finally(() => setReady(true));
  }, [services]);
  if (!ready) {
    return (
      <View style={{ flex: 1, alignItems: 'center', justifyContent: 'center' }}>
        <ActivityIndicator accessibilityLabel="Loading" />
      </View>
    );
  }
  return (
    <AppProviders services={services} buster={CACHE_VERSION}>
      <StatusBar style="auto" />
      <Stack screenOptions={{ headerShown: false, title: messages.appName }} />
    </AppProviders>
  );
}
