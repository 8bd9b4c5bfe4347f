import { describe, expect, it } from 'vitest';
import { ALLOWED, backgroundProblems, lintProblems, type LintMessage, type LintResult } from './lint-rules';

const dynamicImport = (file: string): LintMessage => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe call to import for argument 0',
  file,
  line: 1,
  column: 6938,
});
const result = (warnings: LintMessage[], more: Partial<LintResult> = {}): LintResult => ({ errors: [], notices: [], warnings, ...more });
const both = [dynamicImport('content-scripts/github.js'), dynamicImport('content-scripts/gitlab.js')];

describe('lintProblems', () => {
  it('passes the two allowed dynamic imports', () => {
    expect(ALLOWED).toHaveLength(2);
    expect(lintProblems(result(both))).toEqual([]);
  });

  it('fails on any other warning, with its code, file and position', () => {
    const innerHtml = { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'chunks/react-x.js', line: 9, column: 1781 };
    expect(lintProblems(result([...both, innerHtml]))).toEqual([
      'warning UNSAFE_VAR_ASSIGNMENT at chunks/react-x.js:9:1781: Unsafe assignment to innerHTML',
    ]);
  });

  it('matches code, message and file: the same code elsewhere or with another message is not allowed', () => {
    const elsewhere = dynamicImport('background.js');
    const otherMessage = { ...dynamicImport('content-scripts/github.js'), message: 'Unsafe assignment to innerHTML' };
    expect(lintProblems(result([...both, elsewhere, otherMessage]))).toHaveLength(2);
  });

  it('allows each entry once: a second dynamic import in the same file fails', () => {
    expect(lintProblems(result([...both, dynamicImport('content-scripts/gitlab.js')]))).toEqual([
      'warning UNSAFE_VAR_ASSIGNMENT at content-scripts/gitlab.js:1:6938: Unsafe call to import for argument 0',
    ]);
  });

  it('fails when an allowed warning is no longer reported (the list cannot go stale)', () => {
    expect(lintProblems(result([both[0]!]))).toEqual([
      'allowed warning no longer reported (remove it from test/store/lint-rules.ts): UNSAFE_VAR_ASSIGNMENT in content-scripts/gitlab.js: Unsafe call to import for argument 0',
    ]);
  });

  it('fails on errors and notices, even of an allowed code and file', () => {
    const manifest = { code: 'MISSING_DATA_COLLECTION_PERMISSIONS', message: 'missing', file: 'manifest.json' };
    const problems = lintProblems(result(both, { errors: [dynamicImport('content-scripts/github.js')], notices: [manifest] }));
    expect(problems).toEqual([
      'error UNSAFE_VAR_ASSIGNMENT at content-scripts/github.js:1:6938: Unsafe call to import for argument 0',
      'notice MISSING_DATA_COLLECTION_PERMISSIONS at manifest.json: missing',
    ]);
  });
});

describe('backgroundProblems', () => {
  it('passes ordinary code', () => {
    expect(backgroundProblems('function isFunction(x){return typeof x==`function`}evaluate(1);x.medieval(2)')).toEqual([]);
  });

  it.each([
    ['eval(', 'a=eval("1")'],
    ['eval(', 'a=eval ("1")'],
    ['Function( / new Function(', 'a=new Function("return this")'],
    ['Function( / new Function(', 'a=Function("return this")()'],
    ['drizzle', 'import{sql}from"drizzle-orm"'],
    ['drizzle', 'var Drizzle=1'],
  ])('finds %s in %s', (name, source) => {
    const problems = backgroundProblems(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`background.js: ${name} at offset`);
  });
});
