import { useEffect, useState } from 'react';
import { StyleSheet, Text, TextInput, type TextInputProps, View } from 'react-native';
import { announce } from './announce';
import { minTouchTarget, radius, spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

/** Everything a TextInput takes (keyboardType, secureTextEntry, autoComplete…) except what the kit sets itself. */
export interface InputProps
  extends Omit<TextInputProps, 'style' | 'accessibilityLabel' | 'aria-label' | 'accessibilityHint'> {
  /** Shown above the field and read as its name. */
  label: string;
  /** Shown below the field in red, announced when it appears, and read again whenever the field is focused. */
  error?: string | undefined;
}

/** A labelled text field with room for an error under it. */
export function Input({ label, error, onFocus, onBlur, ...inputProps }: InputProps) {
  const { colors } = useTheme();
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    if (error) announce(error);
  }, [error]);

  const invalid = Boolean(error);
  const edge = invalid ? colors.danger : focused ? colors.primary : colors.outline;
  return (
    <View style={styles.field}>
      {/* Hidden from screen readers: the field itself carries the label, so it is not read twice. */}
      <Text aria-hidden style={[typeScale.label, { color: colors.text }]}>
        {label}
      </Text>
      <TextInput
        {...inputProps}
        accessibilityLabel={label}
        // React Native has no "invalid" state to set, so the error rides along as the field's hint.
        accessibilityHint={error}
        placeholderTextColor={colors.textMuted}
        onFocus={(event) => {
          setFocused(true);
          onFocus?.(event);
        }}
        onBlur={(event) => {
          setFocused(false);
          onBlur?.(event);
        }}
        style={[
          styles.input,
          { color: colors.text, backgroundColor: colors.surface, borderColor: edge },
          (invalid || focused) && styles.emphasised,
        ]}
      />
      {/* Always mounted, so Android hears the error appear inside an existing live region. */}
      <View accessibilityLiveRegion="polite">
        {invalid ? (
          <Text accessibilityRole="alert" style={[typeScale.caption, { color: colors.danger }]}>
            {error}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  field: { gap: spacing.xs },
  input: {
    ...typeScale.body,
    minHeight: minTouchTarget,
    borderWidth: 1,
    borderRadius: radius.sm,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
  },
  // The thicker edge takes a point from the padding so the text does not jump.
  emphasised: { borderWidth: 2, paddingHorizontal: spacing.md - 1 },
});
