import { render, screen } from '@testing-library/react-native';
import { useColorScheme } from 'react-native';
import { Badge } from './Badge';
import { colors } from './theme';

describe('Badge', () => {
  it('shows its word on the colours of its tone', () => {
    render(<Badge label="Out of stock" tone="danger" />);
    expect(screen.getByText('Out of stock')).toHaveStyle({ color: colors.light.onDanger });
  });

  it('is neutral unless given a tone', () => {
    render(<Badge label="Closed" />);
    expect(screen.getByText('Closed')).toHaveStyle({ color: colors.light.onNeutral });
  });

  it("follows the phone's dark mode", () => {
    jest.mocked(useColorScheme).mockReturnValue('dark');
    render(<Badge label="Out of stock" tone="danger" />);
    expect(screen.getByText('Out of stock')).toHaveStyle({ color: colors.dark.onDanger });
    jest.mocked(useColorScheme).mockReturnValue('light');
  });
});
