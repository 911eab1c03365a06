export { AppHeader, type AppHeaderProps } from './AppHeader';
export { Badge, type BadgeProps } from './Badge';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { Card, type CardProps } from './Card';
export { Chip, type ChipProps } from './Chip';
export { ChipRow, type ChipRowProps } from './ChipRow';
export { CountedTabLabel, CountPill } from './CountPill';
export { formatClockTime, formatClockTimeWithDay } from './clock-time';
export { formatDistance } from './distance';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { Input, type InputProps } from './Input';
export { type Messages, messages } from './messages';
export { formatPaise } from './money';
export { OfflineBanner, type OfflineBannerProps } from './OfflineBanner';
export { Price, type PriceProps } from './Price';
export { Screen, type ScreenProps } from './Screen';
export { Sheet, type SheetProps } from './Sheet';
export { Skeleton, type SkeletonProps } from './Skeleton';
export { StatusTimeline, type StatusTimelineProps } from './StatusTimeline';
export { Stepper, type StepperProps } from './Stepper';
export { type ToastApi, type ToastOptions, ToastProvider, useToast } from './Toast';
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
export {
  type StepState,
  type TimelineStep,
  timelineSteps,
} from './timeline-steps';
export { type Tone, type ToneColors, toneColors } from './tone';
export { useNow } from './use-now';
export { useTheme } from './use-theme';
export { useTimePassed } from './use-time-passed';
export { WelcomeScreen, type WelcomeScreenProps } from './WelcomeScreen';
