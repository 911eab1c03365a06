import { fireEvent, render, screen } from '@testing-library/react-native';
import { EmptyState } from './EmptyState';

describe('EmptyState', () => {
  it('explains what is missing and offers its action', () => {
    const onRetry = jest.fn();
    render(
      <EmptyState
        title="Could not load shops"
        message="Check your connection and try again."
        action={{ title: 'Retry', onPress: onRetry }}
      />,
    );
    expect(screen.getByRole('header', { name: 'Could not load shops' })).toBeOnTheScreen();
    expect(screen.getByText('Check your connection and try again.')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('has no button without an action', () => {
    render(<EmptyState title="No orders yet" message="Orders you place will show here." />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
