import { fireEvent, render, screen } from '@testing-library/react-native';
import { Chip } from './Chip';
import { ChipRow } from './ChipRow';
import { colors, spacing } from './theme';

describe('Chip', () => {
  it('is a button named by its label that says whether it is the chosen one', () => {
    const onPress = jest.fn();
    const { rerender } = render(<Chip label="Rice & flour" selected={false} onPress={onPress} />);
    const chip = screen.getByRole('button', { name: 'Rice & flour' });
    expect(chip).not.toBeSelected();
    expect(screen.getByText('Rice & flour')).toHaveStyle({ color: colors.light.primary });
    fireEvent.press(chip);
    expect(onPress).toHaveBeenCalledTimes(1);

    rerender(<Chip label="Rice & flour" selected onPress={onPress} />);
    expect(screen.getByRole('button', { name: 'Rice & flour' })).toBeSelected();
    expect(screen.getByRole('button', { name: 'Rice & flour' })).toHaveStyle({ backgroundColor: colors.light.primary });
    expect(screen.getByText('Rice & flour')).toHaveStyle({ color: colors.light.onPrimary });
  });

  it('keeps its label on one line', () => {
    render(<Chip label="Fruit, vegetables and dry fruit" selected={false} onPress={() => {}} />);
    expect(screen.getByText('Fruit, vegetables and dry fruit')).toHaveProp('numberOfLines', 1);
  });
});

describe('ChipRow', () => {
  it('lays its chips side by side, scrolling sideways, and never grows into the space of the column', () => {
    render(
      <ChipRow testID="shelves" inset={spacing.md}>
        <Chip label="All" selected onPress={() => {}} />
        <Chip label="Rice & flour" selected={false} onPress={() => {}} />
      </ChipRow>,
    );
    const row = screen.getByTestId('shelves');
    expect(row).toHaveProp('horizontal', true);
    // What the browser test measures at 360×640: the row is as tall as a chip, and chips are not stretched.
    expect(row).toHaveStyle({ flexGrow: 0, flexShrink: 0 });
    expect(row).toHaveProp(
      'contentContainerStyle',
      expect.arrayContaining([expect.objectContaining({ alignItems: 'center' }), { paddingHorizontal: spacing.md }]),
    );
    expect(screen.getByRole('button', { name: 'All' })).toBeSelected();
    expect(screen.getByRole('button', { name: 'Rice & flour' })).not.toBeSelected();
  });
});
