import { fireEvent, render, screen } from '@testing-library/react-native';
import { Text } from 'react-native';
import { Card } from './Card';

describe('Card', () => {
  it('is a button that calls onPress when it has one', () => {
    const onPress = jest.fn();
    render(
      <Card onPress={onPress} accessibilityLabel="Gulshan Kiryana, open">
        <Text>Gulshan Kiryana</Text>
      </Card>,
    );
    fireEvent.press(screen.getByRole('button', { name: 'Gulshan Kiryana, open' }));
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('is plain content, not a button, without onPress', () => {
    render(
      <Card>
        <Text>Gulshan Kiryana</Text>
      </Card>,
    );
    expect(screen.getByText('Gulshan Kiryana')).toBeOnTheScreen();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
