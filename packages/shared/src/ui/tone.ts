import type { Colors } from './theme';

/** What a badge, banner or toast is telling the user, which picks its colours. */
export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

export interface ToneColors {
  background: string;
  foreground: string;
}

export function toneColors(colors: Colors, tone: Tone): ToneColors {
  const pairs: Record<Tone, ToneColors> = {
    neutral: { background: colors.neutral, foreground: colors.onNeutral },
    success: { background: colors.success, foreground: colors.onSuccess },
    warning: { background: colors.warning, foreground: colors.onWarning },
    danger: { background: colors.danger, foreground: colors.onDanger },
    info: { background: colors.info, foreground: colors.onInfo },
  };
  return pairs[tone];
}
