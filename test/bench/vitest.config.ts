import { defineConfig } from 'vitest/config';

// Bundle-size budgets: run after `npm run build` (npm run test:budget), not with the unit tests.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.test.ts'],
    environment: 'node',
  },
});
