import { useState } from 'react';
import { type GestureResponderEvent, type LayoutChangeEvent, Pressable, StyleSheet, Text, View } from 'react-native';
import { Button } from '../ui/Button';
import { radius, spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';
import type { PointPickerProps } from './point-picker-props';

/** The plan shows this many metres from the start to each edge. */
const HALF_SIDE_M = 1_000;
const METRES_PER_DEGREE_LAT = 110_950;

/**
 * The web build's picker: a to-scale plan 2 km across around the start, with no map tiles to
 * download (a town's connection may not carry them). Click where the point is; phones use a map
 * (PointPicker.native.tsx).
 */
export function PointPicker({ start, onPick, confirmLabel, mapLabel }: PointPickerProps) {
  const { colors } = useTheme();
  const [point, setPoint] = useState(start);
  const [side, setSide] = useState(0);
  const metresPerDegreeLng = METRES_PER_DEGREE_LAT * Math.cos((start.lat * Math.PI) / 180);
  const offset = {
    x: ((point.lng - start.lng) * metresPerDegreeLng) / HALF_SIDE_M,
    y: ((point.lat - start.lat) * METRES_PER_DEGREE_LAT) / HALF_SIDE_M,
  };
  const press = (event: GestureResponderEvent) => {
    if (!side) return;
    // react-native-web hands over the browser's own event: its offset within the plan.
    const native = event.nativeEvent as Partial<{
      locationX: number;
      locationY: number;
      offsetX: number;
      offsetY: number;
    }>;
    const locationX = native.locationX ?? native.offsetX;
    const locationY = native.locationY ?? native.offsetY;
    if (locationX === undefined || locationY === undefined) return;
    const x = (locationX / side) * 2 - 1;
    const y = 1 - (locationY / side) * 2;
    setPoint({
      lat: start.lat + (y * HALF_SIDE_M) / METRES_PER_DEGREE_LAT,
      lng: start.lng + (x * HALF_SIDE_M) / metresPerDegreeLng,
    });
  };
  return (
    <View style={styles.box}>
      <Pressable
        accessibilityLabel={mapLabel}
        testID="point-plan"
        onPress={press}
        onLayout={(event: LayoutChangeEvent) => setSide(event.nativeEvent.layout.width)}
        style={[styles.plan, { backgroundColor: colors.surface, borderColor: colors.border }]}
      >
        <View pointerEvents="none" style={[styles.crossH, { backgroundColor: colors.border }]} />
        <View pointerEvents="none" style={[styles.crossV, { backgroundColor: colors.border }]} />
        <View
          pointerEvents="none"
          style={[
            styles.pin,
            {
              left: `${50 + offset.x * 50}%`,
              top: `${50 - offset.y * 50}%`,
              backgroundColor: colors.primary,
              borderColor: colors.onPrimary,
            },
          ]}
        />
        <Text pointerEvents="none" style={[typeScale.caption, styles.scale, { color: colors.textMuted }]}>
          ← 2 km →
        </Text>
      </Pressable>
      <Button title={confirmLabel} onPress={() => onPick(point)} />
    </View>
  );
}

export const canPickOnMap = true;

const styles = StyleSheet.create({
  box: { gap: spacing.md },
  plan: {
    width: '100%',
    maxWidth: 420,
    aspectRatio: 1,
    borderWidth: 1,
    borderRadius: radius.md,
    overflow: 'hidden',
    alignSelf: 'center',
  },
  crossH: { position: 'absolute', left: 0, right: 0, top: '50%', height: 1 },
  crossV: { position: 'absolute', top: 0, bottom: 0, left: '50%', width: 1 },
  pin: {
    position: 'absolute',
    width: 20,
    height: 20,
    borderRadius: 10,
    borderWidth: 3,
    transform: [{ translateX: -10 }, { translateY: -10 }],
  },
  scale: { position: 'absolute', bottom: spacing.xs, alignSelf: 'center' },
});
