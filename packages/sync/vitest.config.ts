import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages are read from source (their `@org/source` export), so tests never
  // depend on a build: Vite resolves test imports as server-side code, hence `ssr`.
  resolve: { conditions: ['@org/source', 'module', 'development|production'] },
  ssr: { resolve: { conditions: ['@org/source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One Postgres for the whole run (DATABASE_URL, or an embedded one); each file gets a database.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
