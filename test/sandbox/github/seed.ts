// The fixed seed (see SANDBOX.md): users 101..105, tokens, org `acme` with issue types, repo acme/widgets (id 2001)
// with issues #1..#12 mirroring the GitLab projects, PRs #21/#22 cross-referencing #3, list issues #100..#219, and a
// second repo acme/gadgets (id 2002) whose PR #4 cross-references acme/widgets#7. Issue fields: `acme` has only
// GitHub's default "Effort" single-select (not a weight: labels stay); org `northwind` has a "Weight" number field
// and "Backend weight"/"Frontend weight" (repo northwind/roadmap, id 2003); alice/notes (id 2004) is a personal
// repository (no fields, labels); northwind/backlog (id 2005) holds 22 issues from before the Weight field, for moving
// weight labels into it.
import {
  isoNow,
  type GhComment,
  type GhEvent,
  type GhEventData,
  type GhIssue,
  type GhIssueField,
  type GhLabel,
  type GhRepo,
  type GithubState,
} from './model';
import * as text from './seed-text';

const DAY = 86_400_000;

/** Handbook labels: [name, color, description]. */
const HANDBOOK_LABELS: [string, string, string | null][] = [
  ...(
    [
      'problem validation',
      'design',
      'solution validation',
      'planning breakdown',
      'refinement',
      'ready for development',
      'in dev',
      'in review',
      'verification',
      'staging',
      'complete',
    ] as const
  ).map((stage): [string, string, string] => [`workflow::${stage}`, '428bca', `Workflow stage: ${stage}`]),
  ['type::feature', '009966', 'New functionality or an improvement'],
  ['type::bug', 'd73a4a', 'Something is not working as intended'],
  ['type::maintenance', '6699cc', 'Upkeep: refactoring, dependencies, tooling'],
  ...[1, 2, 3, 4].map((n): [string, string, string] => [`severity::${n}`, ['cc0000', 'ff6600', 'ffcc00', 'a8d695'][n - 1]!, `Severity ${n}`]),
  ...[1, 2, 3, 4].map((n): [string, string, string] => [`priority::${n}`, ['cc0033', 'ff3366', 'ff9900', 'cccccc'][n - 1]!, `Priority ${n}`]),
  ['backend', 'e4e669', 'Backend work'],
  ['frontend', 'c5def5', 'Frontend work'],
  ['database', 'bfdadc', 'Database changes or migrations'],
  ['documentation', '0075ca', 'Improvements or additions to documentation'],
  ['UX', 'f9d0c4', 'User experience'],
  ['API', '5319e7', 'REST or GraphQL API'],
  ['spike', 'fef2c0', 'Timeboxed investigation'],
  ['security', 'b60205', 'Security issue'],
  ...[1, 2, 3, 5].map((n): [string, string, string] => [`backend-weight::${n}`, 'd4c5f9', `Backend weight ${n}`]),
  ...[1, 2, 3, 5].map((n): [string, string, string] => [`frontend-weight::${n}`, 'c2e0c6', `Frontend weight ${n}`]),
  // GitHub has no weight field: weights live in labels.
  ...[1, 2, 3, 5].map((n): [string, string, string] => [`weight::${n}`, 'ededed', `Weight ${n}`]),
  ['health::on track', '0e8a16', 'Issue is progressing as planned'],
  ['health::needs attention', 'fbca04', 'Issue needs attention to stay on schedule'],
  ['health::at risk', 'b60205', 'Issue may not be completed on schedule'],
];

/** Labels GitHub creates in every new repository. */
const GITHUB_DEFAULT_LABELS: [string, string, string][] = [
  ['bug', 'd73a4a', "Something isn't working"],
  ['duplicate', 'cfd3d7', 'This issue or pull request already exists'],
  ['enhancement', 'a2eeef', 'New feature or request'],
  ['good first issue', '7057ff', 'Good for newcomers'],
  ['help wanted', '008672', 'Extra attention is needed'],
  ['question', 'd876e3', 'Further information is requested'],
];

interface IssueSeed {
  number: number;
  title: string;
  body?: string | null;
  labels?: string[];
  type?: string | null;
  author?: number;
  assignees?: number[];
  milestone?: number | null;
  state?: 'open' | 'closed';
  daysAgo: number;
  pull?: { merged: boolean; draft?: boolean };
}

const WIDGET_ISSUES: IssueSeed[] = [
  {
    number: 1,
    title: 'Add rate limiting to the repository mirroring API',
    body: text.RATE_LIMIT_BODY,
    labels: ['workflow::refinement', 'type::feature', 'backend'],
    type: 'Feature',
    author: 104,
    milestone: 2,
    daysAgo: 20,
  },
  {
    number: 2,
    title: 'Merge request diff fails to load for binary files',
    body: text.BINARY_DIFF_BODY,
    labels: ['type::bug', 'severity::2', 'workflow::ready for development', 'weight::3'],
    type: 'Bug',
    author: 105,
    assignees: [101],
    milestone: 1,
    daysAgo: 18,
  },
  {
    number: 3,
    title: 'Remember viewed files across merge request force pushes',
    body: text.SPLIT_WEIGHT_BODY,
    labels: ['type::feature', 'backend-weight::2', 'frontend-weight::3', 'workflow::in dev', 'backend', 'frontend'],
    type: 'Feature',
    author: 104,
    assignees: [101, 105],
    milestone: 1,
    daysAgo: 16,
  },
  {
    number: 4,
    title: 'Show the default branch protection rules in the branch list',
    body: 'The branch list should show which rules protect the default branch, without opening the settings.',
    labels: ['workflow::ready for development', 'type::feature', 'frontend'],
    type: 'Feature',
    author: 104,
    milestone: 1,
    daysAgo: 15,
  },
  {
    number: 5,
    title: 'Rewrite the repository size calculation worker',
    body: 'The worker walks every object; use the packfile sizes Gitaly already reports instead.',
    labels: ['workflow::ready for development', 'type::maintenance', 'backend', 'weight::5'],
    type: 'Task',
    author: 103,
    milestone: 2,
    daysAgo: 14,
  },
  {
    number: 6,
    title: 'Spike: evaluate Gitaly streaming RPCs',
    body: text.SPIKE_BODY,
    labels: ['spike', 'weight::3', 'workflow::in dev', 'backend'],
    type: 'Task',
    author: 103,
    assignees: [101],
    milestone: 1,
    daysAgo: 12,
  },
  {
    number: 7,
    title: 'Path traversal in the blame view via .gitattributes',
    body: text.SECURITY_BODY,
    labels: ['security', 'type::bug', 'severity::1', 'workflow::in review', 'weight::2'],
    type: 'Bug',
    author: 101,
    assignees: [101],
    milestone: 1,
    daysAgo: 11,
  },
  {
    number: 8,
    title: 'Paginate the protected tags API',
    body: text.CONFLICT_BODY,
    labels: ['workflow::in dev', 'workflow::in review', 'type::feature', 'API', 'weight::2'],
    type: 'Feature',
    author: 104,
    assignees: [105],
    daysAgo: 10,
  },
  { number: 9, title: 'Document the mirroring limits for administrators', body: 'Follow-up of #1 and #3 for the admin docs.', labels: ['documentation', 'workflow::planning breakdown'], author: 104, daysAgo: 9 },
  { number: 10, title: 'Flaky spec: repository archive download', body: 'Fails about once in fifty runs on CI.', labels: ['type::maintenance', 'backend'], type: 'Task', author: 103, daysAgo: 8 },
  { number: 11, title: 'Empty state for repositories without branches', body: 'Design is ready in the design issue.', labels: ['UX', 'frontend', 'workflow::design'], author: 104, daysAgo: 7 },
  { number: 12, title: 'Upgrade the diff highlighting library', body: null, labels: ['type::maintenance', 'frontend'], author: 105, daysAgo: 6 },
  { number: 13, title: 'Commit list shows wrong author avatar', labels: ['type::bug', 'frontend'], type: 'Bug', author: 105, state: 'closed', daysAgo: 30 },
  { number: 14, title: 'Remove the legacy blob viewer', labels: ['type::maintenance'], type: 'Task', author: 103, state: 'closed', daysAgo: 29 },
  { number: 15, title: 'Add a bulk edit for issue milestones', labels: ['type::feature'], type: 'Feature', author: 104, state: 'closed', daysAgo: 28 },
  { number: 16, title: 'Cache the branch count on the project page', labels: ['backend'], author: 101, state: 'closed', daysAgo: 27 },
  { number: 17, title: 'Fix typo in the mirroring settings', labels: ['documentation'], author: 105, state: 'closed', daysAgo: 26, pull: { merged: true } },
  { number: 18, title: 'Bump the diff highlighting library to 4.2', author: 105, state: 'closed', daysAgo: 25, pull: { merged: true } },
  { number: 19, title: 'Try a streaming ListCommits call', author: 101, state: 'closed', daysAgo: 24, pull: { merged: false } },
  { number: 20, title: 'Add request spec for archive downloads', author: 103, daysAgo: 5, pull: { merged: false, draft: true } },
  { number: 21, title: 'Store viewed files per reviewer', body: text.PR_BODIES[21], labels: ['backend'], author: 101, assignees: [101], daysAgo: 4, pull: { merged: false } },
  { number: 22, title: 'Add reviewer_file_states table', body: text.PR_BODIES[22], labels: ['database'], author: 105, state: 'closed', daysAgo: 5, pull: { merged: true } },
];

const LIST_AREAS = ['merge requests', 'the branch list', 'repository mirroring', 'the blame view', 'protected tags', 'the commit graph', 'archive downloads', 'the file finder'];
const LIST_VERBS = ['Improve error message in', 'Add keyboard shortcut to', 'Reduce queries in', 'Add audit event for', 'Show loading state in', 'Fix alignment in'];
const LIST_STAGES = ['workflow::refinement', 'workflow::ready for development', 'workflow::in dev', 'workflow::in review', 'workflow::planning breakdown'];
const WEIGHTS = ['weight::1', 'weight::2', 'weight::3', 'weight::5'];

function listIssues(): IssueSeed[] {
  const out: IssueSeed[] = [];
  for (let n = 100; n <= 219; n++) {
    const i = n - 100;
    const labels = [LIST_STAGES[i % LIST_STAGES.length]!, i % 2 === 0 ? 'backend' : 'frontend'];
    if (i % 3 !== 0) labels.push(WEIGHTS[i % WEIGHTS.length]!);
    out.push({
      number: n,
      title: `${LIST_VERBS[i % LIST_VERBS.length]} ${LIST_AREAS[i % LIST_AREAS.length]}`,
      body: `Generated list issue ${n}.`,
      labels,
      type: i % 4 === 0 ? 'Bug' : i % 4 === 1 ? 'Feature' : null,
      author: 101 + (i % 5),
      assignees: i % 5 === 0 ? [] : [101 + (i % 5)],
      state: i % 10 === 9 ? 'closed' : 'open',
      daysAgo: 4 - i / 40,
    });
  }
  return out;
}

const GADGET_ISSUES: IssueSeed[] = [
  { number: 1, title: 'Gadget sync drops the last item', labels: ['bug'], author: 103, daysAgo: 9 },
  { number: 2, title: 'Support dark mode in the gadget preview', labels: ['enhancement'], author: 105, daysAgo: 8 },
  { number: 3, title: 'Publish gadgets 1.4', author: 101, state: 'closed', daysAgo: 7 },
  { number: 4, title: 'Harden attribute parsing shared with widgets', body: 'Fixes the parsing half of acme/widgets#7.', author: 101, daysAgo: 3, pull: { merged: false } },
];

/** GitHub's default issue field for organisations: a single-select, which is not a number weight. */
const EFFORT_FIELD = (id: number): GhIssueField => ({
  id,
  name: 'Effort',
  description: 'How much work this takes',
  dataType: 'single_select',
  options: [
    { id: id * 10 + 1, name: 'High', color: 'red' },
    { id: id * 10 + 2, name: 'Medium', color: 'yellow' },
    { id: id * 10 + 3, name: 'Low', color: 'green' },
  ],
});

/** northwind/roadmap: #1 in refinement with no weight, #2 weighted 3 in the field, #3 unweighted and ready, #4 weighted 2 with an old `weight::5` label. */
const ROADMAP_ISSUES: IssueSeed[] = [
  { number: 1, title: 'Export the roadmap as CSV', labels: ['workflow::refinement', 'type::feature'], type: 'Feature', author: 103, daysAgo: 6 },
  { number: 2, title: 'Roadmap timeline loses zoom on reload', labels: ['workflow::ready for development', 'type::bug'], type: 'Bug', author: 105, daysAgo: 5 },
  { number: 3, title: 'Show milestone health on the roadmap', labels: ['workflow::ready for development', 'type::feature'], author: 101, daysAgo: 4 },
  { number: 4, title: 'Roadmap filters forget the team', labels: ['workflow::in dev', 'type::bug', 'weight::5'], author: 101, daysAgo: 3 },
];
/**
 * northwind/backlog: #1–#19 have only a weight:: label, #20 a label the field already agrees with, #21 a label that
 * disagrees with the field, #22 no weight at all.
 */
function backlogIssues(): IssueSeed[] {
  const weights = [1, 2, 3, 5];
  return Array.from({ length: 22 }, (_, k) => {
    const n = k + 1;
    const labels = ['workflow::ready for development', ...(n <= 21 ? [`weight::${n === 21 ? 5 : weights[k % 4]}`] : [])];
    return { number: n, title: `Backlog item ${n}: ${LIST_AREAS[k % LIST_AREAS.length]}`, labels, author: 101, daysAgo: 1 - k / 50 };
  });
}

const NOTES_ISSUES: IssueSeed[] = [
  { number: 1, title: 'Write down the release checklist', labels: ['workflow::refinement'], author: 101, daysAgo: 2 },
];

function build(state: GithubState, repo: GhRepo, seeds: IssueSeed[], now: number): void {
  const labelColor = (name: string) => repo.labels.find((l) => l.name === name)?.color ?? 'ededed';
  for (const s of seeds) {
    const created = now - s.daysAgo * DAY;
    const status = s.state ?? 'open';
    const issue: GhIssue = {
      id: 3_000_000 + repo.id * 1000 + s.number,
      number: s.number,
      title: s.title,
      body: s.body === undefined ? `${s.title}.` : s.body,
      state: status,
      stateReason: status === 'closed' && !s.pull ? 'completed' : null,
      authorId: s.author ?? 101,
      labels: [...(s.labels ?? [])],
      assigneeIds: [...(s.assignees ?? [])],
      milestone: s.milestone ?? null,
      type: s.type ?? null,
      locked: false,
      createdAt: isoNow(created),
      updatedAt: isoNow(created + (status === 'closed' ? DAY : DAY / 4)),
      closedAt: status === 'closed' ? isoNow(created + DAY) : null,
      closedById: status === 'closed' ? (s.author ?? 101) : null,
      pull: s.pull ? { mergedAt: s.pull.merged ? isoNow(created + DAY) : null, draft: s.pull.draft ?? false } : null,
    };
    repo.issues.push(issue);
    for (const [k, name] of issue.labels.entries()) {
      event(state, repo, issue.number, issue.authorId, created + 60_000 * (k + 1), { event: 'labeled', label: { name, color: labelColor(name) } });
    }
    for (const assigneeId of issue.assigneeIds) {
      event(state, repo, issue.number, issue.authorId, created + 3_600_000, { event: 'assigned', assigneeId });
    }
    if (issue.milestone !== null) {
      const title = repo.milestones.find((m) => m.number === issue.milestone)?.title ?? '';
      event(state, repo, issue.number, issue.authorId, created + 3_700_000, { event: 'milestoned', milestoneTitle: title });
    }
    if (issue.closedAt) event(state, repo, issue.number, issue.authorId, created + DAY, { event: 'closed', stateReason: issue.stateReason });
  }
}

function event(state: GithubState, repo: GhRepo, issueNumber: number, actorId: number, at: number, data: GhEventData): void {
  state.nextId += 1;
  repo.events.push({ id: state.nextId, issueNumber, actorId, createdAt: isoNow(at), ...data } as GhEvent);
}

function comment(state: GithubState, repo: GhRepo, issueNumber: number, authorId: number, at: number, body: string): GhComment {
  state.nextId += 1;
  const c: GhComment = { id: state.nextId, issueNumber, authorId, body, createdAt: isoNow(at), updatedAt: isoNow(at) };
  repo.comments.push(c);
  return c;
}

function labelsOf(state: GithubState, defs: [string, string, string | null][], isDefault: boolean): GhLabel[] {
  return defs.map(([name, color, description]) => {
    state.nextId += 1;
    return { id: state.nextId, name, color, description, default: isDefault };
  });
}

/**
 * acme/plans, for the Plan section (issue 18): #1 a parent with sub-issues (acme/widgets#3, #2 with its own sub-issue
 * #5, #3 at risk, #4 closed), #6 a tracking issue whose task list links #2, #4, acme/widgets#3 and an issue in a
 * repository the token cannot read.
 */
const PLAN_ISSUES: IssueSeed[] = [
  { number: 1, title: 'Faster repository browser', body: 'Everything the browser needs for large repositories.', labels: ['epic', 'weight::5'], author: 103, daysAgo: 20 },
  { number: 2, title: 'Paginate the tree API', labels: ['weight::3', 'workflow::in dev'], author: 101, daysAgo: 15 },
  { number: 3, title: 'Stream blame ranges', labels: ['weight::2', 'workflow::in dev', 'health::at risk'], author: 101, daysAgo: 15 },
  { number: 4, title: 'Record audit events for the browser', labels: ['weight::1'], author: 105, state: 'closed', daysAgo: 14 },
  { number: 5, title: 'Tree API: frontend pagination', labels: ['weight::2'], author: 105, daysAgo: 10 },
  {
    number: 6,
    title: 'Tracking: repository browser, first quarter',
    body: '## Tasks\n\n- [ ] #2\n- [x] acme/plans#4\n- [ ] acme/widgets#3 viewed files\n- [ ] acme/hidden#1\n- [ ] Write the docs (no issue yet)\n',
    labels: ['epic'],
    author: 103,
    daysAgo: 12,
  },
];

function seedPlans(state: GithubState, plans: GhRepo, widgets: GhRepo, now: number): GhRepo {
  plans.labels = [...labelsOf(state, GITHUB_DEFAULT_LABELS, true), ...labelsOf(state, HANDBOOK_LABELS, false)];
  build(state, plans, PLAN_ISSUES, now);
  const id = (repo: GhRepo, n: number) => repo.issues.find((i) => i.number === n)!.id;
  plans.issues.find((i) => i.number === 1)!.subIssueIds = [id(widgets, 3), id(plans, 2), id(plans, 3), id(plans, 4)];
  plans.issues.find((i) => i.number === 2)!.subIssueIds = [id(plans, 5)];
  comment(state, plans, 2, 101, now - 2 * DAY, 'Complete: 60%\nConfidence: 80%\nNotes: cursor pagination merged\nHealth status: on track');
  comment(state, plans, 3, 101, now - 6 * DAY, 'Complete: 20%\nConfidence: 70%\nHealth status: on track');
  comment(state, plans, 3, 101, now - DAY, `${text.statusUpdate(30, 50, 'the Gitaly RPC is slower than expected')}\nHealth status: at risk`);
  comment(state, plans, 5, 105, now - DAY, 'Status update: mostly complete, the rest is soon');
  return plans;
}

export function seedState(now: number = Date.now()): GithubState {
  const state: GithubState = {
    users: [
      { id: 101, login: 'alice', name: 'Alice Example', email: 'alice@example.com', company: 'Acme', bio: 'Backend engineer', location: 'Lisbon', createdAt: '2019-03-04T10:00:00Z' },
      { id: 102, login: 'bob', name: 'Bob Builder', email: null, company: 'Acme', bio: null, location: null, createdAt: '2020-06-01T08:30:00Z' },
      { id: 103, login: 'carol', name: 'Carol Chen', email: 'carol@example.com', company: 'Acme', bio: 'Engineering manager', location: 'Toronto', createdAt: '2018-11-20T14:00:00Z' },
      { id: 104, login: 'dave', name: 'Dave Diaz', email: null, company: 'Acme', bio: 'Product manager', location: 'Madrid', createdAt: '2021-01-11T09:15:00Z' },
      { id: 105, login: 'erin', name: 'Erin Evans', email: null, company: 'Acme', bio: 'Frontend engineer', location: 'Berlin', createdAt: '2022-02-02T12:00:00Z' },
    ],
    tokens: {
      'sandbox-github-token': { userId: 101, kind: 'classic', scopes: ['repo', 'read:org'] },
      'sandbox-github-readonly': { userId: 102, kind: 'fine-grained', issues: 'read' },
      // Extra tokens for connection checks: a fine-grained writer and a classic token without `repo`.
      'sandbox-github-finegrained': { userId: 101, kind: 'fine-grained', issues: 'write' },
      'sandbox-github-noscope': { userId: 101, kind: 'classic', scopes: ['read:user'] },
      'sandbox-github-public-only': { userId: 101, kind: 'classic', scopes: ['public_repo'] },
    },
    orgs: [
      {
        id: 100,
        login: 'acme',
        name: 'Acme Corporation',
        // GitHub's default issue types for organizations.
        issueTypes: [
          { id: 901, name: 'Task', description: 'A specific piece of work', color: 'yellow' },
          { id: 902, name: 'Bug', description: 'An unexpected problem or behavior', color: 'red' },
          { id: 903, name: 'Feature', description: 'A request, idea, or new functionality', color: 'blue' },
        ],
        issueFields: [EFFORT_FIELD(801)],
      },
      {
        id: 110,
        login: 'northwind',
        name: 'Northwind Traders',
        issueTypes: [
          { id: 911, name: 'Task', description: 'A specific piece of work', color: 'yellow' },
          { id: 912, name: 'Bug', description: 'An unexpected problem or behavior', color: 'red' },
          { id: 913, name: 'Feature', description: 'A request, idea, or new functionality', color: 'blue' },
        ],
        issueFields: [
          EFFORT_FIELD(811),
          { id: 812, name: 'Weight', description: 'Handbook weight: 1, 2, 3 or 5', dataType: 'number' },
          { id: 813, name: 'Backend weight', description: null, dataType: 'number' },
          { id: 814, name: 'Frontend weight', description: null, dataType: 'number' },
          { id: 815, name: 'Target date', description: null, dataType: 'date' },
        ],
      },
    ],
    repos: [],
    rate: new Map(),
    issueDependencies: true,
    nextId: 5_000_000,
  };

  const widgets: GhRepo = {
    id: 2001,
    owner: 'acme',
    name: 'widgets',
    description: 'Widgets: repository browsing, merge requests and mirroring',
    private: true,
    defaultBranch: 'main',
    createdAt: '2021-05-10T09:00:00Z',
    pushedAt: isoNow(now - DAY / 2),
    updatedAt: isoNow(now - DAY / 2),
    permissions: { 101: 'admin', 102: 'pull', 103: 'push', 104: 'push', 105: 'push' },
    labels: [],
    milestones: [],
    issues: [],
    comments: [],
    events: [],
    dependencies: [],
  };
  widgets.labels = [...labelsOf(state, GITHUB_DEFAULT_LABELS, true), ...labelsOf(state, HANDBOOK_LABELS, false)];
  widgets.milestones = [
    { id: 7_000_001, number: 1, title: '18.1', description: 'Release 18.1', state: 'open', dueOn: isoNow(now + 10 * DAY), creatorId: 103, createdAt: isoNow(now - 40 * DAY), updatedAt: isoNow(now - DAY) },
    { id: 7_000_002, number: 2, title: '18.2', description: 'Release 18.2', state: 'open', dueOn: isoNow(now + 40 * DAY), creatorId: 103, createdAt: isoNow(now - 20 * DAY), updatedAt: isoNow(now - DAY) },
  ];
  build(state, widgets, [...WIDGET_ISSUES, ...listIssues()], now);

  // Comments: refinement checklist and plan on #2, async status updates on #3, spike notes on #6.
  comment(state, widgets, 2, 101, now - 17 * DAY, text.BUG_CHECKLIST_COMMENT);
  comment(state, widgets, 2, 101, now - 16.9 * DAY, text.IMPLEMENTATION_PLAN_COMMENT);
  comment(state, widgets, 2, 103, now - 16 * DAY, 'Plan looks good to me. Weighted 3 as discussed.');
  comment(state, widgets, 3, 101, now - 6 * DAY, text.statusUpdate(20, 60, 'schema agreed, starting on the API'));
  comment(state, widgets, 3, 105, now - 4 * DAY, text.statusUpdate(30, 70, 'viewed-state toggle in place behind a flag', '~frontend'));
  comment(state, widgets, 3, 101, now - 2 * DAY, text.MR_STATUS_UPDATE);
  comment(state, widgets, 3, 101, now - DAY, text.statusUpdate(40, 75, 'expecting to go into review tomorrow'));
  comment(state, widgets, 6, 101, now - 5 * DAY, 'First findings: `ListCommits` streaming halves the p95 on large repositories.');
  comment(state, widgets, 8, 103, now - 2 * DAY, 'This has both `workflow::in dev` and `workflow::in review`; which one is it?');

  // #1 is blocked by the open #10 and the closed #14: one open blocker.
  for (const n of [10, 14]) widgets.dependencies.push({ issueNumber: 1, blockingId: widgets.issues.find((i) => i.number === n)!.id });

  // #3 is referenced by PRs #21 (twice) and #22, and by issue #9 (not a change); #7 by acme/gadgets PR #4.
  event(state, widgets, 3, 101, now - 4 * DAY, { event: 'cross-referenced', source: { repo: 'acme/widgets', number: 21 } });
  event(state, widgets, 3, 105, now - 5 * DAY, { event: 'cross-referenced', source: { repo: 'acme/widgets', number: 22 } });
  event(state, widgets, 3, 104, now - 3 * DAY, { event: 'cross-referenced', source: { repo: 'acme/widgets', number: 9 } });
  event(state, widgets, 3, 101, now - 3 * DAY + 60_000, { event: 'cross-referenced', source: { repo: 'acme/widgets', number: 21 } });
  event(state, widgets, 7, 101, now - 3 * DAY, { event: 'cross-referenced', source: { repo: 'acme/gadgets', number: 4 } });

  const gadgets: GhRepo = {
    id: 2002,
    owner: 'acme',
    name: 'gadgets',
    description: 'Gadgets: the public client library',
    private: false,
    defaultBranch: 'main',
    createdAt: '2022-08-01T09:00:00Z',
    pushedAt: isoNow(now - 3 * DAY),
    updatedAt: isoNow(now - 3 * DAY),
    permissions: { 101: 'admin', 103: 'push', 105: 'push' },
    labels: [],
    milestones: [],
    issues: [],
    comments: [],
    events: [],
    dependencies: [],
  };
  gadgets.labels = labelsOf(state, GITHUB_DEFAULT_LABELS, true);
  build(state, gadgets, GADGET_ISSUES, now);

  const repo = (id: number, owner: string, name: string, permissions: GhRepo['permissions']): GhRepo => ({
    id, owner, name, description: null, private: false, defaultBranch: 'main', createdAt: '2023-04-01T09:00:00Z',
    pushedAt: isoNow(now - DAY), updatedAt: isoNow(now - DAY), permissions,
    labels: [], milestones: [], issues: [], comments: [], events: [], dependencies: [],
  });
  const roadmap = repo(2003, 'northwind', 'roadmap', { 101: 'admin', 103: 'push', 105: 'push' });
  roadmap.labels = [...labelsOf(state, GITHUB_DEFAULT_LABELS, true), ...labelsOf(state, HANDBOOK_LABELS, false)];
  build(state, roadmap, ROADMAP_ISSUES, now);
  roadmap.issues.find((i) => i.number === 2)!.fieldValues = [{ fieldId: 812, value: 3 }, { fieldId: 811, value: 'Medium' }];
  roadmap.issues.find((i) => i.number === 4)!.fieldValues = [{ fieldId: 812, value: 2 }, { fieldId: 815, value: '2026-12-18' }];
  const backlog = repo(2005, 'northwind', 'backlog', { 101: 'admin', 103: 'push' });
  backlog.labels = [...labelsOf(state, GITHUB_DEFAULT_LABELS, true), ...labelsOf(state, HANDBOOK_LABELS, false)];
  build(state, backlog, backlogIssues(), now);
  backlog.issues.find((i) => i.number === 20)!.fieldValues = [{ fieldId: 812, value: 5 }];
  backlog.issues.find((i) => i.number === 21)!.fieldValues = [{ fieldId: 812, value: 2 }];
  const notes = repo(2004, 'alice', 'notes', { 101: 'admin' });
  notes.labels = [...labelsOf(state, GITHUB_DEFAULT_LABELS, true), ...labelsOf(state, HANDBOOK_LABELS, false)];
  build(state, notes, NOTES_ISSUES, now);

  const plans = seedPlans(state, repo(2006, 'acme', 'plans', { 101: 'admin', 103: 'push', 105: 'push' }), widgets, now);

  state.repos.push(widgets, gadgets, roadmap, notes, backlog, plans);
  return state;
}
