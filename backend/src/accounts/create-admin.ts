// The operator's account: admins are never self-registered. With the embedded database, stop the
// server first (PGlite allows one process per data directory).
//   ADMIN_PASSWORD=… npm run create-admin -w backend -- "Full Name" +919XXXXXXXXX
import { registerRequest } from '@kupwara/shared';
import { loadConfig } from '../platform/config';
import { openPglite, openPostgres } from '../platform/db';
import { AppError } from '../platform/http/errors';
import { register } from './users';

const [name, phone] = process.argv.slice(2);
const parsed = registerRequest.safeParse({ name, phone, password: process.env.ADMIN_PASSWORD, role: 'customer' });
if (!parsed.success) {
  console.error('usage: ADMIN_PASSWORD=<at least 8 characters> npm run create-admin -w backend -- "<name>" <phone>');
  for (const issue of parsed.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const config = loadConfig();
const database = config.databaseUrl
  ? await openPostgres(config.databaseUrl, 1)
  : await openPglite({ dataDir: config.dataDir });
try {
  const admin = await register(database.db, { ...parsed.data, role: 'admin' });
  console.log(`admin ${admin.name} (${admin.phone}) created with id ${admin.id}`);
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
