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
  /** The edge of a text field: at least 3:1 against the page, which `border` is not, so a field can be found. */
  outline: string;
  /**
   * Tones for badges, banners and toasts, each with the text drawn on it. `danger` also colours error
   * text on the page and on surfaces, so it keeps 4.5:1 there too.
   */
  neutral: string;
  onNeutral: string;
  success: string;
  onSuccess: string;
  warning: string;
  onWarning: string;
  danger: string;
  onDanger: string;
  info: string;
  onInfo: string;
  /** Placeholder blocks while content loads: only decoration, so a faint step from the page is enough. */
  skeleton: string;
  /** Dims the screen behind a sheet. */
  scrim: string;
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
    outline: '#7A827E',
    neutral: '#ECE7DE',
    onNeutral: '#1B1F1D',
    success: '#1E6B3F',
    onSuccess: '#FFFFFF',
    // Amber carries dark text: white on any amber light enough to read as a warning falls below 4.5:1.
    warning: '#F4B740',
    onWarning: '#2E1F00',
    danger: '#B3261E',
    onDanger: '#FFFFFF',
    info: '#1D5FA6',
    onInfo: '#FFFFFF',
    skeleton: '#DDD6CA',
    scrim: 'rgba(0, 0, 0, 0.5)',
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
    outline: '#77827D',
    neutral: '#2E3833',
    onNeutral: '#EDF2EF',
    // Dark mode flips the tones to pale fills with dark text, like `primary`, so they do not glare.
    success: '#7DD9A0',
    onSuccess: '#00391D',
    warning: '#F4C261',
    onWarning: '#3A2800',
    danger: '#FFB4AB',
    onDanger: '#690005',
    info: '#A3C9FF',
    onInfo: '#00305C',
    skeleton: '#333D38',
    scrim: 'rgba(0, 0, 0, 0.6)',
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
