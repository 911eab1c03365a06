import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w backend` writes a new SQL migration from the tables in src/schema.ts;
// the app applies every migration at boot, on PGlite and on PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
});
