import { SignOutButton, useServices } from '@kupwara/shared/app';
import { Button, Card, Input, Screen, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { useStore } from 'zustand';
import { useCustomerStores } from '../../src/features/customer-stores';
import { messages } from '../../src/messages';
import { addressKeys, useAddresses } from '../../src/queries';

const words = messages.profile;

export default function Profile() {
  const { colors } = useTheme();
  const { session, api, queryClient } = useServices();
  const { place } = useCustomerStores();
  const me = useStore(session.store, (state) => state.session);
  const chosen = useStore(place.store, (state) => state.place);
  const addresses = useAddresses(true);
  const [label, setLabel] = useState('Home');
  const [text, setText] = useState('');
  const [landmark, setLandmark] = useState('');
  const [problem, setProblem] = useState<string>();

  // Addresses need the server (a blocking form): saved ones are then offered at checkout and in "Where".
  async function saveAddress() {
    if (!chosen) return;
    setProblem(undefined);
    try {
      await api.call('createAddress', {
        body: {
          label: label.trim(),
          text: text.trim() || chosen.label,
          location: { lat: chosen.lat, lng: chosen.lng },
          landmark: landmark.trim(),
        },
      });
      setText('');
      setLandmark('');
      await queryClient.invalidateQueries({ queryKey: addressKeys.all() });
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  async function remove(id: string) {
    await api.call('deleteAddress', { params: { id } }).catch((error: Error) => setProblem(error.message));
    await queryClient.invalidateQueries({ queryKey: addressKeys.all() });
  }

  return (
    <Screen title={words.title}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <Text style={[typeScale.title, { color: colors.text }]}>{me?.user.name}</Text>
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{me?.user.phone}</Text>

        <Text role="heading" aria-level={2} style={[typeScale.label, { color: colors.text }]}>
          {words.addresses}
        </Text>
        {addresses.data?.items.map((address) => (
          <Card key={address.id}>
            <View style={styles.row}>
              <View style={styles.grow}>
                <Text style={[typeScale.label, { color: colors.text }]}>{address.label}</Text>
                <Text style={[typeScale.caption, { color: colors.textMuted }]}>{address.text}</Text>
                {address.landmark ? (
                  <Text style={[typeScale.caption, { color: colors.textMuted }]}>
                    {messages.address.landmarkLine(address.landmark)}
                  </Text>
                ) : null}
              </View>
              <Button
                variant="secondary"
                title={words.remove}
                accessibilityLabel={`${words.remove} ${address.label}`}
                onPress={() => remove(address.id)}
              />
            </View>
          </Card>
        ))}
        {chosen ? (
          <>
            <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.saveHint(chosen.label)}</Text>
            <Input label={words.label} value={label} onChangeText={setLabel} />
            <Input label={messages.address.details} value={text} onChangeText={setText} maxLength={300} />
            <Input
              label={messages.address.landmark}
              value={landmark}
              onChangeText={setLandmark}
              placeholder={messages.address.landmarkExample}
              maxLength={120}
            />
            <Button title={words.save} onPress={saveAddress} disabled={!label.trim()} />
          </>
        ) : null}
        {problem ? (
          <Text role="alert" style={[typeScale.body, { color: colors.danger }]}>
            {problem}
          </Text>
        ) : null}
        <SignOutButton onSignedOut={() => router.replace('/login')} />
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
});
