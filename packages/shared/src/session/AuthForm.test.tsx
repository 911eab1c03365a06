import type { Session } from '@kupwara/shared';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Text } from 'react-native';
import { ApiError } from '../api/client';
import type { AppServices } from '../services';
import { servicesForTest, TestRoot } from '../testing/app-root';
import { AuthForm, type AuthFormWords } from './AuthForm';

const words: AuthFormWords = {
  subtitle: 'For riders',
  login: {
    title: 'Sign in to ride',
    phone: 'Phone number',
    password: 'Password',
    submit: 'Sign in',
    toRegister: 'New rider? Sign up',
  },
  register: { title: 'Ride with us', name: 'Your name', submit: 'Sign up', toLogin: 'Have an account? Sign in' },
};

const session = {
  access_token: 'access',
  access_token_expires_at: '2030-01-01T00:00:00.000Z',
  refresh_token: 'refresh-token-0123456789',
  refresh_token_expires_at: '2030-01-01T00:00:00.000Z',
} as Session;

let services: AppServices;
let calls: { name: string; input: unknown }[];
let answer: () => unknown;

function open(url: '/login' | '/register') {
  services = servicesForTest();
  calls = [];
  services.api.call = (async (name: string, input: unknown) => {
    calls.push({ name, input });
    return answer();
  }) as typeof services.api.call;
  return renderRouter(
    {
      _layout: TestRoot,
      index: () => <Text>Start</Text>,
      login: () => <AuthForm mode="login" accountRole="rider" words={words} />,
      register: () => (
        <AuthForm
          mode="register"
          accountRole="rider"
          words={words}
          signUpDetails={{ vehicle_type: 'scooter' }}
          signUpFields={<Text>Your scooter</Text>}
        />
      ),
    },
    { initialUrl: url },
  );
}

describe('AuthForm', () => {
  it('signs in with the phone and password, keeps the session and opens the app’s start', async () => {
    answer = () => session;
    const app = open('/login');
    expect(await screen.findByRole('heading', { name: 'Sign in to ride' })).toBeOnTheScreen();
    expect(screen.getByText('For riders')).toBeOnTheScreen();
    expect(screen.queryByLabelText('Your name')).toBeNull();
    expect(screen.queryByText('Your scooter')).toBeNull();
    fireEvent.changeText(screen.getByLabelText('Phone number'), '98765 43210');
    fireEvent.changeText(screen.getByLabelText('Password'), 'walnut-tree-77');
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(app.getPathname()).toBe('/'));
    expect(calls).toEqual([{ name: 'login', input: { body: { phone: '98765 43210', password: 'walnut-tree-77' } } }]);
    expect(services.session.store.getState().session).toEqual(session);
  });

  it('signs up in the app’s role, with what else the role needs', async () => {
    answer = () => session;
    const app = open('/register');
    expect(await screen.findByRole('heading', { name: 'Ride with us' })).toBeOnTheScreen();
    expect(screen.getByText('Your scooter')).toBeOnTheScreen();
    fireEvent.changeText(screen.getByLabelText('Your name'), 'Bilal Mir');
    fireEvent.changeText(screen.getByLabelText('Phone number'), '+919419100001');
    fireEvent.changeText(screen.getByLabelText('Password'), 'chinar-leaf-42');
    fireEvent.press(screen.getByRole('button', { name: 'Sign up' }));

    await waitFor(() => expect(app.getPathname()).toBe('/'));
    expect(calls).toEqual([
      {
        name: 'register',
        input: {
          body: {
            role: 'rider',
            name: 'Bilal Mir',
            phone: '+919419100001',
            password: 'chinar-leaf-42',
            vehicle_type: 'scooter',
          },
        },
      },
    ]);
  });

  it('says what was wrong under the field it was about, and anything else under the form', async () => {
    answer = () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Check the form', {
        fields: [{ field: 'body.password', message: 'must be at least 8 characters' }],
      });
    };
    const app = open('/register');
    fireEvent.press(await screen.findByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('must be at least 8 characters');
    expect(screen.getByLabelText('Password')).toHaveProp('accessibilityHint', 'must be at least 8 characters');

    answer = () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Check the form', {
        fields: [{ field: 'body.vehicle_type', message: 'is required for riders' }],
      });
    };
    fireEvent.press(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByText('is required for riders')).toBeOnTheScreen();
    expect(screen.getByLabelText('Password')).not.toHaveProp('accessibilityHint', 'must be at least 8 characters');

    answer = () => {
      throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
    };
    fireEvent.press(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No connection to the server');
    expect(app.getPathname()).toBe('/register');
    expect(services.session.store.getState().session).toBeNull();
  });

  it('leads from signing in to signing up and back', async () => {
    const app = open('/login');
    fireEvent.press(await screen.findByText('New rider? Sign up'));
    await waitFor(() => expect(app.getPathname()).toBe('/register'));
    fireEvent.press(await screen.findByText('Have an account? Sign in'));
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
  });
});
