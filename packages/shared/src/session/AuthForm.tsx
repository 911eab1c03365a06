import { Link, router } from 'expo-router';
import { type ReactNode, useState } from 'react';
import { ScrollView, StyleSheet, Text } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { ApiError } from '../api/client';
import type { RegisterRequest } from '../contract/accounts';
import { useServices } from '../providers';
import { AppHeader } from '../ui/AppHeader';
import { Button } from '../ui/Button';
import { Input } from '../ui/Input';
import { messages } from '../ui/messages';
import { spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';

/** The app's own words for signing in and up (the kit has none: each app speaks to its own people). */
export interface AuthFormWords {
  /** Under the brand mark: what this app is for. */
  subtitle: string;
  login: { title: string; phone: string; password: string; submit: string; toRegister: string };
  register: { title: string; name: string; submit: string; toLogin: string };
}

export interface AuthFormProps {
  mode: 'login' | 'register';
  /** Who signs up here: the role of the accounts this app makes. */
  accountRole: RegisterRequest['role'];
  words: AuthFormWords;
  /** More to send when signing up (a rider's `vehicle_type`), with the fields that ask for it. */
  signUpDetails?: Pick<RegisterRequest, 'vehicle_type'>;
  signUpFields?: ReactNode;
}

/**
 * Sign in, or create an account (with a name) in the app's role: on success the session is kept
 * and the app's start (`/`) opens. Each app has the two screens at `/login` and `/register`.
 */
export function AuthForm({ mode, accountRole, words, signUpDetails, signUpFields }: AuthFormProps) {
  const { colors } = useTheme();
  const { api, session } = useServices();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; message: string }>();
  const [busy, setBusy] = useState(false);
  const title = mode === 'login' ? words.login.title : words.register.title;

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn =
        mode === 'login'
          ? await api.call('login', { body: { phone, password } })
          : await api.call('register', { body: { role: accountRole, name, phone, password, ...signUpDetails } });
      await session.setSession(signedIn);
      router.replace('/');
    } catch (caught) {
      const problem = caught instanceof ApiError ? caught : undefined;
      const first = (problem?.details as { fields?: { field: string; message: string }[] } | undefined)?.fields?.[0];
      setError(
        first
          ? { field: first.field, message: first.message }
          : { message: problem?.message ?? messages.somethingWrong },
      );
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (key: string) => (error?.field?.endsWith(key) ? error.message : undefined);
  // A refusal of anything but the three fields here (a rider's vehicle) is said under the form.
  const atField = formFields.some((key) => fieldError(key));
  return (
    <SafeAreaView testID={`${accountRole}-${mode}`} style={[styles.screen, { backgroundColor: colors.background }]}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <AppHeader subtitle={words.subtitle} />
        <Text role="heading" aria-level={1} style={[typeScale.display, { color: colors.text }]}>
          {title}
        </Text>
        {mode === 'register' ? (
          <Input
            label={words.register.name}
            value={name}
            onChangeText={setName}
            autoComplete="name"
            error={fieldError('name')}
          />
        ) : null}
        <Input
          label={words.login.phone}
          value={phone}
          onChangeText={setPhone}
          keyboardType="phone-pad"
          autoComplete="tel"
          placeholder="98765 43210"
          error={fieldError('phone')}
        />
        <Input
          label={words.login.password}
          value={password}
          onChangeText={setPassword}
          secureTextEntry
          autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
          error={fieldError('password')}
          onSubmitEditing={submit}
        />
        {mode === 'register' ? signUpFields : null}
        {error && !atField ? (
          <Text role="alert" style={[typeScale.body, { color: colors.danger }]}>
            {error.message}
          </Text>
        ) : null}
        <Button title={mode === 'login' ? words.login.submit : words.register.submit} onPress={submit} loading={busy} />
        <Link
          replace
          href={mode === 'login' ? '/register' : '/login'}
          style={[typeScale.label, styles.link, { color: colors.primary }]}
        >
          {mode === 'login' ? words.login.toRegister : words.register.toLogin}
        </Link>
      </ScrollView>
    </SafeAreaView>
  );
}

const formFields = ['name', 'phone', 'password'];

const styles = StyleSheet.create({
  screen: { flex: 1 },
  content: { padding: spacing.lg, gap: spacing.md },
  link: { paddingVertical: spacing.md, textAlign: 'center' },
});
