import { canPickOnMap, PointPicker } from '@kupwara/shared/place';
import { Button, Card, Screen, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import * as Location from 'expo-location';
import { router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text } from 'react-native';
import { useCustomerStores } from '../../src/features/customer-stores';
import type { Place } from '../../src/features/place/place-store';
import { messages } from '../../src/messages';
import { useAddresses } from '../../src/queries';

const words = messages.place;
/** The town's centre, for a phone that will not tell where it is. */
const TOWN_CENTRE = { lat: 34.5297, lng: 74.2543 };

export default function ChoosePlace() {
  const { colors } = useTheme();
  const { place } = useCustomerStores();
  const addresses = useAddresses(true);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [picking, setPicking] = useState(false);

  const choose = (chosen: Place) => {
    place.select(chosen);
    router.back();
  };

  async function locate() {
    setLocating(true);
    setProblem(undefined);
    try {
      const permission = await Location.requestForegroundPermissionsAsync();
      if (!permission.granted) return setProblem(words.denied);
      const { coords } = await Location.getCurrentPositionAsync({ accuracy: Location.Accuracy.Balanced });
      choose({ lat: coords.latitude, lng: coords.longitude, label: words.current, source: 'gps' });
    } catch {
      setProblem(words.denied);
    } finally {
      setLocating(false);
    }
  }

  return (
    <Screen title={words.title}>
      <ScrollView contentContainerStyle={styles.content}>
        <Button title={locating ? words.locating : words.useLocation} onPress={locate} loading={locating} />
        {problem ? (
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {problem}
          </Text>
        ) : null}
        {addresses.data?.items.length ? (
          <Text role="heading" aria-level={2} style={[typeScale.label, { color: colors.textMuted }]}>
            {words.saved}
          </Text>
        ) : null}
        {addresses.data?.items.map((address) => (
          <Card
            key={address.id}
            onPress={() =>
              choose({ ...address.location, label: address.label, source: 'address', address_id: address.id })
            }
          >
            <Text style={[typeScale.label, { color: colors.text }]}>{address.label}</Text>
            <Text style={[typeScale.caption, { color: colors.textMuted }]}>{address.text}</Text>
          </Card>
        ))}
        {canPickOnMap ? (
          picking ? (
            <PointPicker
              start={place.store.getState().place ?? TOWN_CENTRE}
              onPick={(point) => choose({ ...point, label: words.pinned, source: 'map' })}
              confirmLabel={words.deliverHere}
              mapLabel={words.mapLabel}
            />
          ) : (
            <Button variant="secondary" title={words.pickOnMap} onPress={() => setPicking(true)} />
          )
        ) : null}
        <Button
          variant="secondary"
          title={words.centre}
          onPress={() => choose({ ...TOWN_CENTRE, label: words.centre, source: 'map' })}
        />
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({ content: { padding: spacing.md, gap: spacing.md } });
