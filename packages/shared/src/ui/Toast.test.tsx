import { act, fireEvent, render, screen } from '@testing-library/react-native';
import { Button } from './Button';
import { type ToastOptions, ToastProvider, useToast } from './Toast';
import { colors } from './theme';

function ShowButton({ message, options }: { message: string; options?: ToastOptions }) {
  const toast = useToast();
  return <Button title={`Show ${message}`} onPress={() => toast.show(message, options)} />;
}

function renderWithToasts() {
  render(
    <ToastProvider>
      <ShowButton message="Saved" />
      <ShowButton message="Out of stock" options={{ tone: 'danger', durationMs: 2000 }} />
    </ToastProvider>,
  );
}

const advance = (ms: number) => act(() => jest.advanceTimersByTime(ms));

describe('Toast', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows a message as an alert and hides it after four seconds', () => {
    renderWithToasts();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.press(screen.getByRole('button', { name: 'Show Saved' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Saved');
    advance(3999);
    expect(screen.getByRole('alert')).toHaveTextContent('Saved');
    advance(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes a tone and a duration', () => {
    renderWithToasts();
    fireEvent.press(screen.getByRole('button', { name: 'Show Out of stock' }));
    expect(screen.getByText('Out of stock')).toHaveStyle({ color: colors.light.onDanger });
    advance(1999);
    expect(screen.getByRole('alert')).toHaveTextContent('Out of stock');
    advance(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows one toast at a time: a new one replaces the old and gets its own full time', () => {
    renderWithToasts();
    fireEvent.press(screen.getByRole('button', { name: 'Show Saved' }));
    advance(3000);
    fireEvent.press(screen.getByRole('button', { name: 'Show Out of stock' }));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert')).toHaveTextContent('Out of stock');
    // The first toast's timer would have fired here.
    advance(1000);
    expect(screen.getByRole('alert')).toHaveTextContent('Out of stock');
    advance(1000);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses to work outside a ToastProvider', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ShowButton message="Saved" />)).toThrow('useToast must be used inside a ToastProvider');
    consoleError.mockRestore();
  });
});
