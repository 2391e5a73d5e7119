import { defineConfig } from 'drizzle-kit';

// Same as drizzle.config.ts, for the step generated without statement breakpoints.
export default defineConfig({
  dialect: 'postgresql',
  schema: './schema.ts',
  out: './drizzle',
  breakpoints: false,
});
