import { defineConfig } from 'drizzle-kit';

// make.sh copies stepN.ts to schema.ts before each `drizzle-kit generate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './schema.ts',
  out: './drizzle',
  strict: false,
  verbose: false,
});
