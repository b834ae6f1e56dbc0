import { defineConfig } from 'vitest/config';

// Unit tests sit beside their source; e2e specs have their own config (test/e2e/vitest.config.ts).
export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: 'test-results/vitest-unit.json' }]] : ['default'],
  },
});
