import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: node by default; UI tests opt into happy-dom with a `// @vitest-environment happy-dom` header.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,test,entrypoints}/**/*.test.{ts,tsx}'],
    // Budgets run after the build (npm run test:budget), not with the unit tests.
    exclude: ['test/e2e/**', 'test/bench/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/unit-setup.ts'],
    testTimeout: 20_000,
  },
});
