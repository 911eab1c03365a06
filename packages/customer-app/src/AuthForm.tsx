import { useServices } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { AppHeader, Button, Input, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { Link, router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { messages } from './messages';

/** Sign in, or create an account (with a name): on success the session is kept and home opens. */
export function AuthForm({ mode }: { mode: 'login' | 'register' }) {
  const { colors } = useTheme();
  const { api, session } = useServices();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; message: string }>();
  const [busy, setBusy] = useState(false);
  const words = mode === 'login' ? messages.login : { ...messages.login, ...messages.register };

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn =
        mode === 'login'
          ? await api.call('login', { body: { phone, password } })
          : await api.call('register', { body: { role: 'customer', name, phone, password } });
      await session.setSession(signedIn);
      router.replace('/');
    } catch (caught) {
      const problem = caught instanceof ApiError ? caught : undefined;
      const first = (problem?.details as { fields?: { field: string; message: string }[] } | undefined)?.fields?.[0];
      setError(
        first
          ? { field: first.field, message: first.message }
          : { message: problem?.message ?? 'Something went wrong: try again' },
      );
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (key: string) => (error?.field?.endsWith(key) ? error.message : undefined);
  return (
    <SafeAreaView testID={`customer-${mode}`} style={[styles.screen, { backgroundColor: colors.background }]}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <AppHeader subtitle="Shops in your town, delivered" />
        <Text role="heading" aria-level={1} style={[typeScale.display, { color: colors.text }]}>
          {words.title}
        </Text>
        {mode === 'register' ? (
          <Input
            label={messages.register.name}
            value={name}
            onChangeText={setName}
            autoComplete="name"
            error={fieldError('name')}
          />
        ) : null}
        <Input
          label={messages.login.phone}
          value={phone}
          onChangeText={setPhone}
          keyboardType="phone-pad"
          autoComplete="tel"
          placeholder="98765 43210"
          error={fieldError('phone')}
        />
        <Input
          label={messages.login.password}
          value={password}
          onChangeText={setPassword}
          secureTextEntry
          autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
          error={fieldError('password')}
          onSubmitEditing={submit}
        />
        {error && !error.field ? (
          <Text role="alert" style={[typeScale.body, { color: colors.danger }]}>
            {error.message}
          </Text>
        ) : null}
        <Button title={words.submit} onPress={submit} loading={busy} />
        <Link
          replace
          href={mode === 'login' ? '/register' : '/login'}
          style={[typeScale.label, styles.link, { color: colors.primary }]}
        >
          {mode === 'login' ? messages.login.toRegister : messages.register.toLogin}
        </Link>
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1 },
  content: { padding: spacing.lg, gap: spacing.md },
  link: { paddingVertical: spacing.md, textAlign: 'center' },
});
