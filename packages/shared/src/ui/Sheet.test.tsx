import { fireEvent, render, screen } from '@testing-library/react-native';
import { Text } from 'react-native';
import { Sheet } from './Sheet';

describe('Sheet', () => {
  it('shows its title and content when visible and asks to close from its Close button', () => {
    const onClose = jest.fn();
    render(
      <Sheet visible title="Delivery slot" onClose={onClose}>
        <Text>Today, 6 to 7 pm</Text>
      </Sheet>,
    );
    expect(screen.getByRole('header', { name: 'Delivery slot' })).toBeOnTheScreen();
    expect(screen.getByText('Today, 6 to 7 pm')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("asks to close on Android's back button", () => {
    const onClose = jest.fn();
    render(
      <Sheet visible title="Delivery slot" onClose={onClose}>
        <Text>Today, 6 to 7 pm</Text>
      </Sheet>,
    );
    fireEvent(screen.getByText('Today, 6 to 7 pm'), 'requestClose');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows nothing while not visible', () => {
    render(
      <Sheet visible={false} title="Delivery slot" onClose={jest.fn()}>
        <Text>Today, 6 to 7 pm</Text>
      </Sheet>,
    );
    expect(screen.queryByText('Delivery slot')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });
});
