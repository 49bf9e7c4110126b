// Prisma CLI configuration. The CLI is only used for `prisma generate` here (see
// scripts/generate.mjs); migrations are applied by src/migrate.ts. Where the schema engine can be
// downloaded, `prisma migrate status` / `deploy` read the same migrations folder.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/sozialatlas' },
});
