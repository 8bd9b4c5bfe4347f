// The background's part of weight validation on list pages and of capacity: bulk reads through the forge adapter,
// the tier's capabilities per project (known from the same answer), and the handbook's sums.
import { ForgeError } from '../forge/errors';
import type { Forge } from '../forge/forge';
import type { Capabilities, IssueRef } from '../forge/model';
import { sumCapacity } from '../handbook/plan/capacity';
import type { Settings } from '../handbook/settings';
import type { CapacityReport, IssueView, Request } from '../messaging';

const refKey = (r: Pick<IssueRef, 'path' | 'iid'>) => `${r.path.toLowerCase()}#${r.iid}`;

/** Capabilities per project, asked once each (the adapters learn them from the list answer itself). */
async function withCapabilities(forge: Forge, issues: IssueView['issue'][]): Promise<IssueView[]> {
  const byProject = new Map<string, Promise<Capabilities>>();
  return Promise.all(
    issues.map(async (issue) => {
      const key = `${issue.ref.container}:${issue.ref.path.toLowerCase()}`;
      if (!byProject.has(key)) byProject.set(key, forge.getCapabilities(issue.ref));
      return { issue, capabilities: await byProject.get(key)! };
    }),
  );
}

export async function listIssuesByNumber(forge: Forge, refs: IssueRef[]): Promise<{ issues: IssueView[]; missing: IssueRef[] }> {
  const [first] = refs;
  if (first && refs.some((r) => r.forge !== first.forge || r.baseUrl !== first.baseUrl)) {
    throw new ForgeError('invalid', 'One list request reads issues of one connection only.');
  }
  const issues = await forge.listIssuesByNumber(refs);
  const found = new Set(issues.map((i) => refKey(i.ref)));
  return { issues: await withCapabilities(forge, issues), missing: refs.filter((r) => !found.has(refKey(r))) };
}

type CapacityQuery = Omit<Request<'capacity'>, 'baseUrl'> & { baseUrl: string };

/** The token's user first (when asked), then the team list, each person once, 20 at most. */
export async function capacityReport(forge: Forge, q: CapacityQuery, settings: Readonly<Settings>): Promise<CapacityReport> {
  const me = q.includeMe ? (await forge.currentUser()).username : null;
  const usernames: string[] = [];
  for (const name of [...(me ? [me] : []), ...q.usernames]) {
    if (!usernames.some((u) => u.toLowerCase() === name.toLowerCase())) usernames.push(name);
  }
  const work = await forge.listAssignedIssues({ container: q.container, usernames: usernames.slice(0, 20), milestone: q.milestone });
  const people = await Promise.all(
    work.people.map(async (p) => {
      const sum = sumCapacity(await withCapabilities(forge, p.issues), settings);
      return {
        username: p.username,
        me: me !== null && p.username.toLowerCase() === me.toLowerCase(),
        total: sum.total,
        count: sum.count,
        unweighted: sum.unweighted.map((i) => ({ ref: i.ref, title: i.title, webUrl: i.webUrl })),
        truncated: p.truncated,
        error: p.error,
      };
    }),
  );
  return { milestones: work.milestones, people };
}
