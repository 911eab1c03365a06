import { StyleSheet, Text, View } from 'react-native';
import type { LatLng } from '../contract/geo';
import { radius, spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';
import type { TrackingMapProps } from './tracking-map-props';

/**
 * The web build's map: the shop, home and rider placed to scale on a plain square, with no map
 * tiles to download (a town's connection may not carry them). Phones use TrackingMap.native.tsx.
 */
export function TrackingMap({ shop, home, rider, labels }: TrackingMapProps) {
  const { colors } = useTheme();
  const points = [shop, home, ...(rider ? [rider] : [])];
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const [west, east] = [Math.min(...lngs), Math.max(...lngs)];
  // One scale for both axes (a degree of longitude is shorter here by cos(latitude)).
  const squash = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const span = Math.max(north - south, (east - west) * squash, 0.002);
  // Centred on the points' box, so points in a line (a shop due south of the door) sit mid-plan, not on its edge.
  const [midLat, midLng] = [(south + north) / 2, (west + east) / 2];
  const at = (p: LatLng) => ({
    left: `${50 + (((p.lng - midLng) * squash) / span) * 80}%` as const,
    bottom: `${50 + ((p.lat - midLat) / span) * 80}%` as const,
  });
  const pin = (p: LatLng, label: string, background: string, color: string) => (
    <View style={[styles.pin, at(p), { backgroundColor: background }]}>
      <Text style={[typeScale.caption, styles.pinText, { color }]}>{label}</Text>
    </View>
  );
  return (
    <View
      accessible
      accessibilityLabel={labels.map}
      style={[styles.map, { backgroundColor: colors.surface, borderColor: colors.border }]}
    >
      {pin(shop, labels.shop, colors.accent, colors.onAccent)}
      {pin(home, labels.home, colors.primary, colors.onPrimary)}
      {rider ? pin(rider, labels.rider, colors.text, colors.background) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  map: { width: '100%', aspectRatio: 1.6, borderWidth: 1, borderRadius: radius.md, overflow: 'hidden' },
  pin: {
    position: 'absolute',
    paddingHorizontal: spacing.sm,
    paddingVertical: 2,
    borderRadius: radius.pill,
    transform: [{ translateX: '-50%' }, { translateY: '50%' }],
  },
  pinText: { fontWeight: '700' },
});
