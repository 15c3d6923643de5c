import { defineConfig } from 'vitest/config';
import './test-fonts';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'cli/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.spec.ts',
      'scripts/**/*.test.ts',
      // Unit tests of the end-to-end hosts (e2e/hosts/web-host.test.ts); Playwright runs e2e's *.spec.ts.
      'e2e/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
  },
});
