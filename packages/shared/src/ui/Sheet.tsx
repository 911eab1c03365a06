import type { ReactNode } from 'react';
import { KeyboardAvoidingView, Modal, Platform, Pressable, ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { messages } from './messages';
import { minTouchTarget, radius, spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface SheetProps {
  visible: boolean;
  title: string;
  /** Called by the Close button, a tap on the dimmed screen and Android's back button. */
  onClose: () => void;
  children: ReactNode;
  testID?: string;
}

/** A panel that slides up from the bottom, within thumb reach, over the dimmed screen. */
export function Sheet({ visible, title, onClose, children, testID }: SheetProps) {
  const { colors } = useTheme();
  return (
    <Modal visible={visible} transparent animationType="slide" onRequestClose={onClose} testID={testID}>
      {/* iOS does not move a modal's content out of the keyboard's way; Android's modal window resizes itself. */}
      <KeyboardAvoidingView behavior={Platform.OS === 'ios' ? 'padding' : undefined} style={styles.root}>
        {/* Not an accessibility element: screen-reader users have the Close button, one stop instead of two. */}
        <Pressable
          accessible={false}
          importantForAccessibility="no"
          onPress={onClose}
          style={[StyleSheet.absoluteFill, { backgroundColor: colors.scrim }]}
        />
        <SafeAreaView edges={['bottom']} style={[styles.sheet, { backgroundColor: colors.surface }]}>
          <View style={styles.header}>
            <Text accessibilityRole="header" style={[styles.title, { color: colors.text }]}>
              {title}
            </Text>
            <Pressable
              accessibilityRole="button"
              accessibilityLabel={messages.close}
              onPress={onClose}
              style={({ pressed }) => [styles.close, pressed && styles.pressed]}
            >
              <Text aria-hidden style={[styles.closeGlyph, { color: colors.text }]}>
                ✕
              </Text>
            </Pressable>
          </View>
          <ScrollView keyboardShouldPersistTaps="handled" contentContainerStyle={styles.content}>
            {children}
          </ScrollView>
        </SafeAreaView>
      </KeyboardAvoidingView>
    </Modal>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1, justifyContent: 'flex-end' },
  // A strip of the screen stays visible above a full sheet, so it still reads as a sheet that can be dismissed.
  sheet: {
    maxHeight: '90%',
    borderTopLeftRadius: radius.md,
    borderTopRightRadius: radius.md,
    paddingTop: spacing.sm,
  },
  header: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    paddingLeft: spacing.lg,
    paddingRight: spacing.sm,
  },
  title: { ...typeScale.title, flex: 1 },
  close: {
    width: minTouchTarget,
    height: minTouchTarget,
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: radius.pill,
  },
  pressed: { opacity: 0.6 },
  closeGlyph: { fontSize: 20, lineHeight: 24, fontWeight: '600' },
  content: { paddingHorizontal: spacing.lg, paddingBottom: spacing.lg, gap: spacing.md },
});
