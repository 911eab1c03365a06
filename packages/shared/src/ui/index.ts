export { AppHeader, type AppHeaderProps } from './AppHeader';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export {
  type ColorSchemeName,
  type Colors,
  colors,
  minTouchTarget,
  radius,
  spacing,
  type Theme,
  themes,
  typeScale,
} from './theme';
export { useTheme } from './use-theme';
export { WelcomeScreen, type WelcomeScreenProps } from './WelcomeScreen';
