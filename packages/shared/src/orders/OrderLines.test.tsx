import { render, screen } from '@testing-library/react-native';
import { OrderLines } from './OrderLines';

const item = (product_id: string, name: string, unit_price_paise: number, quantity: number) => ({
  product_id,
  name,
  unit: '1 kg',
  unit_price_paise,
  quantity,
  line_total_paise: unit_price_paise * quantity,
});

describe('OrderLines', () => {
  it('shows each line with its count and cost, then the order’s total', () => {
    render(
      <OrderLines
        order={{
          items: [item('rice', 'Basmati Rice', 12_000, 2), item('tea', 'Kahwa Tea', 25_050, 1)],
          total_paise: 50_550,
        }}
      />,
    );
    expect(screen.getByText('2 × Basmati Rice')).toBeOnTheScreen();
    expect(screen.getByText('₹240')).toBeOnTheScreen();
    expect(screen.getByText('1 × Kahwa Tea')).toBeOnTheScreen();
    expect(screen.getByText('₹250.50')).toBeOnTheScreen();
    expect(screen.getByText('Total')).toBeOnTheScreen();
    expect(screen.getByText('₹505.50')).toBeOnTheScreen();
  });
});
