// Bundle-size budgets (sizes are deterministic, so they are tests): content script per forge ≤ 80 kB gzipped,
// background ≤ 110 kB gzipped, and the content UI an issue page loads ≤ 125 kB gzipped (closed sections and list
// badges stay in chunks loaded on demand). Runs against the production build (npm run test:budget builds it first).
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
    // It loads on every forge page: zod or React reaching it (through a shared module) would be several times this.
    it(`${entry} stays small: ≤ 8 kB gzipped, no zod`, () => {
      expect(sizes[entry]?.gzip ?? Infinity).toBeLessThanOrEqual(8 * KB);
      expect(sizes[entry]?.files.some((f) => /zod/i.test(f))).toBe(false);
    });
  }
  it('content UI ≤ 125 kB gzipped, without the code of closed sections and list badges', () => {
    const ui = sizes['content UI'];
    expect(ui?.gzip ?? Infinity).toBeLessThanOrEqual(125 * KB);
    const onDemand = sizes['content UI, on demand']?.files ?? [];
    for (const chunk of ['StatusSection', 'RefinementSection', 'TemplatesSection', 'listFeature']) {
      expect(onDemand.some((f) => f.includes(`/${chunk}-`))).toBe(true);
      expect(ui?.files.some((f) => f.includes(`/${chunk}-`))).toBe(false);
    }
  });
  it('every script is ASCII (a single other character doubles the memory a page keeps for its source)', () => {
    const scripts = Object.values(sizes).flatMap((s) => s.files);
    const wide = scripts.filter((f) => /[^\t\n\r\x20-\x7e]/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(scripts.length).toBeGreaterThan(5);
    expect(wide).toEqual([]);
  });
  it('background ≤ 110 kB gzipped', () => {
    expect(sizes['background']?.gzip ?? Infinity).toBeLessThanOrEqual(110 * KB);
  });
});
