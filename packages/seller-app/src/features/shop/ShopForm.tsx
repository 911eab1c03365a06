import type { CategoryTree, LatLng } from '@kupwara/shared';
import { canPickOnMap, PointPicker } from '@kupwara/shared/place';
import { Button, Chip, Input, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import * as Location from 'expo-location';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';

const words = messages.shop;

export interface ShopFields {
  name: string;
  phone: string | null;
  address: string;
  location: LatLng;
  delivery_radius_km: number;
  min_order_paise: number;
  categories: string[];
}

export interface ShopFormProps {
  initial: ShopFields;
  categories: CategoryTree['items'];
  submitLabel: string;
  saving: boolean;
  onSubmit: (fields: ShopFields) => void;
}

type Problems = Partial<Record<'name' | 'address' | 'radius' | 'minOrder' | 'phone', string>>;

/** The shop's details, for setting it up and for changing them later. */
export function ShopForm({ initial, categories, submitLabel, saving, onSubmit }: ShopFormProps) {
  const { colors } = useTheme();
  const [name, setName] = useState(initial.name);
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [address, setAddress] = useState(initial.address);
  const [point, setPoint] = useState(initial.location);
  const [radius, setRadius] = useState(String(initial.delivery_radius_km));
  const [minOrder, setMinOrder] = useState(String(initial.min_order_paise / 100));
  const [chosen, setChosen] = useState(initial.categories);
  const [problems, setProblems] = useState<Problems>({});
  const [locating, setLocating] = useState(false);
  const [locationProblem, setLocationProblem] = useState<string>();
  // A new picker (and its pin) for each point taken from the phone's location.
  const [pickerKey, setPickerKey] = useState(0);

  async function locate() {
    setLocating(true);
    setLocationProblem(undefined);
    try {
      const permission = await Location.requestForegroundPermissionsAsync();
      if (!permission.granted) return setLocationProblem(words.locationDenied);
      const { coords } = await Location.getCurrentPositionAsync({ accuracy: Location.Accuracy.High });
      setPoint({ lat: coords.latitude, lng: coords.longitude });
      setPickerKey((key) => key + 1);
    } catch {
      setLocationProblem(words.locationDenied);
    } finally {
      setLocating(false);
    }
  }

  function submit() {
    const radiusKm = Number(radius.replace(',', '.'));
    const rupees = Number(minOrder || '0');
    const found: Problems = {};
    if (!name.trim()) found.name = words.invalid.name;
    if (!address.trim()) found.address = words.invalid.address;
    if (!(radiusKm >= 0.5 && radiusKm <= 25)) found.radius = words.invalid.radius;
    if (!Number.isInteger(rupees) || rupees < 0) found.minOrder = words.invalid.minOrder;
    if (phone.trim() && phone.trim().length < 5) found.phone = words.invalid.phone;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    onSubmit({
      name: name.trim(),
      phone: phone.trim() || null,
      address: address.trim(),
      location: point,
      delivery_radius_km: radiusKm,
      min_order_paise: rupees * 100,
      categories: chosen,
    });
  }

  const toggle = (slug: string) =>
    setChosen((now) => (now.includes(slug) ? now.filter((each) => each !== slug) : [...now, slug]));

  return (
    <View style={styles.form}>
      <Input label={words.name} value={name} onChangeText={setName} error={problems.name} maxLength={80} />
      <Input
        label={words.phone}
        value={phone}
        onChangeText={setPhone}
        error={problems.phone}
        inputMode="tel"
        autoComplete="tel"
      />
      <Input label={words.address} value={address} onChangeText={setAddress} error={problems.address} multiline />
      <Text role="heading" aria-level={2} style={[typeScale.label, { color: colors.text }]}>
        {words.point}
      </Text>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.pointHint}</Text>
      <Button
        variant="secondary"
        title={locating ? words.locating : words.useLocation}
        loading={locating}
        onPress={locate}
      />
      {locationProblem ? (
        <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
          {locationProblem}
        </Text>
      ) : null}
      {canPickOnMap ? (
        <PointPicker
          key={pickerKey}
          start={point}
          onPick={setPoint}
          confirmLabel={words.pointHere}
          mapLabel={words.mapLabel}
        />
      ) : null}
      <Text testID="shop-point" style={[typeScale.caption, { color: colors.textMuted }]}>
        {words.pointAt(point.lat, point.lng)}
      </Text>
      <View style={styles.pair}>
        <View style={styles.half}>
          <Input
            label={words.radius}
            value={radius}
            onChangeText={setRadius}
            error={problems.radius}
            inputMode="decimal"
          />
        </View>
        <View style={styles.half}>
          <Input
            label={words.minOrder}
            value={minOrder}
            onChangeText={setMinOrder}
            error={problems.minOrder}
            inputMode="numeric"
          />
        </View>
      </View>
      <Text role="heading" aria-level={2} style={[typeScale.label, { color: colors.text }]}>
        {words.categories}
      </Text>
      <View style={styles.chips}>
        {categories.map((category) => (
          <Chip
            key={category.slug}
            label={category.name}
            selected={chosen.includes(category.slug)}
            onPress={() => toggle(category.slug)}
          />
        ))}
      </View>
      <Button title={submitLabel} loading={saving} onPress={submit} />
    </View>
  );
}

const styles = StyleSheet.create({
  form: { gap: spacing.md },
  pair: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  half: { flexGrow: 1, flexBasis: 150 },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
});
