import { fireEvent, render, screen } from '@testing-library/react-native';
import { AccessibilityInfo } from 'react-native';
import { Input } from './Input';

describe('Input', () => {
  beforeEach(() => jest.clearAllMocks());

  it('is named by its label, passes keyboard props through and reports typing', () => {
    const onChangeText = jest.fn();
    render(<Input label="Phone number" keyboardType="phone-pad" value="" onChangeText={onChangeText} />);
    const field = screen.getByLabelText('Phone number');
    expect(field).toHaveProp('keyboardType', 'phone-pad');
    fireEvent.changeText(field, '9876543210');
    expect(onChangeText).toHaveBeenCalledWith('9876543210');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('passes secureTextEntry through for a PIN', () => {
    render(<Input label="PIN" secureTextEntry keyboardType="number-pad" />);
    expect(screen.getByLabelText('PIN')).toHaveProp('secureTextEntry', true);
  });

  it('shows an error as an alert, announces it and keeps it on the field for when it is focused again', () => {
    const { rerender } = render(<Input label="Phone number" />);
    expect(AccessibilityInfo.announceForAccessibility).not.toHaveBeenCalled();

    rerender(<Input label="Phone number" error="Enter the 10 digits of your number" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the 10 digits of your number');
    expect(screen.getByLabelText('Phone number')).toHaveProp('accessibilityHint', 'Enter the 10 digits of your number');
    expect(AccessibilityInfo.announceForAccessibility).toHaveBeenCalledWith('Enter the 10 digits of your number');

    rerender(<Input label="Phone number" />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Phone number')).not.toHaveProp('accessibilityHint');
  });
});
