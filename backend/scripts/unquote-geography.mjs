// drizzle-kit writes custom column types quoted, as if "geography(Point,4326)" were a type's name;
// PostgreSQL then looks for a type by that exact name and fails. Unquote them in the migrations.
import { readdir, readFile, writeFile } from 'node:fs/promises';

const dir = new URL('../migrations/', import.meta.url);
for (const name of await readdir(dir)) {
  if (!name.endsWith('.sql')) continue;
  const file = new URL(name, dir);
  const sql = await readFile(file, 'utf8');
  const fixed = sql.replace(/"(geography\([^")]*\))"/g, '$1');
  if (fixed !== sql) await writeFile(file, fixed);
}
