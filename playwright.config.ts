import { defineConfig } from '@playwright/test';

// Drives the built extension (.output/chrome-mv3-e2e) in Debian's Chromium against the sandbox forge.
// REFINERY_OUT_DIR moves the build and the results, so parallel runs on one machine don't share folders.
const out = process.env.REFINERY_OUT_DIR;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: out ? `${out}/e2e.json` : 'test-results/e2e.json' }]],
  outputDir: out ? `${out}/e2e-artifacts` : 'test-results/e2e-artifacts',
  use: { trace: 'retain-on-failure' },
});
