import { describe, expect, it, vi } from 'vitest';
import type { AssignedQuery, Forge } from '../forge/forge';
import type { Issue, IssueRef } from '../forge/model';
import { DEFAULT_SETTINGS } from '../handbook/settings';
import { capacityReport, listIssuesByNumber } from './lists';

const ref = (iid: number, path = 'g/p', baseUrl = 'https://gitlab.com'): IssueRef => ({ forge: 'gitlab', baseUrl, container: 'project', path, iid, kind: 'issue' });
const issue = (r: IssueRef, over: Partial<Issue> = {}): Issue => ({
  ref: r,
  title: `Issue ${r.iid}`,
  description: '',
  state: 'opened',
  labels: [],
  weight: null,
  healthStatus: null,
  milestone: { id: 1, title: '18.11' },
  assignees: [],
  type: 'issue',
  webUrl: `https://gitlab.com/${r.path}/-/issues/${r.iid}`,
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

function fakeForge(over: Partial<Forge>): Forge {
  return { getCapabilities: vi.fn(async () => ({ weight: true, healthStatus: false, scopedLabels: true, epics: true })), ...over } as unknown as Forge;
}

describe('listIssuesByNumber (background)', () => {
  it('answers views with the tier’s capabilities, asked once per project, and names the missing refs', async () => {
    const forge = fakeForge({ listIssuesByNumber: vi.fn(async () => [issue(ref(1), { weight: 2 }), issue(ref(2)), issue(ref(3, 'g/q'))]) });
    const out = await listIssuesByNumber(forge, [ref(1), ref(2), ref(9), ref(3, 'g/q')]);
    expect(out.issues.map((v) => [v.issue.ref.iid, v.capabilities.weight])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(out.missing).toEqual([ref(9)]);
    expect(forge.getCapabilities).toHaveBeenCalledTimes(2);
  });

  it('refuses refs of two connections in one request', async () => {
    const forge = fakeForge({ listIssuesByNumber: vi.fn() });
    await expect(listIssuesByNumber(forge, [ref(1), ref(2, 'g/p', 'https://other.example')])).rejects.toMatchObject({ kind: 'invalid' });
    expect(forge.listIssuesByNumber).not.toHaveBeenCalled();
  });
});

describe('capacityReport', () => {
  it('puts you first, asks for each person once, and sums each person’s weights', async () => {
    const listAssignedIssues = vi.fn(async (q: AssignedQuery) => ({
      milestones: ['18.11'],
      people: q.usernames.map((username) => ({
        username,
        issues: username === 'alice' ? [issue(ref(1), { weight: 3 }), issue(ref(2)), issue(ref(3), { labels: ['backend-weight::1', 'frontend-weight::2'] })] : [],
        truncated: false,
        error: null,
      })),
    }));
    const forge = fakeForge({ currentUser: vi.fn(async () => ({ id: 1, username: 'alice', name: 'Alice', avatarUrl: null, webUrl: null })), listAssignedIssues });
    const report = await capacityReport(
      forge,
      { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: null, usernames: ['ALICE', 'erin'], includeMe: true, milestone: null },
      DEFAULT_SETTINGS,
    );
    expect(listAssignedIssues).toHaveBeenCalledWith({ container: null, usernames: ['alice', 'erin'], milestone: null });
    expect(report.people.map((p) => [p.username, p.me, p.total, p.count, p.unweighted.map((u) => u.ref.iid)])).toEqual([
      ['alice', true, 6, 3, [2]],
      ['erin', false, 0, 0, []],
    ]);
  });
});
