import { defineConfig } from '@playwright/test';
import './test-fonts';

// End-to-end specs run against the built app (npm run build first). The fixture in e2e/fixtures.ts
// picks the host: Electron where LECTERN_E2E_HOST=electron, else the web host in Chromium.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
