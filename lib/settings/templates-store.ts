// The team's templates in extension storage: edits of the built-in ones (same id) and their own. The handbook's texts
// are never stored; a built-in without an edit is the default. Read leniently (a bad entry is dropped, the rest kept);
// written strictly (the options page shows what is wrong and nothing is saved).
import { storage } from '#imports';
import type * as z from '@/lib/zod';
import {
  DEFAULT_TEMPLATES,
  mergeTemplates,
  userTemplateSchema,
  userTemplatesSchema,
  type Template,
  type UserTemplate,
} from '../handbook/templates/templates';

const item = storage.defineItem<unknown>('local:templates', { fallback: null });

/** Stored data read back: every valid template, the first of each id, at most 100. */
export function parseUserTemplates(raw: unknown): UserTemplate[] {
  if (!Array.isArray(raw)) return [];
  const whole = userTemplatesSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const out: UserTemplate[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const parsed = userTemplateSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id.toLowerCase())) continue;
    seen.add(parsed.data.id.toLowerCase());
    out.push(parsed.data);
    if (out.length === 100) break;
  }
  return out;
}

export class InvalidTemplatesError extends Error {
  constructor(readonly problems: string[]) {
    super(`The templates were not saved: ${problems.join(' ')}`);
    this.name = 'InvalidTemplatesError';
  }
}

function problem(issue: z.core.$ZodIssue): string {
  const [index, field] = issue.path;
  if (typeof index !== 'number') return `${issue.message}.`;
  return `Template ${index + 1}${field === undefined ? '' : `, ${String(field)}`}: ${issue.message}.`;
}

export async function loadUserTemplates(): Promise<UserTemplate[]> {
  return parseUserTemplates(await item.getValue());
}

/** Saves the list as given, or throws InvalidTemplatesError (and saves nothing) when any of it is invalid. */
export async function saveUserTemplates(list: readonly UserTemplate[]): Promise<void> {
  const parsed = userTemplatesSchema.safeParse(list);
  if (!parsed.success) throw new InvalidTemplatesError(parsed.error.issues.map(problem));
  await item.setValue(parsed.data);
}

export function watchUserTemplates(cb: (list: UserTemplate[]) => void): () => void {
  return item.watch((raw) => cb(parseUserTemplates(raw)));
}

/** The templates the menu offers: the handbook's (or the team's edit of them), then the team's own. */
export function templatesFrom(user: readonly UserTemplate[]): Template[] {
  return mergeTemplates(DEFAULT_TEMPLATES, user);
}
