// State changes shared by REST, quick actions and GraphQL, with GitLab's tier rules.
import { isUnder } from './http';
import { addLabel } from './seed';
import { labelScope, nowIso, tierAtLeast, type GitlabState, type GlGroup, type GlIssue, type GlLabel, type GlNote, type GlProject, type HealthStatusValue } from './state';

/** GitLab's colour for labels created on the fly (Label::DEFAULT_COLOR). */
const DEFAULT_LABEL_COLOR = '#6699cc';

/** Labels visible in a project: its own plus those of its ancestor groups. */
export function labelsFor(state: GitlabState, p: GlProject, includeAncestors = true): GlLabel[] {
  const groups = new Set<number>();
  for (let g = state.groups.find((x) => x.id === p.namespaceId); g; g = state.groups.find((x) => x.id === g!.parentId)) groups.add(g.id);
  return state.labels.filter((l) => l.projectId === p.id || (includeAncestors && l.groupId !== null && groups.has(l.groupId)));
}

/** Labels a group's endpoints list: its own, its ancestors' (default), its subgroups' and their projects' on request. */
export function groupLabelsFor(state: GitlabState, g: GlGroup, opts: { ancestors?: boolean; descendants?: boolean; onlyGroupLabels?: boolean }): GlLabel[] {
  const groups = new Set<number>([g.id]);
  if (opts.ancestors) for (let a = state.groups.find((x) => x.id === g.parentId); a; a = state.groups.find((x) => x.id === a!.parentId)) groups.add(a.id);
  if (opts.descendants) for (const d of state.groups) if (isUnder(state, d.id, g.id)) groups.add(d.id);
  const projects = new Set(opts.descendants && opts.onlyGroupLabels === false ? state.projects.filter((p) => isUnder(state, p.namespaceId, g.id)).map((p) => p.id) : []);
  return state.labels.filter((l) => (l.groupId !== null && groups.has(l.groupId)) || (l.projectId !== null && projects.has(l.projectId)));
}

function ensureLabel(state: GitlabState, p: GlProject, name: string): GlLabel {
  return labelsFor(state, p).find((l) => l.name === name) ?? addLabel(state, { projectId: p.id, groupId: null, name, color: DEFAULT_LABEL_COLOR, description: null });
}

export interface LabelChange {
  add?: string[];
  remove?: string[];
  /** Whole-set replacement (`labels=`). */
  set?: string[];
}

/**
 * The label set after a change. With `exclusive` (Premium+), adding a `scope::value` label removes the other labels of
 * that scope (GitLab's scoped-label exclusivity); labels already conflicting stay until a label of their scope is added.
 */
export function nextLabels(before: readonly string[], change: LabelChange, exclusive: boolean): string[] {
  let next = change.set ? [...new Set(change.set)] : [...before];
  // As IssuableBaseService: base set, then add_labels, then remove_labels (a label in both ends up removed).
  for (const name of change.add ?? []) if (!next.includes(name)) next.push(name);
  if (change.remove) next = next.filter((n) => !change.remove!.includes(n));
  if (exclusive) {
    const incoming = [...(change.set ?? []).filter((n) => !before.includes(n)), ...(change.add ?? [])];
    // When one request adds two labels of a scope, the last one wins.
    for (const name of incoming) {
      const scope = labelScope(name);
      if (scope && next.includes(name)) next = next.filter((n) => n === name || labelScope(n) !== scope);
    }
  }
  return next;
}

/** Applies a label change to an issue (exclusivity from Premium); returns the labels added and removed. */
export function changeLabels(state: GitlabState, issue: GlIssue, change: LabelChange): { added: GlLabel[]; removed: GlLabel[] } {
  const p = state.projects.find((x) => x.id === issue.projectId)!;
  const before = [...issue.labels];
  const next = nextLabels(before, change, tierAtLeast(p.tier, 'premium'));
  const added = next.filter((n) => !before.includes(n)).map((n) => ensureLabel(state, p, n));
  const removed = before.filter((n) => !next.includes(n)).map((n) => ensureLabel(state, p, n));
  if (added.length || removed.length) {
    issue.labels = next;
    issue.updatedAt = nowIso();
  }
  return { added, removed };
}

export function addNote(state: GitlabState, n: Omit<GlNote, 'id' | 'createdAt' | 'updatedAt' | 'internal'> & { internal?: boolean }): GlNote {
  const now = nowIso();
  const note: GlNote = { id: state.seq.note++, createdAt: now, updatedAt: now, internal: false, ...n };
  state.notes.push(note);
  return note;
}

/** Weight exists from Premium; `null` clears it. */
export function setWeight(issue: GlIssue, weight: number | null): boolean {
  if (issue.weight === weight) return false;
  issue.weight = weight;
  issue.updatedAt = nowIso();
  return true;
}

const HEALTH_TEXT: Record<HealthStatusValue, string> = { on_track: 'on track', needs_attention: 'needs attention', at_risk: 'at risk' };

/** Health status exists on Ultimate; GitLab records the change as a system note. */
export function setHealthStatus(state: GitlabState, issue: GlIssue, status: HealthStatusValue | null, actorId: number): boolean {
  if (issue.healthStatus === status) return false;
  issue.healthStatus = status;
  issue.updatedAt = nowIso();
  addNote(state, {
    noteableType: 'Issue',
    noteableId: issue.id,
    authorId: actorId,
    system: true,
    body: status ? `changed health status to **${HEALTH_TEXT[status]}**` : 'removed the health status',
  });
  return true;
}

export const HEALTH_VALUES: HealthStatusValue[] = ['on_track', 'needs_attention', 'at_risk'];

export function closeIssue(issue: GlIssue, actorId: number): void {
  issue.state = 'closed';
  issue.closedAt = nowIso();
  issue.closedById = actorId;
  issue.updatedAt = issue.closedAt;
}

export function reopenIssue(issue: GlIssue): void {
  issue.state = 'opened';
  issue.closedAt = null;
  issue.closedById = null;
  issue.updatedAt = nowIso();
}
