import type { LatLng } from '@kupwara/shared';
import { Button, spacing } from '@kupwara/shared/ui';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import MapView, { Marker } from 'react-native-maps';

/** Tap the map where the order should come; the pin moves there. */
export function PointPicker({ start, onPick }: { start: LatLng; onPick: (point: LatLng) => void }) {
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
        accessibilityLabel="Map: tap where the order should come"
      >
        <Marker coordinate={{ latitude: point.lat, longitude: point.lng }} />
      </MapView>
      <Button title="Deliver here" onPress={() => onPick(point)} />
    </View>
  );
}

export const canPickOnMap = true;

const styles = StyleSheet.create({
  box: { gap: spacing.md },
  map: { width: '100%', aspectRatio: 1, borderRadius: 12 },
});
