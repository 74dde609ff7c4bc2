import { defineConfig } from 'vitest/config';

/**
 * The suite runs on a fixed, unusual date unless KINERJA_FAKE_NOW says otherwise: Sunday 2 January
 * 2028, 10:00 in Langsa. See tests/setup/fixed-clock.ts.
 */
process.env.KINERJA_FAKE_NOW ??= '2028-01-02T03:00:00.000Z';

export default defineConfig({
  test: {
    // Playwright specs live in e2e/ and must never be collected here.
    include: ['{shared,electron,renderer,tests,scripts,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    setupFiles: ['tests/setup/fixed-clock.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
