// Every command the README tells a newcomer to run exists: each `npm run <script>` is a script of package.json, and
// each script that runs a file of ours names a file that is there (`npm run sandbox` once pointed at a missing one).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the README’s commands', () => {
  const named = [...new Set([...readme.matchAll(/npm run ([a-z][a-z0-9:-]*)/g)].map((m) => m[1]!))];

  it('names scripts at all (the pattern still finds them)', () => {
    expect(named).toEqual(expect.arrayContaining(['build', 'demo', 'bench', 'sandbox']));
  });

  it.each(named)('`npm run %s` is a script of package.json', (name) => {
    expect(Object.keys(scripts)).toContain(name);
  });

  it('`npm test` and `npm ci` work: a test script and a lock file', () => {
    expect(scripts.test).toBeTruthy();
    expect(fs.existsSync(path.join(root, 'package-lock.json'))).toBe(true);
  });

  it.each(Object.entries(scripts))('script %s runs only files that exist', (_name, command) => {
    for (const m of command.matchAll(/(?:tsx|node)\s+((?:test|lib|scripts)\/[\w./-]+\.(?:ts|js|mjs))/g)) {
      expect(fs.existsSync(path.join(root, m[1]!)), m[1]).toBe(true);
    }
    for (const m of command.matchAll(/--config\s+([\w./-]+)/g)) expect(fs.existsSync(path.join(root, m[1]!)), m[1]).toBe(true);
  });
});
