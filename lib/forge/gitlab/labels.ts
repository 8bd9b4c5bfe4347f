// Turns a label change into one add/remove write, keeping `scope::` labels exclusive on every tier.
import type { LabelChange } from '../model';
import { labelScope } from './map';

export interface LabelWrite {
  add: string[];
  remove: string[];
}

/** Scopes whose other labels must go because the change adds a label of that scope. */
export function addedScopes(change: LabelChange): Set<string> {
  return new Set(change.add.map(labelScope).filter((s): s is string => s !== null));
}

/**
 * `current` is the labels as re-read just before the write (omit it when nothing scoped is added). Other
 * labels of an added scope are removed explicitly: Free has no server-side exclusivity, and on Premium+ this also
 * heals issues that already hold two labels of a scope. Labels someone else added meanwhile are left alone.
 */
export function planLabelWrite(change: LabelChange, current: readonly string[] = []): LabelWrite {
  // Of two added labels in one scope the last wins, as on GitLab.
  const add: string[] = [];
  for (const name of change.add) {
    const scope = labelScope(name);
    const at = scope ? add.findIndex((a) => labelScope(a) === scope) : add.indexOf(name);
    if (at >= 0) add.splice(at, 1);
    add.push(name);
  }
  const scopes = addedScopes({ add, remove: [] });
  const remove = new Set(change.remove.filter((r) => !add.includes(r)));
  for (const name of current) {
    const scope = labelScope(name);
    if (scope && scopes.has(scope) && !add.includes(name)) remove.add(name);
  }
  return { add, remove: [...remove] };
}
