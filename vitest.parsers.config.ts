import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The parsers' time budget (50 ms on adversarial 64 KB inputs), run alone after the unit tests (npm run test:parsers):
// beside other test files on a 2-core machine a linear parser's time doubles by chance, which would make a flaky test.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/handbook/parsers-adversarial.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
