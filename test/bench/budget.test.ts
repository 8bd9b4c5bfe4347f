// Bundle-size budgets (sizes are deterministic, so they are tests): content script per forge ≤ 80 kB gzipped,
// background ≤ 110 kB gzipped. Runs against the production build; skipped with a note when there is none yet.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure } from './sizes';

const root = path.resolve(process.env.REFINERY_OUT_DIR ?? '.output', 'chrome-mv3');
const built = fs.existsSync(path.join(root, 'manifest.json'));
const KB = 1024;

describe.skipIf(!built)('bundle-size budgets (production build)', () => {
  const sizes = built ? Object.fromEntries(measure(root).map((s) => [s.entry, s])) : {};
  for (const entry of ['content script (GitLab)', 'content script (GitHub)']) {
    it(`${entry} ≤ 80 kB gzipped`, () => {
      expect(sizes[entry]!.gzip / KB).toBeLessThanOrEqual(80);
    });
  }
  it('background ≤ 110 kB gzipped', () => {
    expect(sizes['background']!.gzip / KB).toBeLessThanOrEqual(110);
  });
});
