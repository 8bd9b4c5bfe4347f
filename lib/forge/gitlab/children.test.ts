// A GitLab epic's children through the adapter, against the sandbox: the work-item hierarchy across projects in one
// GraphQL request per page, and the lighter query where GitLab finds the first too complex.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../test/sandbox/server';
import { childrenRead } from '../children-model';
import type { IssueRef } from '../model';
import { childrenQuery, refOfReference } from './children';
import { GitlabForge } from './gitlab-forge';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const forge = (token = 'sandbox-gitlab-token') => new GitlabForge({ baseUrl: sb.gitlab.url, token });
const epic = (iid = 2): IssueRef => ({ forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'group', path: 'acme/platform', iid, kind: 'epic' });
const graphql = () => sb.requests.filter((r) => r.path === '/api/graphql');

describe('listChildren on GitLab', () => {
  it("an epic's children in two projects, with weights, health, labels and newest comments, in one request", async () => {
    const read = await forge().listChildren(epic());
    expect(childrenRead.parse(read)).toEqual(read);
    expect(read.source).toBe('hierarchy');
    expect(read.requests).toBe(1);
    expect(sb.requests).toHaveLength(1);
    expect(graphql()).toHaveLength(1);
    expect(read.children.map((c) => c.reference)).toEqual([
      'acme/platform/backend#3',
      'acme/platform/backend#4',
      'acme/platform/backend#5',
      'acme/platform/frontend#3',
      'acme/platform/frontend#4',
      'acme/platform/frontend#5',
    ]);
    const [b3, , b5, f3] = read.children;
    expect(b3!.ref).toEqual({ forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'project', path: 'acme/platform/backend', iid: 3, kind: 'issue' });
    expect(b3!.healthStatus).toBe('on_track'); // Ultimate
    expect(f3!.healthStatus).toBeNull(); // Premium: no health status widget
    expect(b5!.weight).toBe(5);
    expect(b3!.labels).toContain('backend-weight::2');
    expect(b3!.comments.map((c) => c.body.split('\n')[0])).toEqual(['Complete: 20%', 'Issue status: 40% complete, 80% confident']);
    expect(read.parent).toEqual({ weight: null, rolledUpWeight: 10, rolledUpCompletedWeight: 0 });
    expect(read).toMatchObject({ leftOut: 0, unreadable: { count: 0, names: [], counted: true } });
  });

  it('children in a project the token cannot read are not listed, but counted from GitLab\'s descendant counts', async () => {
    sb.gitlab.state.projects.find((p) => p.fullPath === 'acme/platform/frontend')!.members = { 3: 40 };
    const read = await forge().listChildren(epic());
    expect(read.children.map((c) => c.reference)).toEqual(['acme/platform/backend#3', 'acme/platform/backend#4', 'acme/platform/backend#5']);
    expect(read.unreadable).toEqual({ count: 3, names: [], counted: true });
    expect(read.leftOut).toBe(0);
    expect(read.requests).toBe(1);
  });

  it('a GitLab before 17.3 (no rolledUpCountsByType) is asked again without the counts, once per adapter', async () => {
    sb.gitlab.state.features.descendantCounts = false;
    sb.gitlab.state.projects.find((p) => p.fullPath === 'acme/platform/frontend')!.members = { 3: 40 };
    const f = forge();
    const first = await f.listChildren(epic());
    expect(first.requests).toBe(2);
    expect(first.children).toHaveLength(3);
    expect(first.unreadable).toEqual({ count: 0, names: [], counted: false });
    const again = await f.listChildren(epic());
    expect(again.requests).toBe(1);
    expect(graphql()).toHaveLength(3);
  });

  it("children's split weights come from the Backend / Frontend weight custom fields of their group", async () => {
    const st = sb.gitlab.state;
    const acme = st.groups.find((g) => g.fullPath === 'acme')!;
    st.customFields.push({ id: 51, groupId: acme.id, name: 'Backend weight', fieldType: 'number', active: true }, { id: 52, groupId: acme.id, name: 'Frontend weight', fieldType: 'number', active: true });
    const b5 = st.issues.find((i) => i.projectId === st.projects.find((p) => p.fullPath === 'acme/platform/backend')!.id && i.iid === 5)!;
    st.customFieldValues.push({ issueId: b5.id, fieldId: 51, value: 4 });
    const read = await forge().listChildren(epic());
    const byRef = new Map(read.children.map((c) => [c.reference, c]));
    expect(byRef.get('acme/platform/backend#5')!.splitWeights).toEqual({ backend: 4, frontend: null });
    // The group has the fields, unset on #3: its split weights are read from its labels, as the roll-up does.
    expect(byRef.get('acme/platform/backend#3')!.splitWeights).toEqual({ backend: null, frontend: null });
    expect(read.requests).toBe(1);
  });

  it('a GitLab without custom fields is asked again without them; labels are read then', async () => {
    sb.gitlab.state.features.customFields = false;
    const read = await forge().listChildren(epic());
    expect(read.requests).toBe(2);
    expect(read.children).toHaveLength(6);
    expect(read.children.every((c) => c.splitWeights === undefined)).toBe(true);
  });

  it('hidden grandchildren: what a readable child counts beyond its readable children, and hidden whole subtrees', async () => {
    const counts = (all: number) => ({ rolledUpCountsByType: [{ countsByState: { all } }] });
    const node = (reference: string, widgets: object[]) => ({ iid: '1', title: reference, state: 'OPEN', closedAt: null, webUrl: `https://x/${reference}`, reference, workItemType: { name: 'Issue' }, widgets });
    const answer = (parentAll: number) => ({
      data: {
        namespace: {
          workItem: {
            id: 'gid://gitlab/WorkItem/1',
            widgets: [
              { weight: null, rolledUpWeight: null, rolledUpCompletedWeight: null },
              {
                ...counts(parentAll),
                children: {
                  count: 2,
                  pageInfo: { hasNextPage: false, endCursor: null },
                  nodes: [
                    // 3 below A, 1 of them readable (with nothing under it): 2 hidden.
                    node('acme/a#1', [counts(3), { children: { count: 1, nodes: [node('acme/a#2', [counts(0)])] } }]),
                    // 4 below B, 1 readable with 1 under it (deeper than read): 2 hidden, 1 left out.
                    node('acme/b#1', [counts(4), { children: { count: 1, nodes: [node('acme/b#2', [counts(1)])] } }]),
                  ],
                },
              },
            ],
          },
        },
      },
    });
    // The parent counts 9 = (1 + 3) + (1 + 4): no subtree hidden whole.
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, body: answer(9), times: 1 });
    let read = await forge().listChildren(epic());
    expect(read.children.map((c) => c.reference)).toEqual(['acme/a#1', 'acme/a#2', 'acme/b#1', 'acme/b#2']);
    expect(read.unreadable).toEqual({ count: 4, names: [], counted: true });
    expect(read.leftOut).toBe(1);
    // The parent counts 12: 3 more under children the token cannot see.
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, body: answer(12), times: 1 });
    read = await forge().listChildren(epic());
    expect(read.unreadable.count).toBe(7);
    // Hostile counts never go below zero nor past the bound.
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, body: answer(-5), times: 1 });
    read = await forge().listChildren(epic());
    expect(childrenRead.parse(read)).toEqual(read);
    expect(read.unreadable.count).toBe(4);
  });

  it('pages of 100: 250 children cost 3 requests, the others are counted as left out', async () => {
    const e2 = sb.gitlab.state.epics.find((e) => e.iid === 2)!;
    const model = sb.gitlab.state.issues.find((i) => i.epicId === e2.id)!;
    for (let k = 0; k < 300; k++) sb.gitlab.state.issues.push({ ...model, id: 90_000 + k, iid: 1000 + k });
    const read = await forge().listChildren(epic());
    expect(read.requests).toBe(3);
    expect(read.children).toHaveLength(300);
    expect(read.leftOut).toBe(6);
  });

  it('a GitLab that finds the query too complex is asked the lighter one once', async () => {
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, body: { errors: [{ message: 'Query has complexity of 612, which exceeds max complexity of 300' }] }, times: 1 });
    const read = await forge().listChildren(epic());
    expect(read.requests).toBe(2);
    expect(read.children).toHaveLength(6);
    const bodies = graphql().map((r) => String((r.body as { query?: string } | undefined)?.query ?? ''));
    expect(bodies.length).toBe(2);
  });

  it('levels 3 and 4 in one more request, for the items whose children the first did not ask', async () => {
    const counts = (all: number) => ({ rolledUpCountsByType: [{ countsByState: { all } }] });
    const node = (reference: string, weight: number | null, widgets: object[]) => ({ iid: '1', title: reference, state: 'OPEN', closedAt: null, webUrl: `${sb.gitlab.url}/${reference.replace('#', '/-/issues/')}`, reference, workItemType: { name: 'Issue' }, widgets: [{ weight }, ...widgets] });
    const gql = (data: object) => ({ forge: 'gitlab' as const, method: 'POST', path: /\/api\/graphql$/, status: 200, body: { data }, times: 1 });
    // acme&2 > acme/a#1 > acme/a#2, which has 4 below it: 2 children (one with 1 child of its own) and 1 hidden.
    sb.faults.add(gql({
      namespace: { workItem: { id: 'x', widgets: [{ weight: null }, { ...counts(6), children: { count: 1, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [
        node('acme/a#1', null, [counts(5), { children: { count: 1, nodes: [node('acme/a#2', null, [counts(4)])] } }]),
      ] } }] } },
    }));
    sb.faults.add(gql({
      workItemsByReference: { nodes: [{ reference: 'ACME/a#2', widgets: [{ children: { count: 2, nodes: [
        node('acme/a#3', 2, [counts(1), { children: { count: 1, nodes: [node('acme/a#5', 3, [counts(0)])] } }]),
        node('acme/a#4', 1, [counts(0), { children: { count: 0, nodes: [] } }]),
      ] } }] }] },
    }));
    const read = await forge().listChildren(epic());
    expect(childrenRead.parse(read)).toEqual(read);
    expect(read.requests).toBe(2);
    expect(read.children.map((c) => [c.reference, c.depth, c.under])).toEqual([
      ['acme/a#1', 1, null],
      ['acme/a#2', 2, 'acme/a#1'],
      ['acme/a#3', 3, 'acme/a#2'],
      ['acme/a#5', 4, 'acme/a#3'],
      ['acme/a#4', 3, 'acme/a#2'],
    ]);
    expect(read.unreadable.count).toBe(1);
    expect(read.leftOut).toBe(0);
    const deeper = graphql()[1]!.body as { query: string; variables: Record<string, unknown> };
    expect(deeper.query).toContain('query RefineryWorkItemDescendants($path: ID!, $refs: [String!]!)');
    expect(deeper.variables).toEqual({ path: 'acme/platform', refs: [`${sb.gitlab.url}/acme/a/-/issues/2`] });
  });

  it('a refused deeper request leaves what is below counted as not read', async () => {
    const counts = (all: number) => ({ rolledUpCountsByType: [{ countsByState: { all } }] });
    const node = (reference: string, widgets: object[]) => ({ iid: '1', title: reference, state: 'OPEN', closedAt: null, webUrl: `${sb.gitlab.url}/${reference.replace('#', '/-/issues/')}`, reference, workItemType: { name: 'Issue' }, widgets });
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, times: 1, body: { data: { namespace: { workItem: { id: 'x', widgets: [{ ...counts(6), children: { count: 1, pageInfo: { hasNextPage: false }, nodes: [node('acme/a#1', [counts(5), { children: { count: 1, nodes: [node('acme/a#2', [counts(4)])] } }])] } }] } } } } });
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, times: 1, body: { errors: [{ message: 'Query has complexity of 900, which exceeds max complexity of 250' }] } });
    const read = await forge().listChildren(epic());
    expect(read.requests).toBe(2);
    expect(read.children).toHaveLength(2);
    expect(read.leftOut).toBe(4);
    expect(read.unreadable.count).toBe(0);
  });

  it("an issue's tasks (a work item with children), and from the epic two levels: the tasks under its issues", async () => {
    const st = sb.gitlab.state;
    const backend = st.projects.find((p) => p.fullPath === 'acme/platform/backend')!;
    const b3 = st.issues.find((i) => i.projectId === backend.id && i.iid === 3)!;
    const task = (id: number, iid: number, projectId: number) => ({ ...b3, id, iid, projectId, issueType: 'task' as const, epicId: null, parentIssueId: b3.id, labels: ['weight::1'] });
    const hiddenProject = st.projects.find((p) => p.fullPath === 'acme/platform/frontend')!;
    st.issues.push(task(70_001, 901, backend.id), task(70_002, 902, backend.id), task(70_003, 903, hiddenProject.id));
    hiddenProject.members = { 3: 40 };
    const issueRef: IssueRef = { forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'project', path: 'acme/platform/backend', iid: 3, kind: 'issue' };
    const own = await forge().listChildren(issueRef);
    expect(own.children.map((c) => [c.reference, c.type])).toEqual([
      ['acme/platform/backend#901', 'task'],
      ['acme/platform/backend#902', 'task'],
    ]);
    expect(own.unreadable).toEqual({ count: 1, names: [], counted: true });
    const fromEpic = await forge().listChildren(epic());
    expect(fromEpic.children.filter((c) => c.depth === 2).map((c) => [c.reference, c.under])).toEqual([
      ['acme/platform/backend#901', 'acme/platform/backend#3'],
      ['acme/platform/backend#902', 'acme/platform/backend#3'],
    ]);
    // The frontend children and the task in it are hidden: 3 issues and 1 task.
    expect(fromEpic.unreadable.count).toBe(4);
    expect(fromEpic.requests).toBe(1);
    // A third level (the sandbox's hierarchy is generic: it stands for epic > child epic > issue > task) is read in
    // the one deeper request.
    st.issues.push({ ...task(70_004, 904, backend.id), parentIssueId: 70_001 });
    const deeper = await forge().listChildren(epic());
    expect(deeper.requests).toBe(2);
    expect(deeper.children.filter((c) => c.depth === 3).map((c) => [c.reference, c.under])).toEqual([['acme/platform/backend#904', 'acme/platform/backend#901']]);
    expect(deeper.unreadable.count).toBe(4);
    expect(deeper.leftOut).toBe(0);
  });

  it('a hostile answer (500 levels deep, 3,000 wide) is read within the bounds, quickly', async () => {
    const node = (k: number, inner: object | null): object => ({ reference: `acme/a#${k}`, state: 'OPEN', widgets: [{ rolledUpCountsByType: [{ countsByState: { all: 1e9 } }] }, ...(inner ? [{ children: inner }] : [])] });
    let deep: object | null = null;
    for (let k = 500; k > 0; k--) deep = { count: 1, nodes: [node(k, deep)] };
    const wide = Array.from({ length: 3000 }, (_, k) => node(5000 + k, null));
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, times: 2, body: { data: { namespace: { workItem: { widgets: [{ children: { count: 99_999_999, pageInfo: { hasNextPage: false }, nodes: [...(deep as { nodes: object[] }).nodes, ...wide] } }] } } } } });
    const started = performance.now();
    const read = await forge().listChildren(epic());
    expect(performance.now() - started).toBeLessThan(2000);
    expect(childrenRead.parse(read)).toEqual(read);
    expect(read.children.length).toBeLessThanOrEqual(300);
    expect(Math.max(...read.children.map((c) => c.depth))).toBeLessThanOrEqual(5);
  });

  it('children past MAX_CHILDREN are counted as left out once', async () => {
    const node = (k: number, inner: object[] = []) => ({ reference: `acme/a#${k}`, state: 'OPEN', webUrl: '', widgets: [{ rolledUpCountsByType: [{ countsByState: { all: inner.length } }] }, { children: { count: inner.length, nodes: inner } }] });
    // 100 children with 3 each: 400 items; the first 75 fill the 300, the other 25 are left out with what is below them.
    const top = Array.from({ length: 100 }, (_, k) => node(k + 1, [1, 2, 3].map((j) => node(1000 + k * 10 + j))));
    sb.faults.add({ forge: 'gitlab', method: 'POST', path: /\/api\/graphql$/, status: 200, times: 1, body: { data: { namespace: { workItem: { widgets: [{ rolledUpCountsByType: [{ countsByState: { all: 400 } }], children: { count: 100, pageInfo: { hasNextPage: false }, nodes: top } }] } } } } });
    const read = await forge().listChildren(epic());
    expect(read.children).toHaveLength(300);
    expect(read.leftOut).toBe(100);
    expect(read.unreadable.count).toBe(0);
  });

  it('references become refs; anything else is refused', () => {
    expect(refOfReference('https://g', 'a/b&4')).toMatchObject({ container: 'group', path: 'a/b', iid: 4, kind: 'epic' });
    expect(refOfReference('https://g', 'a/b/c#12')).toMatchObject({ container: 'project', path: 'a/b/c', kind: 'issue' });
    for (const bad of ['a#1', 'a/../b#1', 'a/b#0', '#1', 'a/b#x', 'a//b#1']) expect(refOfReference('https://g', bad)).toBeNull();
    expect(childrenQuery(false, 50)).toContain('children(first: 50, after: $after)');
    expect(childrenQuery(false, 50)).not.toContain('children(first: 20)');
  });
});
