// `npm run lint:firefox`: web-ext's lint (what addons.mozilla.org runs on upload) over the Firefox build, which must be
// there already (`npm run build:firefox`; REFINERY_OUT_DIR as for the build). Fails on every error, warning or notice
// but the allowed ones (lint-rules.ts), and on eval-like code in the background script.
import fs from 'node:fs';
import path from 'node:path';
import webExt from 'web-ext';
import { backgroundProblems, lintProblems, type LintResult } from './lint-rules';

const sourceDir = path.resolve(process.env.REFINERY_OUT_DIR ?? '.output', 'firefox-mv3');
if (!fs.existsSync(path.join(sourceDir, 'manifest.json'))) {
  console.error(`lint:firefox: no Firefox build in ${sourceDir} (run npm run build:firefox first)`);
  process.exit(1);
}

const result = (await webExt.cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false })) as LintResult;
const problems = [
  ...lintProblems(result),
  ...backgroundProblems(fs.readFileSync(path.join(sourceDir, 'background.js'), 'utf8')),
];

if (problems.length > 0) {
  console.error(`lint:firefox: ${problems.length} problem(s) in ${sourceDir}:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`lint:firefox: ${sourceDir} passes web-ext lint (${result.warnings.length} allowed warning(s)); background.js has no eval-like code`);
