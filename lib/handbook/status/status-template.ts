// The layout of an async status update comment as a small template a team may override from the options.
// Syntax: `{{name}}` placeholders; a line whose placeholders are all empty is left out; `[[ … ]]` marks an optional
// part of a line, left out when its placeholders are all empty (for separators such as ` - {{title}}`).
// The defaults are the handbook's format (Package stage, "Async Issue Updates"). Pure.
import * as z from '@/lib/zod';

export interface StatusTemplate {
  /** An update without merge requests. */
  single: string;
  /** An update with one line per merge request (`{{changes}}` is where the lines go). */
  withChanges: string;
  /** One merge request's line. */
  change: string;
}

export type TemplatePart = keyof StatusTemplate;

export const DEFAULT_STATUS_TEMPLATE: Readonly<StatusTemplate> = Object.freeze({
  single: 'Complete: {{complete}}%\nConfidence: {{confidence}}%\nNotes: {{notes}}\nConcern: {{concern}}',
  withChanges:
    'Issue status: {{complete}}% complete, {{confidence}}% confident\nNotes: {{notes}}\nConcern: {{concern}}\n\n' +
    '{{mr}} statuses:\n{{changes}}',
  change: '{{reference}} - {{complete}}% complete, {{confidence}}% confident[[ - {{title}}]][[ - {{note}}]]',
});

/**
 * What each part may use. `mr` is "MR" on GitLab and "PR" on GitHub; `health` is "On track"/"Needs attention"/
 * "At risk". Required placeholders are the ones without which something the user typed would not be written.
 */
export const TEMPLATE_PLACEHOLDERS: Readonly<Record<TemplatePart, { allowed: readonly string[]; required: readonly string[] }>> =
  Object.freeze({
    single: { allowed: ['complete', 'confidence', 'notes', 'concern', 'health'], required: ['complete', 'confidence', 'notes', 'concern'] },
    withChanges: {
      allowed: ['complete', 'confidence', 'notes', 'concern', 'health', 'changes', 'mr'],
      required: ['complete', 'confidence', 'notes', 'concern', 'changes'],
    },
    change: { allowed: ['reference', 'complete', 'confidence', 'title', 'note'], required: ['reference', 'complete', 'confidence', 'note'] },
  });

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * `line.replace(/\[\[(.*?)\]\]/g, (all, inner) => replace(inner))`, by one scan: that pattern rescanned the rest of the
 * line from every `[[` that is not closed. A group does not span a line break (JavaScript's `.` does not match one).
 */
function replaceGroups(line: string, replace: (inner: string) => string): string {
  return line
    .split(/([\r\u2028\u2029])/)
    .map((part) => {
      let out = '';
      let done = 0;
      for (;;) {
        const open = part.indexOf('[[', done);
        if (open < 0) break;
        const close = part.indexOf(']]', open + 2);
        if (close < 0) break;
        out += part.slice(done, open) + replace(part.slice(open + 2, close));
        done = close + 2;
      }
      return done === 0 ? part : out + part.slice(done);
    })
    .join('');
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Readable problems with one part of a template; empty when it is usable. */
export function templateProblems(part: TemplatePart, text: string): string[] {
  const problems: string[] = [];
  const { allowed, required } = TEMPLATE_PLACEHOLDERS[part];
  const used = placeholdersOf(text);
  for (const name of new Set(used)) {
    if (!allowed.includes(name)) problems.push(`Unknown placeholder {{${name}}}; use one of ${allowed.map((a) => `{{${a}}}`).join(', ')}`);
  }
  const leftover = text.replace(PLACEHOLDER, '');
  if (leftover.includes('{{') || leftover.includes('}}')) problems.push('A placeholder is not closed: write it as {{name}}');
  for (const name of required) {
    if (!used.includes(name)) problems.push(`The template must contain {{${name}}}, or what the user types there is lost`);
  }
  for (const line of text.split('\n')) {
    const rest = replaceGroups(line, () => '');
    if (rest.includes('[[') || rest.includes(']]')) problems.push(`Optional parts [[ … ]] must open and close on one line: "${line}"`);
  }
  if (part === 'change' && text.includes('\n')) problems.push('A merge request line must be a single line');
  return problems;
}

const part = (p: TemplatePart) =>
  z.string().check(
    z.trim(),
    z.minLength(1, { error: 'A template part cannot be empty' }),
    z.maxLength(2000),
    z.superRefine((text: string, ctx) => {
      for (const message of templateProblems(p, text)) ctx.addIssue({ code: 'custom', message });
    }),
  );

/** A team's override, as the options page saves it: missing parts take the handbook's default. */
export const statusTemplateSchema = z.deferred(() =>
  z.object({
    single: z.optional(part('single')),
    withChanges: z.optional(part('withChanges')),
    change: z.optional(part('change')),
  }),
);
export type StatusTemplateOverride = z.infer<typeof statusTemplateSchema>;

/** The override merged over the defaults; throws with the problems when a part is unusable. */
export function resolveTemplate(override: StatusTemplateOverride = {}): StatusTemplate {
  const result = statusTemplateSchema.safeParse(override);
  if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return { ...DEFAULT_STATUS_TEMPLATE, ...Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) };
}

/**
 * Fills a template. A value of '' is empty: its line (or optional part) is left out when all its placeholders are
 * empty, otherwise it is written as `emptyText[name]` (e.g. `?` for an unknown percentage). Values are inserted in a
 * single pass, so text the user typed is never read as a placeholder.
 */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  emptyText: Readonly<Record<string, string>> = {},
): string {
  const isEmpty = (name: string) => (values[name] ?? '') === '';
  const allEmpty = (text: string) => {
    const names = placeholdersOf(text);
    return names.length > 0 && names.every(isEmpty);
  };
  const lines: string[] = [];
  for (const line of template.split('\n')) {
    if (!line.includes('{{') && !line.includes('[[')) {
      lines.push(line); // nothing to fill (and a template may have 60,000 such lines)
      continue;
    }
    if (allEmpty(line)) continue;
    const kept = replaceGroups(line, (inner) => (allEmpty(inner) ? '' : inner));
    lines.push(kept.replace(PLACEHOLDER, (_all, name: string) => (isEmpty(name) ? (emptyText[name] ?? '') : (values[name] as string))));
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
