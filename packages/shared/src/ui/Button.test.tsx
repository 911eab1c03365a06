import { fireEvent, render, screen } from '@testing-library/react-native';
import { Button } from './Button';

describe('Button', () => {
  it('is a button named by its title that calls onPress, and ignores presses while loading', () => {
    const onPress = jest.fn();
    const { rerender } = render(<Button title="Place order" onPress={onPress} />);
    fireEvent.press(screen.getByRole('button', { name: 'Place order' }));
    expect(onPress).toHaveBeenCalledTimes(1);
    rerender(<Button title="Place order" onPress={onPress} loading />);
    fireEvent.press(screen.getByRole('button', { name: 'Place order' }));
    expect(onPress).toHaveBeenCalledTimes(1);
  });
});
