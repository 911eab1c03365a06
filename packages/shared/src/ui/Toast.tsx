import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { announce } from './announce';
import { minTouchTarget, radius, spacing, typeScale } from './theme';
import { type Tone, toneColors } from './tone';
import { useTheme } from './use-theme';

export interface ToastOptions {
  tone?: Tone;
  /** How long the toast stays; 4 seconds unless set. */
  durationMs?: number;
}

export interface ToastApi {
  /** Shows a short message at the bottom of the screen, replacing any toast already there. */
  show: (message: string, options?: ToastOptions) => void;
}

interface ShownToast {
  message: string;
  tone: Tone;
}

const defaultDurationMs = 4000;

const ToastContext = createContext<ToastApi | undefined>(undefined);

/**
 * Holds the app's one toast. Mount it once, around the navigator: a toast is drawn over the screens
 * inside it (but under a `Sheet`, which is a native modal).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { colors } = useTheme();
  const [toast, setToast] = useState<ShownToast | undefined>(undefined);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback(
    (message: string, { tone = 'neutral', durationMs = defaultDurationMs }: ToastOptions = {}) => {
      clearTimeout(hideTimer.current);
      setToast({ message, tone });
      announce(message);
      hideTimer.current = setTimeout(() => setToast(undefined), durationMs);
    },
    [],
  );

  useEffect(() => () => clearTimeout(hideTimer.current), []);

  const api = useMemo(() => ({ show }), [show]);
  // A neutral toast is the page turned inside out, so it stands apart from whatever is under it.
  const tone = toast?.tone ?? 'neutral';
  const { background, foreground } =
    tone === 'neutral' ? { background: colors.text, foreground: colors.background } : toneColors(colors, tone);

  return (
    <ToastContext.Provider value={api}>
      <View style={styles.root}>
        {children}
        <SafeAreaView edges={['bottom']} style={styles.overlay}>
          {/* Always mounted, so Android hears each toast appear inside an existing live region. */}
          <View accessibilityLiveRegion="polite" style={styles.passThrough}>
            {toast ? (
              <View accessible accessibilityRole="alert" style={[styles.toast, { backgroundColor: background }]}>
                <Text style={[typeScale.body, { color: foreground }]}>{toast.message}</Text>
              </View>
            ) : null}
          </View>
        </SafeAreaView>
      </View>
    </ToastContext.Provider>
  );
}

/** The `show` function of the nearest `ToastProvider`. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside a ToastProvider');
  return api;
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  // Touches pass through the empty overlay to the screen underneath.
  overlay: { position: 'absolute', left: 0, right: 0, bottom: 0, pointerEvents: 'box-none' },
  passThrough: { pointerEvents: 'box-none' },
  toast: {
    minHeight: minTouchTarget,
    justifyContent: 'center',
    margin: spacing.md,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    borderRadius: radius.md,
  },
});
