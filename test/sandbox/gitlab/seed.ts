// The fixed seed (identifiers in helpers/SANDBOX.md) plus realistic content around it.
import {
  ACCESS,
  type GitlabState,
  type GlIssue,
  type GlLabel,
  type GlNote,
  type GlProject,
  type GlStatus,
  type HealthStatusValue,
  type Tier,
} from './state';
import * as text from './seed-text';

const BASE = Date.parse('2026-02-02T09:00:00Z');
/** A seeded timestamp: day offset (and hour) from the seed's base date. */
const at = (day: number, hour = 0): string => new Date(BASE + day * 86_400_000 + hour * 3_600_000).toISOString();
const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);

const HANDBOOK_LABELS: [string, string, string][] = [
  ['workflow::problem validation', '#e9be74', 'Validating the problem with users before designing a solution'],
  ['workflow::design', '#e9be74', 'UX designs are being created'],
  ['workflow::solution validation', '#e9be74', 'Validating the proposed solution with users'],
  ['workflow::planning breakdown', '#1f75cb', 'Breaking the solution down into issues that fit a milestone'],
  ['workflow::refinement', '#1f75cb', 'Engineers refine scope, weight and implementation plan'],
  ['workflow::ready for development', '#1f75cb', 'Refined and weighted; can be scheduled'],
  ['workflow::in dev', '#1f75cb', 'Being implemented'],
  ['workflow::in review', '#1f75cb', 'Merge request in code review'],
  ['workflow::verification', '#1f75cb', 'Merged; verifying on staging or production'],
  ['workflow::staging', '#1f75cb', 'Deployed to staging'],
  ['workflow::complete', '#108548', 'Verified in production'],
  ['type::feature', '#1068bf', 'New functionality or an improvement of existing functionality'],
  ['type::bug', '#dd2b0e', 'Something does not work as documented'],
  ['type::maintenance', '#8fbc8f', 'Upkeep: refactoring, dependency updates, tooling'],
  ['severity::1', '#cc0000', 'Blocker: unusable feature, no workaround'],
  ['severity::2', '#ff0000', 'Critical: severely impacted, no reasonable workaround'],
  ['severity::3', '#ff7f00', 'Major: impacted, workaround available'],
  ['severity::4', '#ffd700', 'Low: minor inconvenience'],
  ['priority::1', '#cc0000', 'Fix within the current milestone'],
  ['priority::2', '#ff0000', 'Fix within the next milestone'],
  ['priority::3', '#ff7f00', 'Fix within the next 3 releases'],
  ['priority::4', '#ffd700', 'Fix when capacity allows'],
  ['backend', '#d9d9d9', 'Rails, Sidekiq, Gitaly client work'],
  ['frontend', '#6699cc', 'Vue / JavaScript / CSS work'],
  ['database', '#d9534f', 'Migrations, queries, indexes'],
  ['documentation', '#f0ad4e', 'Changes to the documentation'],
  ['UX', '#ad4363', 'Needs design input'],
  ['API', '#428bca', 'REST or GraphQL API changes'],
  ['spike', '#9400d3', 'Timeboxed investigation'],
  ['security', '#d9534f', 'Security vulnerability or hardening'],
];
const SPLIT_WEIGHTS = [1, 2, 3, 5];
const FREE_ONLY_LABELS: [string, string, string][] = [
  ...SPLIT_WEIGHTS.map((n): [string, string, string] => [`weight::${n}`, '#7f8c8d', `Weight ${n} (label fallback for tiers without the weight field)`]),
  ['health::on track', '#108548', 'Health status: on track'],
  ['health::needs attention', '#c17d10', 'Health status: needs attention'],
  ['health::at risk', '#dd2b0e', 'Health status: at risk'],
];
const GROUP_LABELS: [string, string, string][] = [
  ['Deliverable', '#428bca', 'Committed for the current milestone'],
  ['devops::create', '#e44d2a', 'Create stage'],
  ['group::source code', '#a8d695', 'Owned by the Source Code group'],
];

interface IssueSpec {
  title: string;
  type?: GlIssue['issueType'];
  labels: string[];
  /** Native weight on Premium+; a `weight::N` label on Free. */
  weight?: number;
  health?: HealthStatusValue;
  state?: 'opened' | 'closed';
  author: number;
  assignees: number[];
  epicIid?: number;
}

const ISSUE_SPECS: Record<number, IssueSpec> = {
  1: { title: 'Add rate limiting to the repository mirroring API', labels: ['workflow::refinement', 'type::feature', 'backend'], author: 4, assignees: [1], epicIid: 1 },
  2: { title: 'Merge request diff fails to load for binary files', labels: ['type::bug', 'severity::2', 'workflow::ready for development'], weight: 3, author: 5, assignees: [1] },
  3: {
    title: 'Paginate the repository tree API for large directories',
    labels: ['type::feature', 'backend-weight::2', 'frontend-weight::3', 'workflow::in dev', 'backend', 'frontend'],
    health: 'on_track',
    author: 4,
    assignees: [1, 5],
    epicIid: 2,
  },
  // In epic &2 too: the epic's child list has a "ready for development without weight" case in each project.
  4: { title: 'Record audit events for protected branch changes', labels: ['type::feature', 'workflow::ready for development', 'backend'], author: 3, assignees: [], epicIid: 2 },
  5: { title: 'Stream blame ranges from Gitaly for very large files', labels: ['type::feature', 'workflow::planning breakdown', 'backend'], weight: 5, author: 4, assignees: [], epicIid: 2 },
  6: { title: 'Spike: evaluate Gitaly streaming RPCs', labels: ['spike', 'workflow::in dev', 'backend'], weight: 3, author: 3, assignees: [1] },
  7: {
    title: 'Branch names with control characters bypass push rules',
    labels: ['security', 'type::bug', 'severity::1', 'priority::1', 'workflow::in review'],
    weight: 2,
    health: 'needs_attention',
    author: 2,
    assignees: [1],
  },
  8: { title: 'Cache commit signature verification for the commits list', labels: ['type::maintenance', 'workflow::in dev', 'workflow::in review', 'backend'], weight: 2, author: 3, assignees: [5] },
  9: { title: 'Document the repository size limit for self-managed instances', labels: ['documentation', 'workflow::complete'], weight: 1, state: 'closed', author: 4, assignees: [3] },
  10: { title: 'Explain which rule rejected a protected tag push', labels: ['type::feature', 'UX', 'workflow::design'], author: 4, assignees: [] },
  11: { title: 'Flaky spec: repositories API compare with straight=true', labels: ['type::maintenance', 'workflow::verification'], weight: 1, author: 3, assignees: [1] },
  12: { title: 'Filter the branches list by author', labels: ['type::feature', 'frontend', 'workflow::problem validation'], author: 4, assignees: [] },
};

function textColor(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const lum = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return lum > 0.6 ? '#1F1E24' : '#FFFFFF';
}
export { textColor };

export function createGitlabState(): GitlabState {
  const s: GitlabState = {
    version: '18.10.1-ee',
    statusSchema: { read: true, mutation: true, dropWrites: false },
    users: [
      { id: 1, username: 'alice', name: 'Alice Example', createdAt: at(-900), bio: 'Backend engineer, Source Code', state: 'active' },
      { id: 2, username: 'bob', name: 'Bob Builder', createdAt: at(-800), bio: 'Application security engineer', state: 'active' },
      { id: 3, username: 'carol', name: 'Carol Chen', createdAt: at(-1200), bio: 'Engineering manager, Source Code', state: 'active' },
      { id: 4, username: 'dave', name: 'Dave Diaz', createdAt: at(-1100), bio: 'Product manager, Source Code', state: 'active' },
      { id: 5, username: 'erin', name: 'Erin Evans', createdAt: at(-700), bio: 'Frontend engineer, Source Code', state: 'active' },
      // Members only through groups (inherited by the projects below them); heidi left and is blocked.
      { id: 6, username: 'frank', name: 'Frank Fischer', createdAt: at(-1300), bio: 'Staff engineer, Acme', state: 'active' },
      { id: 7, username: 'grace', name: 'Grace Green', createdAt: at(-500), bio: 'Product designer, Platform', state: 'active' },
      { id: 8, username: 'heidi', name: 'Heidi Hill', createdAt: at(-1000), bio: 'Former support engineer', state: 'blocked' },
    ],
    tokens: [],
    groups: [
      { id: 50, fullPath: 'acme', name: 'Acme', parentId: null, tier: 'premium', members: { 1: ACCESS.maintainer, 2: ACCESS.reporter, 6: ACCESS.developer, 8: ACCESS.developer } },
      { id: 51, fullPath: 'acme/platform', name: 'Platform', parentId: 50, tier: 'premium', members: { 3: ACCESS.maintainer, 4: ACCESS.reporter, 7: ACCESS.developer } },
      { id: 52, fullPath: 'acme/community', name: 'Community', parentId: 50, tier: 'free', members: {} },
    ],
    projects: [],
    labels: [],
    milestones: [],
    issues: [],
    notes: [],
    mergeRequests: [],
    epics: [],
    links: [],
    boards: [],
    customFields: [],
    customFieldValues: [],
    features: { customFields: true, epicWorkItems: true, descendantCounts: true },
    seq: { issue: 5000, note: 9000, label: 100, epic: 700, workItem: 20_000, link: 300 },
    rate: new Map(),
  };
  seedTokens(s);
  const members = { 1: ACCESS.maintainer, 2: ACCESS.reporter, 3: ACCESS.maintainer, 4: ACCESS.reporter, 5: ACCESS.developer };
  const projects: [number, string, string, Tier, number, string][] = [
    [1001, 'acme/platform/backend', 'Backend', 'ultimate', 51, 'Rails backend of the Acme platform: repositories, merge requests, API.'],
    [1002, 'acme/platform/frontend', 'Frontend', 'premium', 51, 'Vue frontend of the Acme platform.'],
    [1003, 'acme/community/website', 'Website', 'free', 52, 'The public website and community handbook.'],
  ];
  for (const [id, fullPath, name, tier, namespaceId, description] of projects) {
    s.projects.push({ id, fullPath, name, tier, namespaceId, description, createdAt: at(-600), members: { ...members } });
  }
  for (const [name, color, description] of GROUP_LABELS) addLabel(s, { groupId: 50, projectId: null, name, color, description });
  s.milestones.push(
    { id: 31, iid: 4, groupId: 51, title: '18.11', description: 'Release 18.11', state: 'active', startDate: '2026-03-14', dueDate: '2026-04-10', createdAt: at(-20) },
    { id: 32, iid: 5, groupId: 51, title: '19.0', description: 'Release 19.0', state: 'active', startDate: '2026-04-11', dueDate: '2026-05-15', createdAt: at(-19) },
  );
  seedEpics(s);
  for (const p of s.projects) seedProject(s, p);
  seedListIssues(s, s.projects[0]!);
  seedCrossProject(s);
  seedStatusGroup(s);
  seedCustomFields(s, members);
  return s;
}

/** GitLab's system-defined statuses (ids 1–5) and a custom lifecycle: triage, to do, in progress, done, canceled. */
const STATUSES: GlStatus[] = [
  { id: 11, name: 'Needs validation', category: 'triage', color: '#995715', iconName: 'status-neutral', systemDefined: false },
  { id: 12, name: 'Refinement', category: 'to_do', color: '#737278', iconName: 'status-waiting', systemDefined: false },
  { id: 1, name: 'To do', category: 'to_do', color: '#737278', iconName: 'status-waiting', systemDefined: true },
  { id: 2, name: 'In progress', category: 'in_progress', color: '#1f75cb', iconName: 'status-running', systemDefined: true },
  { id: 13, name: 'In review', category: 'in_progress', color: '#1f75cb', iconName: 'status-running', systemDefined: false },
  { id: 3, name: 'Done', category: 'done', color: '#108548', iconName: 'status-success', systemDefined: true },
  { id: 4, name: "Won't do", category: 'canceled', color: '#DD2B0E', iconName: 'status-cancelled', systemDefined: true },
  { id: 5, name: 'Duplicate', category: 'canceled', color: '#DD2B0E', iconName: 'status-cancelled', systemDefined: true },
];

/**
 * Top-level group `globex` (Premium) with Status configured, and project `globex/app` whose issues carry statuses
 * and no workflow:: label. Nobody is assigned and there is no milestone, so capacity and dashboards stay as before.
 */
function seedStatusGroup(s: GitlabState): void {
  s.groups.push({ id: 60, fullPath: 'globex', name: 'Globex', parentId: null, tier: 'premium', members: { 1: ACCESS.maintainer, 2: ACCESS.reporter }, statuses: STATUSES.map((x) => ({ ...x })) });
  const members = { 1: ACCESS.maintainer, 2: ACCESS.reporter, 3: ACCESS.maintainer, 4: ACCESS.reporter, 5: ACCESS.developer };
  const p: GlProject = { id: 1004, fullPath: 'globex/app', name: 'App', tier: 'premium', namespaceId: 60, description: 'The Globex app: planned with GitLab Status.', createdAt: at(-300), members };
  s.projects.push(p);
  for (const [name, color, description] of HANDBOOK_LABELS) addLabel(s, { projectId: p.id, groupId: null, name, color, description });
  const specs: [number, string, number | null, 'opened' | 'closed'][] = [
    [1, 'Export invoices as CSV', 12, 'opened'],
    [2, 'Retry failed webhook deliveries', 2, 'opened'],
    [3, 'Show the plan limits on the billing page', null, 'opened'],
    [4, 'Remove the legacy importer', 3, 'closed'],
  ];
  for (const [iid, title, statusId, state] of specs) {
    statusIssue(s, p, { iid, title, description: `${title}.\n\nPlanned with GitLab Status instead of workflow labels.`, state, labels: ['type::feature'], weight: iid === 2 ? 2 : null, statusId, createdAt: at(-20 + iid), updatedAt: at(-5 + iid) });
  }
  seedStatusBacklog(s, members);
}

/**
 * `globex/backlog`: 22 open issues still planned with workflow:: labels in a group that has Status, for "Move workflow
 * labels to Status". #1–#19 have no status and a label of a stage that maps to one (refinement, ready for development,
 * in dev, in review, complete, in turn); #20 already has the status its label maps to; #21's stage (design) maps to
 * none; #22's status (In progress) is further along than its label (refinement).
 */
function seedStatusBacklog(s: GitlabState, members: Record<number, number>): void {
  const p: GlProject = { id: 1005, fullPath: 'globex/backlog', name: 'Backlog', tier: 'premium', namespaceId: 60, description: 'Globex work still labelled the old way.', createdAt: at(-300), members: { ...members } };
  s.projects.push(p);
  for (const [name, color, description] of HANDBOOK_LABELS) addLabel(s, { projectId: p.id, groupId: null, name, color, description });
  const cycle = ['refinement', 'ready for development', 'in dev', 'in review', 'complete'];
  for (let iid = 1; iid <= 22; iid++) {
    const stage = iid === 20 ? 'in review' : iid === 21 ? 'design' : iid === 22 ? 'refinement' : cycle[(iid - 1) % cycle.length]!;
    const statusId = iid === 20 ? 13 : iid === 22 ? 2 : null;
    const labels = [`workflow::${stage}`, 'type::feature'];
    statusIssue(s, p, { iid, title: `Backlog item ${iid}`, description: `Backlog item ${iid}, planned with workflow labels.`, state: 'opened', labels, weight: null, statusId, createdAt: at(-60 + iid), updatedAt: at(-30 + iid) });
  }
}

/** An unassigned issue of a globex project, without milestone, epic or health status. */
function statusIssue(s: GitlabState, p: GlProject, i: Pick<GlIssue, 'iid' | 'title' | 'description' | 'state' | 'labels' | 'weight' | 'statusId' | 'createdAt' | 'updatedAt'>): void {
  const closed = i.state === 'closed';
  s.issues.push({
    ...i,
    id: s.seq.issue++,
    projectId: p.id,
    issueType: 'issue',
    authorId: 4,
    assigneeIds: [],
    milestoneId: null,
    healthStatus: null,
    epicId: null,
    confidential: false,
    dueDate: null,
    upvotes: 0,
    closedAt: closed ? at(-4) : null,
    closedById: closed ? 3 : null,
    promotedToEpicId: null,
  });
}

/**
 * Initech, a Premium top-level group whose split weights are custom fields ("Backend weight", "Frontend weight",
 * numbers) beside a single-select "Team"; its project initech/portal keeps the handbook's labels. Acme and Globex have no custom
 * fields, so its issues keep split labels.
 */
function seedCustomFields(s: GitlabState, members: Record<number, number>): void {
  s.groups.push({ id: 61, fullPath: 'initech', name: 'Initech', parentId: null, tier: 'premium', members: { 1: ACCESS.maintainer, 5: ACCESS.developer } });
  const portal: GlProject = { id: 1010, fullPath: 'initech/portal', name: 'Portal', tier: 'premium', namespaceId: 61, description: 'Customer portal.', createdAt: at(-300), members: { ...members } };
  s.projects.push(portal);
  const splitLabels = SPLIT_WEIGHTS.flatMap((n): [string, string, string][] => [
    [`backend-weight::${n}`, '#5843ad', `Backend share of the work: weight ${n}`],
    [`frontend-weight::${n}`, '#5843ad', `Frontend share of the work: weight ${n}`],
  ]);
  for (const [name, color, description] of [...HANDBOOK_LABELS, ...splitLabels]) addLabel(s, { projectId: portal.id, groupId: null, name, color, description });
  s.customFields.push(
    { id: 41, groupId: 61, name: 'Backend weight', fieldType: 'number', active: true },
    { id: 42, groupId: 61, name: 'Frontend weight', fieldType: 'number', active: true },
    { id: 43, groupId: 61, name: 'Team', fieldType: 'single_select', active: true },
  );
  const specs: [string, string[]][] = [
    ['Checkout times out for carts with 200+ items', ['workflow::refinement', 'type::bug', 'backend']],
    ['Keep saved carts across devices', ['workflow::ready for development', 'type::feature', 'backend', 'frontend']],
  ];
  specs.forEach(([title, labels], k) => {
    const iid = k + 1;
    s.issues.push({
      id: s.seq.issue++, projectId: portal.id, iid, title, description: `${title}.`, state: 'opened', issueType: 'issue', authorId: 4,
      assigneeIds: [], labels, milestoneId: null, weight: null, healthStatus: null, epicId: null, confidential: false, dueDate: null,
      upvotes: 0, createdAt: at(-20 + iid), updatedAt: at(-5 + iid), closedAt: null, closedById: null, promotedToEpicId: null,
    });
  });
  // #2 is split in the custom fields: backend 2, frontend 3 (no weight of its own).
  const two = s.issues.at(-1)!;
  s.customFieldValues.push({ issueId: two.id, fieldId: 41, value: 2 }, { issueId: two.id, fieldId: 42, value: 3 });
}

function seedTokens(s: GitlabState): void {
  const soon = new Date(Date.now() + 5 * 86_400_000);
  const later = new Date(Date.now() + 300 * 86_400_000);
  const past = new Date(Date.now() - 3 * 86_400_000);
  const t = (id: number, token: string, userId: number, scopes: string[], expiresAt: Date | null, extra: Partial<{ revoked: boolean; expired: boolean }> = {}) =>
    s.tokens.push({
      id,
      token,
      name: `refinery-${id}`,
      userId,
      scopes,
      createdAt: at(-30),
      expiresAt: expiresAt ? dateOnly(expiresAt) : null,
      revoked: extra.revoked ?? false,
      expired: extra.expired ?? false,
    });
  t(1, 'sandbox-gitlab-token', 1, ['api'], later);
  t(2, 'sandbox-gitlab-reporter', 2, ['api'], later);
  t(3, 'sandbox-gitlab-readonly-scope', 1, ['read_api'], later);
  t(4, 'sandbox-gitlab-expired', 1, ['api'], past, { expired: true });
  // Extra seed: a token that still works but expires in 5 days (testConnection warns about it).
  t(5, 'sandbox-gitlab-expiring', 1, ['api', 'read_user'], soon);
}

function addLabel(s: GitlabState, l: Omit<GlLabel, 'id' | 'priority'> & { priority?: number | null }): GlLabel {
  const label: GlLabel = { id: s.seq.label++, priority: null, ...l };
  s.labels.push(label);
  return label;
}
export { addLabel };

function seedEpics(s: GitlabState): void {
  const epics: [number, string, string, number][] = [
    [1, 'Repository mirroring reliability', 'Make pull and push mirrors predictable under load: rate limits, retries, clear errors.', 3],
    [2, 'Large monorepo performance', 'Repository browser, blame and tree APIs that stay fast for directories with 20 000+ entries.', 4],
    [3, 'Code review workflow improvements', 'Smaller papercuts in the merge request review flow.', 4],
  ];
  for (const [iid, title, description, author] of epics) {
    s.epics.push({
      id: s.seq.epic++,
      workItemId: s.seq.workItem++,
      groupId: 51,
      iid,
      title,
      description,
      state: 'opened',
      authorId: author,
      labels: ['devops::create', 'group::source code'],
      createdAt: at(-40 + iid),
      updatedAt: at(-2 + iid),
    });
  }
  const e2 = s.epics[1]!;
  s.notes.push(note(s, 'Epic', e2.id, 3, text.epicUpdate, at(20, 3)));
}

function note(s: GitlabState, type: GlNote['noteableType'], noteableId: number, authorId: number, body: string, when: string, system = false): GlNote {
  return { id: s.seq.note++, noteableType: type, noteableId, body, authorId, system, internal: false, createdAt: when, updatedAt: when };
}

function seedProject(s: GitlabState, p: GlProject): void {
  const free = p.tier === 'free';
  const labels = [...HANDBOOK_LABELS];
  for (const n of SPLIT_WEIGHTS) {
    labels.push([`backend-weight::${n}`, '#5843ad', `Backend share of the work: weight ${n}`]);
    labels.push([`frontend-weight::${n}`, '#5843ad', `Frontend share of the work: weight ${n}`]);
  }
  if (free) labels.push(...FREE_ONLY_LABELS);
  for (const [name, color, description] of labels) {
    addLabel(s, { projectId: p.id, groupId: null, name, color, description, priority: name.startsWith('priority::') ? Number(name.slice(-1)) : null });
  }
  const byIid = new Map<number, GlIssue>();
  for (let iid = 1; iid <= 12; iid++) {
    const spec = ISSUE_SPECS[iid]!;
    const labelsOf = [...spec.labels];
    if (free && spec.weight !== undefined) labelsOf.push(`weight::${spec.weight}`);
    const epic = spec.epicIid && p.namespaceId === 51 ? s.epics.find((e) => e.iid === spec.epicIid) : undefined;
    const created = at(iid - 30 + (p.id - 1001) * 0.1);
    const issue: GlIssue = {
      id: s.seq.issue++,
      projectId: p.id,
      iid,
      title: spec.title,
      description: text.descriptions[iid] ?? '',
      state: spec.state ?? 'opened',
      issueType: 'issue',
      authorId: spec.author,
      assigneeIds: spec.assignees,
      labels: labelsOf,
      milestoneId: p.namespaceId === 51 && iid <= 8 ? 31 : null,
      // Free keeps its weights as labels; the column stays empty there.
      weight: free ? null : (spec.weight ?? null),
      healthStatus: p.tier === 'ultimate' ? (spec.health ?? null) : null,
      epicId: epic?.id ?? null,
      confidential: iid === 7,
      dueDate: iid === 3 ? '2026-04-08' : null,
      upvotes: iid === 1 ? 4 : iid === 3 ? 7 : 0,
      createdAt: created,
      updatedAt: at(iid - 10),
      closedAt: spec.state === 'closed' ? at(iid - 12) : null,
      closedById: spec.state === 'closed' ? 3 : null,
      promotedToEpicId: null,
    };
    s.issues.push(issue);
    byIid.set(iid, issue);
  }
  const i = (iid: number) => byIid.get(iid)!;
  const workflowId = s.labels.find((l) => l.projectId === p.id && l.name === 'workflow::refinement')!.id;
  s.notes.push(
    // A label-change system note from the era before resource label events.
    note(s, 'Issue', i(1).id, 4, `added ~${workflowId} label`, at(-28, 1), true),
    note(s, 'Issue', i(1).id, 4, '@carol can we get this refined for 18.11? Mirroring load was the top item in the last Gitaly review.', at(-27, 2)),
    note(s, 'Issue', i(1).id, 1, text.issueRefinementChecklist, at(-26, 5)),
    note(s, 'Issue', i(2).id, 5, 'Reproduced on gitlab.com with a PNG in the MR. Logs attached in the description.', at(-27, 3)),
    note(s, 'Issue', i(2).id, 1, text.bugRefinementChecklist, at(-25, 4)),
    note(s, 'Issue', i(2).id, 1, text.implementationPlan, at(-25, 6)),
    note(s, 'Issue', i(2).id, 1, 'changed the description', at(-24, 1), true),
    note(s, 'Issue', i(3).id, 1, text.asyncUpdates[0]!, at(-6, 9)),
    note(s, 'Issue', i(3).id, 1, 'mentioned in merge request !11', at(-5, 2), true),
    note(s, 'Issue', i(3).id, 5, 'mentioned in merge request !12', at(-4, 2), true),
    note(s, 'Issue', i(3).id, 1, text.asyncUpdates[1]!, at(-3, 9)),
    note(s, 'Issue', i(6).id, 1, text.spikeFindings, at(-2, 7)),
    note(s, 'Issue', i(8).id, 3, 'Both workflow labels are left over from the label migration; this is in review now.', at(-2, 3)),
  );
  // Merge requests: !11 and !12 relate to #3 (!12 closes it), !10 closed #9.
  const mr = (iid: number, title: string, state: 'opened' | 'merged', author: number, branch: string, relates: number[], closes: number[], draft = false) =>
    s.mergeRequests.push({
      id: p.id * 100 + iid,
      projectId: p.id,
      iid,
      title: draft ? `Draft: ${title}` : title,
      description: closes.length ? `Closes ${closes.map((c) => `#${s.issues.find((x) => x.id === c)!.iid}`).join(', ')}` : '',
      state,
      authorId: author,
      assigneeIds: [author],
      sourceBranch: branch,
      targetBranch: 'master',
      labels: state === 'merged' ? ['workflow::complete'] : ['workflow::in review'],
      draft,
      createdAt: at(-5 + iid / 10),
      updatedAt: at(-1 + iid / 10),
      mergedAt: state === 'merged' ? at(-11) : null,
      relatesTo: relates,
      closes,
    });
  mr(10, 'Document repository size limit for self-managed', 'merged', 3, 'docs-repo-size-limit-self-managed', [i(9).id], [i(9).id]);
  mr(11, 'Add keyset pagination to the repository tree API', 'opened', 1, '412-tree-keyset-pagination', [i(3).id], []);
  mr(12, 'Load repository tree entries page by page', 'opened', 5, '412-tree-infinite-scroll', [i(3).id], [i(3).id], true);
  // Issue links: on Free only "relates to" exists.
  const link = (source: GlIssue, target: GlIssue, linkType: 'relates_to' | 'blocks') =>
    s.links.push({ id: s.seq.link++, sourceId: source.id, targetId: target.id, linkType, createdAt: at(-8) });
  link(i(3), i(4), free ? 'relates_to' : 'blocks');
  // #1 waits for the spike's findings (open) and for the closed docs issue #9: one open blocker from Premium up.
  link(i(6), i(1), free ? 'relates_to' : 'blocks');
  if (!free) link(i(9), i(1), 'blocks');
  s.boards.push({
    id: p.id - 1000,
    projectId: p.id,
    name: 'Development',
    lists: ['workflow::ready for development', 'workflow::in dev', 'workflow::in review', 'workflow::verification'],
  });
}

/** 120 issues (iid 100..219) so list pages paginate. */
function seedListIssues(s: GitlabState, p: GlProject): void {
  const stages = HANDBOOK_LABELS.filter(([n]) => n.startsWith('workflow::')).map(([n]) => n);
  const { verbs, subjects } = text.listTitleParts;
  for (let k = 0; k < 120; k++) {
    const iid = 100 + k;
    const stage = stages[k % stages.length]!;
    const closed = stage === 'workflow::complete';
    s.issues.push({
      id: s.seq.issue++,
      projectId: p.id,
      iid,
      title: `${verbs[k % verbs.length]} ${subjects[k % subjects.length]}`,
      description: `Tracking issue ${iid}. See the parent epic for context.`,
      state: closed ? 'closed' : 'opened',
      issueType: 'issue',
      authorId: (k % 5) + 1,
      assigneeIds: k % 3 === 0 ? [] : [(k % 5) + 1],
      labels: [stage, k % 4 === 0 ? 'type::bug' : 'type::feature', k % 2 ? 'backend' : 'frontend'],
      milestoneId: k % 3 === 0 ? 32 : null,
      weight: [1, 2, 3, 5, null][k % 5] ?? null,
      healthStatus: (['on_track', null, 'needs_attention', null, 'at_risk', null] as const)[k % 6] ?? null,
      epicId: null,
      confidential: false,
      dueDate: null,
      upvotes: k % 7,
      createdAt: at(-200 + k),
      updatedAt: at(-100 + k),
      closedAt: closed ? at(-90 + k) : null,
      closedById: closed ? 3 : null,
      promotedToEpicId: null,
    });
  }
}

/** A frontend MR that relates to the backend spike: listed with its full reference from the backend issue. */
function seedCrossProject(s: GitlabState): void {
  const spike = s.issues.find((x) => x.projectId === 1001 && x.iid === 6)!;
  s.mergeRequests.push({
    id: 100_207,
    projectId: 1002,
    iid: 7,
    title: 'Prototype: progressive blame rendering behind a feature flag',
    description: `Related to acme/platform/backend#6`,
    state: 'opened',
    authorId: 5,
    assigneeIds: [5],
    sourceBranch: 'blame-streaming-prototype',
    targetBranch: 'master',
    labels: ['workflow::in dev'],
    draft: false,
    createdAt: at(-3),
    updatedAt: at(-1),
    mergedAt: null,
    relatesTo: [spike.id],
    closes: [],
  });
}
