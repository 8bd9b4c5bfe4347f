// Bundle-size budgets (sizes are deterministic, so they are tests): content script per forge ≤ 80 kB gzipped,
// background ≤ 110 kB gzipped. Runs against the production build (npm run test:budget builds it first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure } from './sizes';

const root = path.resolve(process.env.REFINERY_OUT_DIR ?? '.output', 'chrome-mv3');
const built = fs.existsSync(path.join(root, 'manifest.json'));
const KB = 1024;

describe('bundle-size budgets (production build)', () => {
  it('has a production build to measure', () => {
    expect(built, `no build at ${root}: run npm run build first`).toBe(true);
  });
  const sizes = built ? Object.fromEntries(measure(root).map((s) => [s.entry, s])) : {};
  for (const entry of ['content script (GitLab)', 'content script (GitHub)']) {
    it(`${entry} ≤ 80 kB gzipped`, () => {
      expect(sizes[entry]?.gzip ?? Infinity).toBeLessThanOrEqual(80 * KB);
    });
  }
  it('background ≤ 110 kB gzipped', () => {
    expect(sizes['background']?.gzip ?? Infinity).toBeLessThanOrEqual(110 * KB);
  });
});
