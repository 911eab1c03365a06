import { useEffect } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { announce } from './announce';
import { messages } from './messages';
import { spacing, typeScale } from './theme';
import { toneColors } from './tone';
import { useTheme } from './use-theme';

export interface OfflineBannerProps {
  offline: boolean;
  /** Actions waiting in the offline queue. */
  pending?: number;
}

function bannerText(offline: boolean, pending: number) {
  if (offline) {
    return pending > 0 ? `${messages.offline.offline} ${messages.offline.willSend(pending)}` : messages.offline.offline;
  }
  return pending > 0 ? messages.offline.sending(pending) : undefined;
}

/**
 * Says that the phone is offline and that queued actions are kept, then that they are being sent
 * once it is back; gone when there is nothing to say.
 */
export function OfflineBanner({ offline, pending = 0 }: OfflineBannerProps) {
  const { colors } = useTheme();
  const text = bannerText(offline, pending);

  useEffect(() => {
    if (text) announce(text);
  }, [text]);

  if (!text) return null;
  const { background, foreground } = toneColors(colors, offline ? 'warning' : 'info');
  return (
    <View
      accessible
      accessibilityRole="alert"
      accessibilityLiveRegion="polite"
      style={[styles.banner, { backgroundColor: background }]}
    >
      <Text style={[typeScale.body, { color: foreground }]}>{text}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  banner: { paddingHorizontal: spacing.md, paddingVertical: spacing.sm },
});
