import { useEffect, useRef } from 'react';
import {
  AccessibilityInfo,
  Animated,
  type DimensionValue,
  type StyleProp,
  StyleSheet,
  View,
  type ViewStyle,
} from 'react-native';
import { messages } from './messages';
import { radius, spacing } from './theme';
import { useTheme } from './use-theme';

export interface SkeletonProps {
  /** Grey bars stacked like lines of text; the last of several is shorter, as a paragraph's is. */
  lines?: number;
  /** Of each bar; e.g. 120 for a photo. */
  height?: number;
  width?: DimensionValue;
  style?: StyleProp<ViewStyle>;
}

const pulse = { dimmest: 0.45, halfPeriodMs: 800 };

/** A placeholder the shape of content that is loading, read aloud once as "Loading". */
export function Skeleton({ lines = 1, height = 16, width = '100%', style }: SkeletonProps) {
  const { colors } = useTheme();
  const opacity = useRef(new Animated.Value(1)).current;

  useEffect(() => {
    let unmounted = false;
    let loop: Animated.CompositeAnimation | undefined;
    // Checked once when shown: a pulse is decoration, so users who ask for less motion get still blocks.
    AccessibilityInfo.isReduceMotionEnabled().then((reduceMotion) => {
      if (unmounted || reduceMotion) return;
      const fade = (toValue: number) =>
        Animated.timing(opacity, { toValue, duration: pulse.halfPeriodMs, useNativeDriver: true });
      loop = Animated.loop(Animated.sequence([fade(pulse.dimmest), fade(1)]));
      loop.start();
    });
    return () => {
      unmounted = true;
      loop?.stop();
    };
  }, [opacity]);

  const bars = Array.from({ length: lines }, (_, line) => line);
  return (
    <Animated.View
      accessible
      accessibilityRole="progressbar"
      accessibilityLabel={messages.loading}
      aria-busy
      style={[styles.group, { opacity }, style]}
    >
      {bars.map((line) => (
        <View
          key={line}
          style={[
            styles.bar,
            { height, backgroundColor: colors.skeleton, width: lines > 1 && line === lines - 1 ? '60%' : width },
          ]}
        />
      ))}
    </Animated.View>
  );
}

const styles = StyleSheet.create({
  group: { gap: spacing.sm },
  bar: { borderRadius: radius.sm },
});
