// Bulk reads for list pages and capacity, as pure pieces the adapter puts together: which requests to send and how to
// tell which project a listed issue belongs to.
import type { AssignedQuery } from '../forge';
import type { IssueRef } from '../model';
import type { RawIssue } from './map';

/** GitLab caps `per_page` at 100; one page of `iids[]` answers up to 100 issues. */
export const MAX_PER_REQUEST = 100;

/** Refs grouped per project, in first-seen order, at most 100 per group (a project with more gets several groups). */
export function batchesByProject(refs: readonly IssueRef[]): { path: string; refs: IssueRef[] }[] {
  const byPath = new Map<string, IssueRef[]>();
  for (const ref of refs) {
    const key = ref.path.toLowerCase();
    const list = byPath.get(key) ?? [];
    if (!list.some((r) => r.iid === ref.iid)) list.push(ref);
    byPath.set(key, list);
  }
  const out: { path: string; refs: IssueRef[] }[] = [];
  for (const list of byPath.values()) {
    for (let i = 0; i < list.length; i += MAX_PER_REQUEST) out.push({ path: list[0]!.path, refs: list.slice(i, i + MAX_PER_REQUEST) });
  }
  return out;
}

/** `group/project` of a listed issue: its full reference, else its web URL below the base. */
export function projectPathOf(raw: Pick<RawIssue, 'web_url' | 'iid'> & { references?: { full?: string } }, baseUrl: string): string | null {
  const full = raw.references?.full;
  const m = full ? /^(.+)#\d+$/.exec(full) : null;
  if (m) return m[1]!;
  const base = baseUrl.replace(/\/+$/, '');
  if (!raw.web_url.startsWith(`${base}/`)) return null;
  const rest = raw.web_url.slice(base.length + 1);
  return /^(.+?)\/-\/(?:issues|work_items)\/\d+/.exec(rest)?.[1] ?? /^(.+?)\/issues\/\d+/.exec(rest)?.[1] ?? null;
}

/**
 * GET /issues (or below a project / group) for one assignee in a milestone, every state (done work still used the
 * budget). `milestone_id=Started` is GitLab's "open milestones that have started" (REST logic, GitLab 14.4+).
 */
export function assignedOptions(query: AssignedQuery, username: string) {
  const where =
    query.container === null ? {} : query.container.kind === 'project' ? { projectId: query.container.path } : { groupId: query.container.path };
  const milestone = query.milestone === null ? { milestoneId: 'Started' } : { milestone: query.milestone };
  return {
    ...where,
    ...milestone,
    scope: 'all',
    assigneeUsername: [username],
    state: 'all',
    perPage: MAX_PER_REQUEST,
    maxPages: 1,
    showExpanded: true as const,
  };
}
