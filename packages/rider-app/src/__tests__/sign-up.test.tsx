import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest } from './harness';

describe('signing up as a rider', () => {
  it('sends the vehicle the rider chose with their name and phone', async () => {
    const sent: unknown[] = [];
    servicesForTest({
      register: (input) => {
        sent.push(input);
        return {
          access_token: 'a',
          refresh_token: 'r',
          user: { id: 'r1', name: 'Bilal Mir', phone: '+919419100009', role: 'rider' },
        };
      },
    });
    renderRouter(appRoutes, { initialUrl: '/register' });
    fireEvent.changeText(await screen.findByLabelText('Your name'), 'Bilal Mir');
    fireEvent.changeText(screen.getByLabelText('Phone number'), '9419100009');
    fireEvent.changeText(screen.getByLabelText('Password'), 'chinar-leaf-42');
    fireEvent.press(screen.getByRole('button', { name: 'Bicycle' }));
    fireEvent.press(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      body: {
        role: 'rider',
        name: 'Bilal Mir',
        phone: '9419100009',
        password: 'chinar-leaf-42',
        vehicle_type: 'bicycle',
      },
    });
  });
});
