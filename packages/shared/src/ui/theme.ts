import type { TextStyle } from 'react-native';

/** Kashmir's saffron and a deep chinar-valley green; every other colour is a neutral. */
const brand = {
  saffron: '#C96A00',
  saffronLight: '#FFB45C',
  green: '#0B5D3B',
  greenLight: '#5CC994',
} as const;

export interface Colors {
  background: string;
  surface: string;
  text: string;
  textMuted: string;
  border: string;
  /** Filled buttons and links; `onPrimary` is text drawn on it. */
  primary: string;
  onPrimary: string;
  /** The brand's second colour: the logo and highlights, never body text. */
  accent: string;
  onAccent: string;
  disabled: string;
  onDisabled: string;
}

export type ColorSchemeName = 'light' | 'dark';

export const colors: Record<ColorSchemeName, Colors> = {
  light: {
    background: '#FBF8F3',
    surface: '#FFFFFF',
    text: '#1B1F1D',
    textMuted: '#545C58',
    border: '#E3DDD2',
    primary: brand.green,
    onPrimary: '#FFFFFF',
    accent: brand.saffron,
    onAccent: '#FFFFFF',
    disabled: '#E3E0DA',
    onDisabled: '#5F5B55',
  },
  dark: {
    background: '#0F1412',
    surface: '#18201C',
    text: '#EDF2EF',
    textMuted: '#A5AFAA',
    border: '#2B3430',
    primary: brand.greenLight,
    onPrimary: '#052616',
    accent: brand.saffronLight,
    onAccent: '#2B1600',
    disabled: '#2A302D',
    onDisabled: '#9AA39F',
  },
};

export const spacing = { xs: 4, sm: 8, md: 16, lg: 24, xl: 32, xxl: 48 } as const;

export const radius = { sm: 6, md: 12, pill: 999 } as const;

/** At least Apple's 44 pt and Material's 48 dp. */
export const minTouchTarget = 48;

export const typeScale = {
  display: { fontSize: 28, lineHeight: 34, fontWeight: '700' },
  title: { fontSize: 22, lineHeight: 28, fontWeight: '700' },
  body: { fontSize: 16, lineHeight: 24, fontWeight: '400' },
  label: { fontSize: 16, lineHeight: 20, fontWeight: '600' },
  caption: { fontSize: 13, lineHeight: 18, fontWeight: '400' },
} as const satisfies Record<string, TextStyle>;

export interface Theme {
  scheme: ColorSchemeName;
  colors: Colors;
  spacing: typeof spacing;
  radius: typeof radius;
  type: typeof typeScale;
}

export const themes: Record<ColorSchemeName, Theme> = {
  light: { scheme: 'light', colors: colors.light, spacing, radius, type: typeScale },
  dark: { scheme: 'dark', colors: colors.dark, spacing, radius, type: typeScale },
};
