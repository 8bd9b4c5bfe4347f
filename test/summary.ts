// Prints one closing line for the whole suite from the unit, e2e (Chromium) and Firefox JSON reports: "tests: N passed, N failed".
import fs from 'node:fs';

interface Count {
  passed: number;
  failed: number;
  skipped: number;
}

function vitest(file: string): Count {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwright(file: string): Count {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

const parts: Count[] = [];
const missing: string[] = [];
for (const [file, read] of [
  ['test-results/unit.json', vitest],
  ['test-results/parsers.json', vitest],
  ['test-results/budget.json', vitest],
  ['test-results/e2e.json', playwright],
  ['test-results/firefox.json', vitest],
] as const) {
  if (fs.existsSync(file)) parts.push(read(file));
  else missing.push(file);
}
const total = parts.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
if (missing.length) console.log(`missing reports: ${missing.join(', ')}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || missing.length > 0 || total.passed === 0 ? 1 : 0);
