// Copies drf-ref's shops, categories and products into our schema, so both sides answer from the
// same 10,000 points and the same catalog. Both databases live on one PostgreSQL server: dblink
// reads the reference's rows inside our database, and plain INSERT … SELECT writes them (the
// district seed's bulk path, with the reference's rows as input instead of generated ones).
import type pg from 'pg';
import { alwaysOpen } from '../town';

/** A libpq connection string for dblink, which runs inside the server and reaches drf_ref over TCP. */
export const dblinkTarget = (refDb: string) => `host=127.0.0.1 port=5432 user=postgres dbname=${refDb}`;

export async function importReference(client: pg.Client, refDb: string) {
  const target = dblinkTarget(refDb);
  await client.query('CREATE EXTENSION IF NOT EXISTS dblink');
  // The reference's uuids are kept (our ids are uuid columns; v7 is only what we mint), so one
  // store id and one product list serve both sides' scripts.
  await client.query(
    `CREATE TEMP TABLE ref_store AS
     SELECT r.*, gen_random_uuid() AS seller_id, row_number() OVER (ORDER BY r.id) AS n
     FROM dblink($1, 'SELECT id, name, location::text, delivery_radius_m, is_open FROM shop_store')
       AS r(id uuid, name text, location geography, delivery_radius_m int, is_open boolean)`,
    [target],
  );
  await client.query(
    `CREATE TEMP TABLE ref_category AS
     SELECT r.id, gen_random_uuid() AS our_id, r.name
     FROM dblink($1, 'SELECT id, name FROM shop_category') AS r(id int, name text)`,
    [target],
  );
  await client.query(
    `INSERT INTO users (id, role, name, phone, password_hash)
     SELECT seller_id, 'seller', 'Reference seller ' || n, '+9195' || lpad(n::text, 8, '0'), 'not-a-hash'
     FROM ref_store`,
  );
  // The reference's is_open is the seller's switch here; the hours never close, as is_open never changes there.
  await client.query(
    `INSERT INTO stores (id, seller_id, name, address, location, delivery_radius_m, opening_hours, is_accepting_orders)
     SELECT id, seller_id, name, 'Reference shop, Kupwara district', location, delivery_radius_m, $1::jsonb, is_open
     FROM ref_store`,
    [JSON.stringify(alwaysOpen)],
  );
  await client.query(
    `INSERT INTO categories (id, slug, name, position)
     SELECT our_id, 'ref-' || id, name, id FROM ref_category`,
  );
  const products = await client.query(
    `INSERT INTO products (id, store_id, category_id, name, price_paise, mrp_paise, unit, stock)
     SELECT r.id, r.store_id, c.our_id, r.name, r.price_paise, r.price_paise, '1 unit', r.stock
     FROM dblink($1, 'SELECT id, store_id, category_id, name, price_paise, stock FROM shop_product')
       AS r(id uuid, store_id uuid, category_id int, name text, price_paise int, stock int)
     JOIN ref_category c ON c.id = r.category_id`,
    [target],
  );
  await client.query('ANALYZE');
  const stores = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM stores');
  return { stores: stores.rows[0]?.count ?? 0, products: products.rowCount ?? 0 };
}
