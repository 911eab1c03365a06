import { StyleSheet } from 'react-native';
import MapView, { Marker } from 'react-native-maps';
import type { TrackingMapProps } from './tracking-map-props';

/** On phones, the platform's map with the shop, home and the rider as it moves. */
export function TrackingMap({ shop, home, rider, labels }: TrackingMapProps) {
  const points = [shop, home, ...(rider ? [rider] : [])];
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const region = {
    latitude: (Math.min(...lats) + Math.max(...lats)) / 2,
    longitude: (Math.min(...lngs) + Math.max(...lngs)) / 2,
    latitudeDelta: Math.max(0.005, (Math.max(...lats) - Math.min(...lats)) * 1.6),
    longitudeDelta: Math.max(0.005, (Math.max(...lngs) - Math.min(...lngs)) * 1.6),
  };
  const coordinate = (p: { lat: number; lng: number }) => ({ latitude: p.lat, longitude: p.lng });
  return (
    <MapView style={styles.map} initialRegion={region} accessibilityLabel={labels.map}>
      <Marker coordinate={coordinate(shop)} title={labels.shop} pinColor="orange" />
      <Marker coordinate={coordinate(home)} title={labels.home} pinColor="green" />
      {rider ? <Marker coordinate={coordinate(rider)} title={labels.rider} /> : null}
    </MapView>
  );
}

const styles = StyleSheet.create({ map: { width: '100%', aspectRatio: 1.6, borderRadius: 12 } });
