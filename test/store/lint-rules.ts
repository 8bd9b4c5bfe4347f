// What `npm run lint:firefox` accepts from web-ext's linter (addons-linter) and from the built background script.
// Pure functions: lint-firefox.ts runs the linter and reads the files.

export interface LintMessage {
  _type?: string;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

export interface Allowed {
  code: string;
  message: string;
  file: string;
  why: string;
}

// Each entry allows exactly one message of that code, message and file; an entry no longer reported is a failure, so
// the list cannot outlive its reason.
export const ALLOWED: readonly Allowed[] = ['github', 'gitlab'].map((forge) => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe call to import for argument 0',
  file: `content-scripts/${forge}.js`,
  why: 'the content script imports content-ui.js, the web-accessible UI module (lib/content/load-ui.ts)',
}));

const where = (m: LintMessage) => [m.file ?? '(no file)', m.line, m.column].filter((x) => x !== undefined).join(':');

export const formatMessage = (m: LintMessage, kind: string) => `${kind} ${m.code} at ${where(m)}: ${m.message}`;

/** One line per problem: every error, warning or notice not allowed, and every allowed entry not reported. */
export function lintProblems(result: LintResult, allowed: readonly Allowed[] = ALLOWED): string[] {
  const unused = [...allowed];
  const problems: string[] = [];
  const kinds = [
    ['error', result.errors],
    ['warning', result.warnings],
    ['notice', result.notices],
  ] as const;
  for (const [kind, messages] of kinds) {
    for (const m of messages) {
      const i = kind === 'warning' ? unused.findIndex((a) => a.code === m.code && a.message === m.message && a.file === m.file) : -1;
      if (i >= 0) unused.splice(i, 1);
      else problems.push(formatMessage(m, kind));
    }
  }
  for (const a of unused) problems.push(`allowed warning no longer reported (remove it from test/store/lint-rules.ts): ${a.code} in ${a.file}: ${a.message}`);
  return problems;
}

// Code that store reviewers reject in a background script: eval-like calls, and drizzle (an ORM that generates them).
const FORBIDDEN: readonly { name: string; pattern: RegExp }[] = [
  { name: 'eval(', pattern: /\beval\s*\(/g },
  { name: 'Function( / new Function(', pattern: /\bFunction\s*\(/g },
  { name: 'drizzle', pattern: /drizzle/gi },
];

/** One line per forbidden construct found in the background script's source. */
export function backgroundProblems(source: string, file = 'background.js'): string[] {
  const problems: string[] = [];
  for (const { name, pattern } of FORBIDDEN) {
    for (const m of source.matchAll(pattern)) {
      const at = m.index ?? 0;
      problems.push(`${file}: ${name} at offset ${at}: …${source.slice(Math.max(0, at - 40), at + 40)}…`);
    }
  }
  return problems;
}
