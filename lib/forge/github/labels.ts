// Which label operations a change needs on GitHub. GitHub keeps no `scope::` label exclusive, so adding
// `scope::value` also removes the other labels of that scope (as GitLab Premium would). Pure.
import { scopeOf } from '../../handbook/labels';
import { ForgeError } from '../errors';
import type { LabelChange } from '../model';

export interface LabelPlan {
  /** Labels to add (POST), as requested. */
  add: string[];
  /** Labels to remove (one DELETE each), as the issue spells them. */
  remove: string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** `current` must be the labels as read just before writing. */
export function planLabelChange(current: readonly string[], change: Partial<LabelChange>): LabelPlan {
  const add = (change.add ?? []).map((l) => l.trim()).filter(Boolean);
  const remove = (change.remove ?? []).map((l) => l.trim()).filter(Boolean);
  const both = add.find((a) => remove.some((r) => same(a, r)));
  if (both) throw new ForgeError('invalid', `"${both}" cannot be both added and removed.`);
  const scopes = new Map<string, string>();
  for (const label of add) {
    const scope = scopeOf(label)?.toLowerCase();
    if (scope === undefined) continue;
    const other = scopes.get(scope);
    if (other !== undefined && !same(other, label)) {
      throw new ForgeError('invalid', `"${other}" and "${label}" are in the same scope; only one can be set.`);
    }
    scopes.set(scope, label);
  }
  const toRemove = current.filter((label) => {
    if (remove.some((r) => same(r, label))) return true;
    const scope = scopeOf(label)?.toLowerCase();
    const kept = scope === undefined ? undefined : scopes.get(scope);
    return kept !== undefined && !same(kept, label);
  });
  const toAdd = add.filter((a, i) => !current.some((c) => same(c, a)) && add.findIndex((x) => same(x, a)) === i);
  return { add: toAdd, remove: toRemove };
}
