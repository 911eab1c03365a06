import { AccessibilityInfo, Platform } from 'react-native';

/**
 * Reads a message aloud on iOS. Android and the web announce our live regions
 * (`accessibilityLiveRegion`, role "alert") by themselves; iOS has no live regions, so it is told.
 */
export function announce(message: string) {
  if (Platform.OS === 'ios') AccessibilityInfo.announceForAccessibility(message);
}
