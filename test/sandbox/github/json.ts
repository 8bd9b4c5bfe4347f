// GitHub REST JSON shapes (api.github.com OpenAPI description, API version 2022-11-28), built from sandbox state.
// Every URL is derived from the bases the client used, so links work on github.com and on GHE alike.
import {
  findIssue,
  findRepo,
  findUser,
  orgOf,
  type GhComment,
  type GhEvent,
  type GhIssue,
  type GhIssueField,
  type GhLabel,
  type GhMilestone,
  type GhRepo,
  type GhUser,
  type GithubState,
  type Permission,
} from './model';
import type { Bases } from './urls';

type Json = Record<string, unknown>;

/** Legacy GraphQL node ids: base64 of `0<len>:<Type><id>`, e.g. MDQ6VXNlcjE= for User 1. */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}

export function avatarUrl(b: Bases, id: number): string {
  return b.dotcom ? `https://avatars.githubusercontent.com/u/${id}?v=4` : `${b.web}/avatars/u/${id}?v=4`;
}

function account(b: Bases, id: number, login: string, type: 'User' | 'Organization'): Json {
  const u = `${b.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId(type, id),
    avatar_url: avatarUrl(b, id),
    gravatar_id: '',
    url: u,
    html_url: `${b.web}/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function simpleUser(b: Bases, user: GhUser): Json {
  return account(b, user.id, user.login, 'User');
}

export function userById(state: GithubState, b: Bases, id: number): Json | null {
  const u = findUser(state, id);
  return u ? simpleUser(b, u) : null;
}

/** GET /user: the private view of the authenticated account. */
export function privateUser(state: GithubState, b: Bases, user: GhUser): Json {
  const owned = state.repos.filter((r) => r.owner === user.login);
  return {
    ...simpleUser(b, user),
    user_view_type: 'private',
    name: user.name,
    company: user.company,
    blog: '',
    location: user.location,
    email: user.email,
    notification_email: user.email,
    hireable: null,
    bio: user.bio,
    twitter_username: null,
    public_repos: owned.filter((r) => !r.private).length,
    public_gists: 0,
    followers: 3,
    following: 2,
    created_at: user.createdAt,
    updated_at: user.createdAt,
    private_gists: 0,
    total_private_repos: owned.filter((r) => r.private).length,
    owned_private_repos: owned.filter((r) => r.private).length,
    disk_usage: 1024,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'pro', space: 976562499, collaborators: 0, private_repos: 9999 },
  };
}

export function ownerJson(state: GithubState, b: Bases, repo: GhRepo): Json {
  const org = orgOf(state, repo);
  if (org) return account(b, org.id, org.login, 'Organization');
  const user = state.users.find((u) => u.login === repo.owner);
  return user ? simpleUser(b, user) : account(b, 0, repo.owner, 'User');
}

const PERMISSION_RANK: Record<Permission, number> = { pull: 1, push: 2, admin: 3 };

export function permissionsJson(perm: Permission | null): Json {
  const rank = perm ? PERMISSION_RANK[perm] : 0;
  return { admin: rank >= 3, maintain: rank >= 3, push: rank >= 2, triage: rank >= 2, pull: rank >= 1 };
}

/** `repository` (as embedded in issues) and, with `full`, `full-repository` (GET /repos/{owner}/{repo}). */
export function repoJson(state: GithubState, b: Bases, repo: GhRepo, viewer: Permission | null, full = false): Json {
  const fullName = `${repo.owner}/${repo.name}`;
  const a = `${b.api}/repos/${fullName}`;
  const host = new URL(b.web).host;
  const open = repo.issues.filter((i) => i.state === 'open').length;
  const base: Json = {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: ownerJson(state, b, repo),
    html_url: `${b.web}/${fullName}`,
    description: repo.description,
    fork: false,
    url: a,
    forks_url: `${a}/forks`,
    keys_url: `${a}/keys{/key_id}`,
    collaborators_url: `${a}/collaborators{/collaborator}`,
    teams_url: `${a}/teams`,
    hooks_url: `${a}/hooks`,
    issue_events_url: `${a}/issues/events{/number}`,
    events_url: `${a}/events`,
    assignees_url: `${a}/assignees{/user}`,
    branches_url: `${a}/branches{/branch}`,
    tags_url: `${a}/tags`,
    blobs_url: `${a}/git/blobs{/sha}`,
    git_tags_url: `${a}/git/tags{/sha}`,
    git_refs_url: `${a}/git/refs{/sha}`,
    trees_url: `${a}/git/trees{/sha}`,
    statuses_url: `${a}/statuses/{sha}`,
    languages_url: `${a}/languages`,
    stargazers_url: `${a}/stargazers`,
    contributors_url: `${a}/contributors`,
    subscribers_url: `${a}/subscribers`,
    subscription_url: `${a}/subscription`,
    commits_url: `${a}/commits{/sha}`,
    git_commits_url: `${a}/git/commits{/sha}`,
    comments_url: `${a}/comments{/number}`,
    issue_comment_url: `${a}/issues/comments{/number}`,
    contents_url: `${a}/contents/{+path}`,
    compare_url: `${a}/compare/{base}...{head}`,
    merges_url: `${a}/merges`,
    archive_url: `${a}/{archive_format}{/ref}`,
    downloads_url: `${a}/downloads`,
    issues_url: `${a}/issues{/number}`,
    pulls_url: `${a}/pulls{/number}`,
    milestones_url: `${a}/milestones{/number}`,
    notifications_url: `${a}/notifications{?since,all,participating}`,
    labels_url: `${a}/labels{/name}`,
    releases_url: `${a}/releases{/id}`,
    deployments_url: `${a}/deployments`,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    clone_url: `${b.web}/${fullName}.git`,
    svn_url: `${b.web}/${fullName}`,
    homepage: null,
    size: 20_480,
    stargazers_count: repo.private ? 0 : 42,
    watchers_count: repo.private ? 0 : 42,
    language: 'Ruby',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: open,
    license: null,
    allow_forking: !repo.private,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: open,
    watchers: repo.private ? 0 : 42,
    default_branch: repo.defaultBranch,
    permissions: permissionsJson(viewer),
  };
  if (!full) return base;
  const org = orgOf(state, repo);
  return {
    ...base,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: true,
    allow_update_branch: false,
    use_squash_pr_title_as_default: true,
    squash_merge_commit_title: 'PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    ...(org ? { organization: account(b, org.id, org.login, 'Organization') } : {}),
    network_count: 0,
    subscribers_count: 5,
  };
}

export function labelJson(b: Bases, repo: GhRepo, label: GhLabel): Json {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${b.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

/** Labels of an issue, as label objects (an issue may name a label deleted since: GitHub drops those). */
export function issueLabelsJson(b: Bases, repo: GhRepo, issue: GhIssue): Json[] {
  return issue.labels.flatMap((name) => {
    const l = repo.labels.find((x) => x.name === name);
    return l ? [labelJson(b, repo, l)] : [];
  });
}

export function milestoneJson(state: GithubState, b: Bases, repo: GhRepo, m: GhMilestone): Json {
  const a = `${b.api}/repos/${repo.owner}/${repo.name}/milestones/${m.number}`;
  const issues = repo.issues.filter((i) => i.milestone === m.number);
  return {
    url: a,
    html_url: `${b.web}/${repo.owner}/${repo.name}/milestone/${m.number}`,
    labels_url: `${a}/labels`,
    id: m.id,
    node_id: nodeId('Milestone', m.id),
    number: m.number,
    title: m.title,
    description: m.description,
    creator: userById(state, b, m.creatorId),
    open_issues: issues.filter((i) => i.state === 'open').length,
    closed_issues: issues.filter((i) => i.state === 'closed').length,
    state: m.state,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    due_on: m.dueOn,
    closed_at: null,
  };
}

/** Counts of an issue's sub-issues, as `sub_issues_summary` has them. */
function subIssuesSummary(state: GithubState, issue: GhIssue): Json {
  const subs = (issue.subIssueIds ?? []).flatMap((id) => state.repos.flatMap((r) => r.issues.filter((i) => i.id === id)));
  const completed = subs.filter((i) => i.state === 'closed').length;
  return { total: subs.length, completed, percent_completed: subs.length ? Math.round((100 * completed) / subs.length) : 0 };
}

/** An issue's `issue_field_values` (the Issue Field Value schema), in the organisation's field order. */
export function issueFieldValuesJson(state: GithubState, repo: GhRepo, issue: GhIssue): Json[] {
  const fields = orgOf(state, repo)?.issueFields ?? [];
  return fields.flatMap((f) => {
    const v = issue.fieldValues?.find((x) => x.fieldId === f.id);
    if (!v) return [];
    const option = f.dataType === 'single_select' ? f.options?.find((o) => o.name === v.value) : undefined;
    return [{
      issue_field_id: f.id,
      issue_field_name: f.name,
      node_id: `IFV_${Buffer.from(`IssueFieldValue:${issue.id}:${f.id}`).toString('base64url')}`,
      data_type: f.dataType,
      value: v.value,
      ...(f.dataType === 'single_select' ? { single_select_option: option ? { id: option.id, name: option.name, color: option.color } : null } : {}),
    }];
  });
}

/** An organisation's issue field (the Issue Field schema). */
export function issueFieldJson(f: GhIssueField): Json {
  return {
    id: f.id,
    node_id: `IF_${Buffer.from(`IssueField:${f.id}`).toString('base64url')}`,
    name: f.name,
    description: f.description,
    data_type: f.dataType,
    visibility: 'all',
    ...(f.options ? { options: f.options.map((o, k) => ({ id: o.id, name: o.name, description: null, color: o.color, priority: k + 1, created_at: '2026-03-01T00:00:00Z', updated_at: '2026-03-01T00:00:00Z' })) } : {}),
    created_at: '2026-03-01T00:00:00Z',
    updated_at: '2026-03-01T00:00:00Z',
  };
}

export function issueTypeJson(state: GithubState, repo: GhRepo, name: string | null): Json | null {
  const t = name ? orgOf(state, repo)?.issueTypes.find((x) => x.name === name) : undefined;
  if (!t) return null;
  return {
    id: t.id,
    node_id: `IT_${Buffer.from(`IssueType:${t.id}`).toString('base64url')}`,
    name: t.name,
    description: t.description,
    color: t.color,
    created_at: '2024-10-01T00:00:00Z',
    updated_at: '2024-10-01T00:00:00Z',
    is_enabled: true,
  };
}

function reactions(url: string): Json {
  return { url, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}

export interface IssueJsonOptions {
  /** Embed the repository (cross-reference sources, search with repository). */
  withRepository?: boolean;
  /** Single-issue answers also carry `closed_by`. */
  single?: boolean;
}

export function issueJson(state: GithubState, b: Bases, repo: GhRepo, issue: GhIssue, opts: IssueJsonOptions = {}): Json {
  const full = `${repo.owner}/${repo.name}`;
  const a = `${b.api}/repos/${full}/issues/${issue.number}`;
  const assignees = issue.assigneeIds.flatMap((id) => {
    const u = findUser(state, id);
    return u ? [simpleUser(b, u)] : [];
  });
  const milestone = issue.milestone === null ? undefined : repo.milestones.find((m) => m.number === issue.milestone);
  const comments = repo.comments.filter((c) => c.issueNumber === issue.number).length;
  const out: Json = {
    url: a,
    repository_url: `${b.api}/repos/${full}`,
    labels_url: `${a}/labels{/name}`,
    comments_url: `${a}/comments`,
    events_url: `${a}/events`,
    html_url: `${b.web}/${full}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PullRequest' : 'Issue', issue.id),
    number: issue.number,
    title: issue.title,
    user: userById(state, b, issue.authorId),
    labels: issueLabelsJson(b, repo, issue),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone ? milestoneJson(state, b, repo, milestone) : null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: 'MEMBER',
    type: issue.pull ? null : issueTypeJson(state, repo, issue.type),
    active_lock_reason: null,
    sub_issues_summary: subIssuesSummary(state, issue),
    body: issue.body,
    reactions: reactions(`${a}/reactions`),
    timeline_url: `${a}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
  if (!issue.pull) out.issue_field_values = issueFieldValuesJson(state, repo, issue);
  if (issue.pull) {
    const web = `${b.web}/${full}/pull/${issue.number}`;
    out.draft = issue.pull.draft;
    out.pull_request = {
      url: `${b.api}/repos/${full}/pulls/${issue.number}`,
      html_url: web,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      merged_at: issue.pull.mergedAt,
    };
  }
  if (opts.single) out.closed_by = issue.closedById === null ? null : userById(state, b, issue.closedById);
  if (opts.withRepository) out.repository = repoJson(state, b, repo, null);
  return out;
}

export function commentJson(state: GithubState, b: Bases, repo: GhRepo, c: GhComment): Json {
  const full = `${repo.owner}/${repo.name}`;
  const issue = findIssue(repo, c.issueNumber);
  const page = issue?.pull ? 'pull' : 'issues';
  return {
    url: `${b.api}/repos/${full}/issues/comments/${c.id}`,
    html_url: `${b.web}/${full}/${page}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${b.api}/repos/${full}/issues/${c.issueNumber}`,
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    user: userById(state, b, c.authorId),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'MEMBER',
    body: c.body,
    reactions: reactions(`${b.api}/repos/${full}/issues/comments/${c.id}/reactions`),
    performed_via_github_app: null,
  };
}

/** One timeline entry: an issue event, or a comment (`commented`), in the timeline endpoint's shapes. */
export function timelineEventJson(state: GithubState, b: Bases, repo: GhRepo, e: GhEvent): Json | null {
  const actor = userById(state, b, e.actorId);
  if (e.event === 'cross-referenced') {
    const [owner = '', name = ''] = e.source.repo.split('/');
    const srcRepo = findRepo(state, owner, name);
    const src = srcRepo ? findIssue(srcRepo, e.source.number) : undefined;
    if (!srcRepo || !src) return null;
    return {
      event: 'cross-referenced',
      actor,
      created_at: e.createdAt,
      updated_at: e.createdAt,
      source: { type: 'issue', issue: issueJson(state, b, srcRepo, src, { withRepository: true }) },
    };
  }
  const common: Json = {
    id: e.id,
    node_id: nodeId('Event', e.id),
    url: `${b.api}/repos/${repo.owner}/${repo.name}/issues/events/${e.id}`,
    actor,
    event: e.event,
    commit_id: null,
    commit_url: null,
    created_at: e.createdAt,
    performed_via_github_app: null,
  };
  switch (e.event) {
    case 'labeled':
    case 'unlabeled':
      return { ...common, label: e.label };
    case 'assigned':
    case 'unassigned':
      return { ...common, assignee: userById(state, b, e.assigneeId) };
    case 'milestoned':
    case 'demilestoned':
      return { ...common, milestone: { title: e.milestoneTitle } };
    case 'closed':
    case 'reopened':
      return { ...common, state_reason: e.stateReason };
    case 'renamed':
      return { ...common, rename: { from: e.from, to: e.to } };
  }
}

export function commentedEventJson(state: GithubState, b: Bases, repo: GhRepo, c: GhComment): Json {
  return { ...commentJson(state, b, repo, c), event: 'commented', actor: userById(state, b, c.authorId) };
}
