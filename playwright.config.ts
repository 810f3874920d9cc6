import { defineConfig } from '@playwright/test';

// End-to-end tests load the built extension (.output/chrome-mv3) into the system Chromium.
export default defineConfig({
  testDir: 'test/e2e',
  // Each test launches its own browser profile; two cores run one at a time best.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
});
