// In-memory GitHub state: users, tokens, an organization with issue types, repositories with labels, milestones,
// issues (pull requests are issues with `pull`), comments and timeline events. Plain data; handlers mutate it.

export type Permission = 'admin' | 'push' | 'pull';
export type RateResource = 'core' | 'search' | 'graphql';

export interface GhUser {
  id: number;
  login: string;
  name: string;
  email: string | null;
  company: string | null;
  bio: string | null;
  location: string | null;
  createdAt: string;
}

/** A personal access token: classic ones carry OAuth scopes, fine-grained ones a per-repository permission. */
export type GhToken =
  | { userId: number; kind: 'classic'; scopes: string[] }
  | { userId: number; kind: 'fine-grained'; issues: 'read' | 'write' };

export interface GhIssueType {
  id: number;
  name: string;
  description: string;
  color: 'gray' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'pink' | 'purple';
}

/** An organisation's issue field (GET /orgs/{org}/issue-fields); single-selects carry their options. */
export interface GhIssueField {
  id: number;
  name: string;
  description: string | null;
  dataType: 'text' | 'date' | 'single_select' | 'multi_select' | 'number';
  options?: { id: number; name: string; color: 'gray' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'pink' | 'purple' }[];
}

export interface GhOrg {
  id: number;
  login: string;
  name: string;
  issueTypes: GhIssueType[];
  /** Issue fields (github.com organisations since 2026); none for an organisation without the feature. */
  issueFields: GhIssueField[];
}

/** A value of an organisation issue field on an issue: the number, text or date, or the single-select option's name. */
export interface GhFieldValue {
  fieldId: number;
  value: string | number;
}

export interface GhLabel {
  id: number;
  name: string;
  /** Six hex digits without `#`, as GitHub stores it. */
  color: string;
  description: string | null;
  default: boolean;
}

export interface GhMilestone {
  id: number;
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  dueOn: string | null;
  creatorId: number;
  createdAt: string;
  updatedAt: string;
}

export interface GhPull {
  mergedAt: string | null;
  draft: boolean;
}

export interface GhIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  authorId: number;
  /** Label names in the order they were added. */
  labels: string[];
  assigneeIds: number[];
  milestone: number | null;
  /** Issue type name (org-level types), or null. */
  type: string | null;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedById: number | null;
  /** Present for pull requests only. */
  pull: GhPull | null;
  /** Organisation issue field values (absent: none). */
  fieldValues?: GhFieldValue[];
  /** Sub-issues (global issue ids, in order); GitHub allows 100 per parent. */
  subIssueIds?: number[];
}

export interface GhComment {
  id: number;
  issueNumber: number;
  authorId: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

interface EventBase {
  id: number;
  issueNumber: number;
  actorId: number;
  createdAt: string;
}

export type GhEvent = EventBase &
  (
    | { event: 'labeled' | 'unlabeled'; label: { name: string; color: string } }
    | { event: 'assigned' | 'unassigned'; assigneeId: number }
    | { event: 'milestoned' | 'demilestoned'; milestoneTitle: string }
    | { event: 'closed' | 'reopened'; stateReason: string | null }
    | { event: 'renamed'; from: string; to: string }
    /** Another issue or pull request (`repo` = owner/name) mentioned this one. */
    | { event: 'cross-referenced'; source: { repo: string; number: number } }
  );

/** An event's own data, without the fields every event has. */
export type GhEventData = GhEvent extends infer E ? (E extends GhEvent ? Omit<E, 'id' | 'issueNumber' | 'actorId' | 'createdAt'> : never) : never;

/** Issue dependencies: `issueNumber` (in the repository holding this entry) is blocked by the issue with global id `blockingId`. */
export interface GhDependency {
  issueNumber: number;
  blockingId: number;
}

export interface GhRepo {
  id: number;
  owner: string;
  name: string;
  description: string | null;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
  pushedAt: string;
  updatedAt: string;
  /** Collaborator permissions by user id; users not listed have none (private) or pull (public). */
  permissions: Record<number, Permission>;
  labels: GhLabel[];
  milestones: GhMilestone[];
  issues: GhIssue[];
  comments: GhComment[];
  events: GhEvent[];
  dependencies: GhDependency[];
}

export interface RateBucket {
  limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

export interface GithubState {
  users: GhUser[];
  tokens: Record<string, GhToken>;
  orgs: GhOrg[];
  repos: GhRepo[];
  /** Rate-limit windows per identity (`user:101`, `anonymous`) and resource. */
  rate: Map<string, Record<RateResource, RateBucket>>;
  /** Issue dependencies (github.com, GHES 3.19+); false answers 404 there, like an older GitHub Enterprise Server. */
  issueDependencies: boolean;
  /** Next id for comments, events, labels… (GitHub ids are global). */
  nextId: number;
}

export function newId(state: GithubState): number {
  state.nextId += 1;
  return state.nextId;
}

/** GitHub's timestamp format: ISO 8601 without milliseconds. */
export function isoNow(at: number = Date.now()): string {
  return new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function findUser(state: GithubState, id: number): GhUser | undefined {
  return state.users.find((u) => u.id === id);
}

export function findUserByLogin(state: GithubState, login: string): GhUser | undefined {
  return state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
}

/** Owner/name lookups are case-insensitive on GitHub. */
export function findRepo(state: GithubState, owner: string, name: string): GhRepo | undefined {
  return state.repos.find(
    (r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase(),
  );
}

export function findRepoById(state: GithubState, id: number): GhRepo | undefined {
  return state.repos.find((r) => r.id === id);
}

export function findIssue(repo: GhRepo, number: number): GhIssue | undefined {
  return repo.issues.find((i) => i.number === number);
}

/** Label names are case-insensitive on GitHub. */
export function findLabel(repo: GhRepo, name: string): GhLabel | undefined {
  const lower = name.toLowerCase();
  return repo.labels.find((l) => l.name.toLowerCase() === lower);
}

export function orgOf(state: GithubState, repo: GhRepo): GhOrg | undefined {
  return state.orgs.find((o) => o.login.toLowerCase() === repo.owner.toLowerCase());
}
