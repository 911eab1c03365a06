import { useServices } from '@kupwara/shared/app';
import { Button, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { router } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { useStore } from 'zustand';
import { messages } from '../../src/messages';
import { Screen } from '../../src/Screen';

export default function Profile() {
  const { colors } = useTheme();
  const { session, api, queryClient } = useServices();
  const me = useStore(session.store, (state) => state.session);
  async function signOut() {
    const refresh = me?.refresh_token;
    await session.logout();
    queryClient.clear();
    router.replace('/login');
    // Tell the server too, if it can be reached; signing out never waits for the network.
    if (refresh) void api.call('logout', { body: { refresh_token: refresh } }).catch(() => {});
  }
  return (
    <Screen title={messages.profile.title}>
      <View style={styles.content}>
        <Text style={[typeScale.title, { color: colors.text }]}>{me?.user.name}</Text>
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{me?.user.phone}</Text>
        <Button variant="secondary" title={messages.profile.logout} onPress={signOut} />
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({ content: { padding: spacing.md, gap: spacing.md } });
