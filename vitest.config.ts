import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: node by default; UI tests opt into happy-dom with a `// @vitest-environment happy-dom` header.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,test,entrypoints,build}/**/*.test.{ts,tsx}'],
    // Budgets run after the build (npm run test:budget), not with the unit tests.
    // The parsers' time budget runs alone (vitest.parsers.config.ts): timed beside other files, it would fail by chance.
    exclude: ['test/e2e/**', 'test/bench/**', 'node_modules/**', 'lib/handbook/parsers-adversarial.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit-setup.ts'],
    testTimeout: 20_000,
  },
});
