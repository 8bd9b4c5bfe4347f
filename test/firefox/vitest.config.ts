import { defineConfig } from 'vitest/config';

// Firefox smoke tests (npm run test:firefox): puppeteer-core drives Debian's Firefox ESR over WebDriver BiDi. One
// browser per file, files one after another (2-core CI machine; the browser is the slow part).
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 60_000,
  },
});
