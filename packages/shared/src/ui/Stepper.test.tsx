import { fireEvent, render, screen } from '@testing-library/react-native';
import { Stepper } from './Stepper';

describe('Stepper', () => {
  it('offers to add the first one, named with the product', () => {
    const onChange = jest.fn();
    render(<Stepper name="Kahwa Tea" quantity={0} onChange={onChange} />);
    expect(screen.getByRole('button', { name: 'Add Kahwa Tea' })).toHaveTextContent('Add');
    expect(screen.queryByRole('button', { name: 'One more Kahwa Tea' })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'Add Kahwa Tea' }));
    expect(onChange).toHaveBeenCalledWith(1);
  });

  it('then shows how many, with one less and one more', () => {
    const onChange = jest.fn();
    render(<Stepper name="Kahwa Tea" quantity={2} onChange={onChange} />);
    expect(screen.getByLabelText('2 in cart')).toHaveTextContent('2');
    fireEvent.press(screen.getByRole('button', { name: 'One less Kahwa Tea' }));
    fireEvent.press(screen.getByRole('button', { name: 'One more Kahwa Tea' }));
    expect(onChange.mock.calls).toEqual([[1], [3]]);
    expect(screen.queryByRole('button', { name: 'Add Kahwa Tea' })).toBeNull();
  });
});
