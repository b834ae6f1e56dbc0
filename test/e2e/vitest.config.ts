import { defineConfig } from 'vitest/config';

// End-to-end specs: the built renderer (npm run build:renderer), the real services behind the
// loopback test host, Debian's Chromium driven by playwright-core. One browser at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: 'test-results/vitest-e2e.json' }]] : ['default'],
    fileParallelism: false,
  },
});
