import { useColorScheme } from 'react-native';
import { type Theme, themes } from './theme';

/** The theme for the device's light or dark setting. */
export function useTheme(): Theme {
  return useColorScheme() === 'dark' ? themes.dark : themes.light;
}
