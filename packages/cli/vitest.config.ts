import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@org/source'] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
