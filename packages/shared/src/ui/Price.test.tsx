import { render, screen } from '@testing-library/react-native';
import { Price } from './Price';

describe('Price', () => {
  it('shows rupees from paise and reads them as one phrase', () => {
    render(<Price paise={12_345_600} />);
    expect(screen.getByText('₹1,23,456')).toBeOnTheScreen();
    expect(screen.getByLabelText('₹1,23,456')).toBeOnTheScreen();
  });

  it('shows a changed price with the old one struck through, and says both', () => {
    render(<Price paise={12_000} was={10_050} />);
    expect(screen.getByLabelText('₹120, was ₹100.50')).toBeOnTheScreen();
    expect(screen.getByText('₹100.50')).toHaveStyle({ textDecorationLine: 'line-through' });
    expect(screen.getByText('₹120')).not.toHaveStyle({ textDecorationLine: 'line-through' });
  });
});
