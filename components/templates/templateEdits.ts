// What the options page does to the team's template list: edit, reset, delete, add, import. Pure; the list is the
// stored one (edits of built-ins under their id, then the team's own), never the merged menu.
import { DEFAULT_TEMPLATES, userTemplateSchema, type UserTemplate } from '@/lib/handbook/templates/templates';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function defaultOf(id: string) {
  return DEFAULT_TEMPLATES.find((d) => same(d.id, id)) ?? null;
}

/** True for a built-in template the team has changed. */
export function isEdited(user: readonly UserTemplate[], id: string): boolean {
  return defaultOf(id) !== null && user.some((t) => same(t.id, id));
}

/**
 * The list with this template saved: replaces the entry with its id, or adds it. A built-in saved with exactly the
 * handbook's title and text is no edit at all, so it is dropped (and keeps following the handbook).
 */
export function saveEdit(user: readonly UserTemplate[], edit: UserTemplate): UserTemplate[] {
  const d = defaultOf(edit.id);
  const rest = user.filter((t) => !same(t.id, edit.id));
  if (d && d.title === edit.title.trim() && d.body === edit.body) {
    return rest;
  }
  const at = user.findIndex((t) => same(t.id, edit.id));
  if (at < 0) return [...user, edit];
  return user.map((t, i) => (i === at ? edit : t));
}

/** Back to the handbook's text (built-ins) or gone (the team's own). */
export function removeTemplate(user: readonly UserTemplate[], id: string): UserTemplate[] {
  return user.filter((t) => !same(t.id, id));
}

/** An id for a new template from its title: `release-note`, `release-note-2` when that is taken. */
export function newTemplateId(title: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'template';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

export type FieldErrors = Partial<Record<'title' | 'body', string>>;

/** What is wrong with a template being edited, per field; empty when it can be saved. */
export function fieldErrors(edit: UserTemplate): FieldErrors {
  const parsed = userTemplateSchema.safeParse(edit);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'title' || field === 'body') && !errors[field]) {
      errors[field] = `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
    }
  }
  return errors;
}

/** Imported templates replace the team's ones with the same id; the others are added after them. */
export function mergeImported(
  user: readonly UserTemplate[],
  imported: readonly UserTemplate[],
): { list: UserTemplate[]; replaced: number; added: number } {
  const list = [...user];
  let replaced = 0;
  let added = 0;
  for (const t of imported) {
    const at = list.findIndex((x) => same(x.id, t.id));
    if (at >= 0) {
      list[at] = t;
      replaced++;
    } else {
      list.push(t);
      added++;
    }
  }
  return { list, replaced, added };
}
