// A district-sized catalog for the benchmarks: 10,000 shops within about 30 km of Kupwara and 50
// products each (500,000), made in SQL with a fixed random seed so every run measures the same data.
import { sql } from 'drizzle-orm';
import type { Db } from '../backend/src/platform/db';

const names = [
  'Basmati Rice',
  'Atta',
  'Toor Dal',
  'Rajma',
  'Mustard Oil',
  'Desi Ghee',
  'Kahwa',
  'Noon Chai',
  'Sugar',
  'Salt',
  'Red Chilli Powder',
  'Turmeric',
  'Saunf',
  'Walnuts',
  'Almonds',
  'Apples',
  'Pears',
  'Tomatoes',
  'Onions',
  'Potatoes',
  'Haakh',
  'Nadru',
  'Milk',
  'Curd',
  'Paneer',
  'Butter',
  'Bread',
  'Girda',
  'Kulcha',
  'Bakerkhani',
  'Soap',
  'Shampoo',
  'Toothpaste',
  'Detergent',
  'Biscuits',
  'Namkeen',
  'Notebook',
  'Pen',
  'Pencil',
  'Eggs',
  'Chicken',
  'Mutton',
  'Trout',
  'Paracetamol',
  'ORS',
  'Honey',
  'Jam',
  'Pickle',
  'Tea',
  'Coffee',
];
const kinds = ['grocery', 'bakery', 'pharmacy', 'vegetables', 'dairy', 'meat', 'stationery'];

/** A constant text[] literal (our own fixed lists, so inlining them is safe). */
const textArray = (list: string[]) =>
  sql.raw(`ARRAY[${list.map((item) => `'${item.replace(/'/g, "''")}'`).join(', ')}]::text[]`);

export async function seedDistrict(db: Db, storeCount = 10_000, productsPerStore = 50) {
  await db.execute(sql`SELECT setseed(0.42)`);
  await db.execute(sql`
    INSERT INTO users (id, role, name, phone, password_hash)
    SELECT gen_random_uuid(), 'seller', 'Bench seller ' || i, '+9198' || lpad(i::text, 8, '0'), 'not-a-hash'
    FROM generate_series(1, ${storeCount}) AS i`);
  await db.execute(sql`
    INSERT INTO stores (id, seller_id, name, address, location, delivery_radius_m, category_slugs, opening_hours)
    SELECT gen_random_uuid(), u.id, 'Shop ' || row_number() OVER (), 'Somewhere in Kupwara district',
      ST_SetSRID(ST_MakePoint(74.2543 + (random() - 0.5) * 0.66, 34.5297 + (random() - 0.5) * 0.54), 4326)::geography,
      3000 + floor(random() * 5000)::int,
      ARRAY[(${textArray(kinds)})[1 + floor(random() * ${kinds.length})::int]],
      '{"sun":[{"open":"00:00","close":"23:59"}],"mon":[{"open":"00:00","close":"23:59"}],"tue":[{"open":"00:00","close":"23:59"}],"wed":[{"open":"00:00","close":"23:59"}],"thu":[{"open":"00:00","close":"23:59"}],"fri":[{"open":"00:00","close":"23:59"}],"sat":[{"open":"00:00","close":"23:59"}]}'::jsonb
    FROM users u WHERE u.name LIKE 'Bench seller %'`);
  await db.execute(sql`
    INSERT INTO products (id, store_id, name, price_paise, mrp_paise, unit, stock)
    SELECT gen_random_uuid(), s.id, (${textArray(names)})[1 + (i % ${names.length})] || ' ' || i,
      p.price, p.price + 500, '1 unit', floor(random() * 50)::int
    FROM stores s
    CROSS JOIN generate_series(1, ${productsPerStore}) AS i
    CROSS JOIN LATERAL (SELECT 1000 + floor(random() * 50000)::int AS price) p`);
  await db.execute(sql`ANALYZE`);
}
