import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';

// expo-router's root already provides SafeAreaProvider; screens draw their own AppHeader.
export default function RootLayout() {
  return (
    <>
      <StatusBar style="auto" />
      <Stack screenOptions={{ headerShown: false, title: 'KupwaraCart' }} />
    </>
  );
}
