import { render, screen } from '@testing-library/react-native';
import { OfflineBanner } from './OfflineBanner';

describe('OfflineBanner', () => {
  it('says the phone is offline', () => {
    render(<OfflineBanner offline />);
    expect(screen.getByRole('alert')).toHaveTextContent("You're offline.");
  });

  it('says how many queued actions will be sent once back online', () => {
    const { rerender } = render(<OfflineBanner offline pending={2} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      "You're offline. 2 actions will be sent when you're back online.",
    );
    rerender(<OfflineBanner offline pending={1} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      "You're offline. 1 action will be sent when you're back online.",
    );
  });

  it('says the queued actions are being sent once back online', () => {
    render(<OfflineBanner offline={false} pending={2} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Sending 2 actions…');
  });

  it('shows nothing when online with nothing queued', () => {
    render(<OfflineBanner offline={false} pending={0} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.toJSON()).toBeNull();
  });
});
