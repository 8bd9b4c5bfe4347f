// Changes to issues as GitHub records them: each change bumps updated_at and leaves a timeline event.
import { findLabel, isoNow, newId, type GhEvent, type GhEventData, type GhIssue, type GhLabel, type GhRepo, type GithubState } from './model';

export function recordEvent(state: GithubState, repo: GhRepo, issue: GhIssue, actorId: number, data: GhEventData): void {
  repo.events.push({ id: newId(state), issueNumber: issue.number, actorId, createdAt: isoNow(), ...data } as GhEvent);
}

export function touch(issue: GhIssue): void {
  issue.updatedAt = isoNow();
}

/** The repository's label of that name; adding an unknown label to an issue creates it, as GitHub does. */
export function ensureLabel(state: GithubState, repo: GhRepo, name: string): GhLabel {
  const existing = findLabel(repo, name);
  if (existing) return existing;
  const label: GhLabel = { id: newId(state), name, color: 'ededed', description: null, default: false };
  repo.labels.push(label);
  return label;
}

export function hasLabel(issue: GhIssue, name: string): boolean {
  return issue.labels.some((l) => l.toLowerCase() === name.toLowerCase());
}

export function addLabels(state: GithubState, repo: GhRepo, issue: GhIssue, names: string[], actorId: number): void {
  for (const name of names) {
    const label = ensureLabel(state, repo, name);
    if (hasLabel(issue, label.name)) continue;
    issue.labels.push(label.name);
    recordEvent(state, repo, issue, actorId, { event: 'labeled', label: { name: label.name, color: label.color } });
    touch(issue);
  }
}

/** Removes one label; false when the issue does not carry it. */
export function removeLabel(state: GithubState, repo: GhRepo, issue: GhIssue, name: string, actorId: number): boolean {
  const at = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
  if (at < 0) return false;
  const [removed] = issue.labels.splice(at, 1);
  const color = findLabel(repo, removed!)?.color ?? 'ededed';
  recordEvent(state, repo, issue, actorId, { event: 'unlabeled', label: { name: removed!, color } });
  touch(issue);
  return true;
}

export function setLabels(state: GithubState, repo: GhRepo, issue: GhIssue, names: string[], actorId: number): void {
  for (const current of [...issue.labels]) {
    if (!names.some((n) => n.toLowerCase() === current.toLowerCase())) removeLabel(state, repo, issue, current, actorId);
  }
  addLabels(state, repo, issue, names, actorId);
}

/** Label names from `["a", "b"]`, `{labels: ["a"]}` or `{labels: [{name: "a"}]}`; null when malformed. */
export function labelNames(body: unknown): string[] | null {
  const list = Array.isArray(body) ? body : typeof body === 'object' && body !== null ? (body as { labels?: unknown }).labels : undefined;
  if (!Array.isArray(list)) return null;
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string' && item.trim() !== '') names.push(item.trim());
    else if (typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string') {
      names.push((item as { name: string }).name.trim());
    } else return null;
  }
  return names;
}
