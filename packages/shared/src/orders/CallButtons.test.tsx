import { fireEvent, render, screen } from '@testing-library/react-native';
import { Linking } from 'react-native';
import { CallButtons } from './CallButtons';

const party = (name: string, phone: string | null) => ({ id: '01900000-0000-7000-8000-000000000001', name, phone });
const store = {
  ...party('Gulzar Kiryana', '+919906000002'),
  address: 'Old Bus Stand',
  location: { lat: 34.6, lng: 74.4 },
};

describe('CallButtons', () => {
  beforeEach(() => jest.mocked(Linking.openURL).mockClear());

  it('rings each party asked for, in order, through the phone’s dialler', () => {
    render(
      <CallButtons
        order={{ store, customer: party('Shabnam Bhat', '+919906000001'), rider: party('Bilal Mir', '+919906000003') }}
        parties={['rider', 'store']}
      />,
    );
    expect(screen.getAllByRole('button').map((button) => button.props.accessibilityLabel)).toEqual([
      'Call the rider',
      'Call the shop',
    ]);
    fireEvent.press(screen.getByRole('button', { name: 'Call the rider' }));
    fireEvent.press(screen.getByRole('button', { name: 'Call the shop' }));
    expect(jest.mocked(Linking.openURL).mock.calls).toEqual([['tel:+919906000003'], ['tel:+919906000002']]);
    expect(screen.queryByRole('button', { name: 'Call the customer' })).toBeNull();
  });

  it('offers no call to a party without a number, or to a rider not yet given', () => {
    render(
      <CallButtons
        order={{ store: { ...store, phone: null }, customer: party('Shabnam Bhat', '+919906000001'), rider: null }}
        parties={['store', 'rider', 'customer']}
      />,
    );
    expect(screen.getAllByRole('button').map((button) => button.props.accessibilityLabel)).toEqual([
      'Call the customer',
    ]);
  });
});
