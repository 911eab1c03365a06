import { orderFixture } from '@kupwara/shared/testing';
import { receiptHtml, shortOrderId } from './receipt';

const order = orderFixture({
  id: '01900000-0000-7000-8000-00000000ab12',
  store: { ...orderFixture().store, name: 'Lone & Sons <General>' },
  customer: { id: '01900000-0000-7000-8000-000000000003', name: 'Shabnam Bhat', phone: '+919419100001' },
  items: [
    {
      product_id: '01900000-0000-7000-8000-0000000000b1',
      name: 'Basmati Rice "Royal" <Extra Long Grain Premium Aged Two Years>',
      unit: '1 kg',
      unit_price_paise: 12_000,
      quantity: 2,
      line_total_paise: 24_000,
    },
    {
      product_id: '01900000-0000-7000-8000-0000000000b2',
      name: 'Kahwa Tea',
      unit: '250 g',
      unit_price_paise: 25_050,
      quantity: 1,
      line_total_paise: 25_050,
    },
  ],
  subtotal_paise: 49_050,
  delivery_fee_paise: 1_500,
  total_paise: 50_550,
  note: 'Ring twice & leave at the <blue> gate',
});

describe('receiptHtml', () => {
  it('is laid out for the roll chosen: the page as wide as the paper, the text inside its margins', () => {
    const narrow = receiptHtml(order, 58);
    expect(narrow).toContain('@page { size: 58mm auto; margin: 0; }');
    expect(narrow).toContain('width: 48mm;');
    const wide = receiptHtml(order, 80);
    expect(wide).toContain('@page { size: 80mm auto; margin: 0; }');
    expect(wide).toContain('width: 72mm;');
  });

  it('has the shop, the order number, each line with quantity and price, the totals, the cash and the note', () => {
    const page = receiptHtml(order, 58);
    expect(shortOrderId(order.id)).toBe('00AB12');
    expect(page).toContain('<h1>Lone &amp; Sons &lt;General&gt;</h1>');
    expect(page).toContain('Order #00AB12');
    expect(page).toContain(
      '<td class="qty">2×</td><td class="name">Basmati Rice &quot;Royal&quot; &lt;Extra Long Grain Premium Aged Two Years&gt;<br><small>1 kg @ ₹120</small></td><td class="num">₹240</td>',
    );
    expect(page).toContain(
      '<td class="qty">1×</td><td class="name">Kahwa Tea<br><small>250 g @ ₹250.50</small></td><td class="num">₹250.50</td>',
    );
    expect(page).toContain('<td colspan="2">Items</td><td class="num">₹490.50</td>');
    expect(page).toContain('<td colspan="2">Delivery</td><td class="num">₹15</td>');
    expect(page).toContain('<td colspan="2">Total</td><td class="num">₹505.50</td>');
    expect(page).toContain('CASH TO COLLECT ₹505.50');
    expect(page).toContain('Ring twice &amp; leave at the &lt;blue&gt; gate');
    expect(page).toContain('Shabnam Bhat');
  });

  it('says an order paid online has nothing to collect', () => {
    const page = receiptHtml(
      { ...order, payment_method: 'online', payment: { method: 'online', state: 'paid', pay_by: null } },
      58,
    );
    expect(page).toContain('PAID ONLINE: nothing to collect');
    expect(page).not.toContain('CASH TO COLLECT');
  });

  it('lets nothing from a name or a note become markup', () => {
    const page = receiptHtml(
      {
        ...order,
        note: '</p><script>alert(1)</script>',
        store: { ...order.store, name: '<img src=x onerror=alert(1)>' },
      },
      80,
    );
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('wraps long names inside the column rather than widening the page, and keeps prices on one line', () => {
    const page = receiptHtml(order, 58);
    expect(page).toMatch(/table \{[^}]*table-layout: fixed;/);
    expect(page).toMatch(/td \{[^}]*overflow-wrap: anywhere;/);
    expect(page).toMatch(/\.num \{[^}]*white-space: nowrap;/);
  });

  it('leaves out the note when there is none', () => {
    expect(receiptHtml({ ...order, note: null }, 58)).not.toContain('class="note"');
  });
});
