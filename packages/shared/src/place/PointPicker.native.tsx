import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import MapView, { Marker } from 'react-native-maps';
import type { LatLng } from '../contract/geo';
import { Button } from '../ui/Button';
import { spacing } from '../ui/theme';
import type { PointPickerProps } from './point-picker-props';

/** Tap the map where the point is; the pin moves there. */
export function PointPicker({ start, onPick, confirmLabel, mapLabel }: PointPickerProps) {
  const [point, setPoint] = useState(start);
  return (
    <View style={styles.box}>
      <MapView
        style={styles.map}
        initialRegion={{ latitude: start.lat, longitude: start.lng, latitudeDelta: 0.02, longitudeDelta: 0.02 }}
        onPress={(event) => {
          const { latitude, longitude } = event.nativeEvent.coordinate;
          setPoint({ lat: latitude, lng: longitude });
        }}
        accessibilityLabel={mapLabel}
      >
        <Marker coordinate={{ latitude: point.lat, longitude: point.lng }} />
      </MapView>
      <Button title={confirmLabel} onPress={() => onPick(point as LatLng)} />
    </View>
  );
}

export const canPickOnMap = true;

const styles = StyleSheet.create({
  box: { gap: spacing.md },
  map: { width: '100%', aspectRatio: 1, borderRadius: 12 },
});
