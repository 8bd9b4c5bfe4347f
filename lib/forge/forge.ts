// The one interface both adapters implement. Only the background imports lib/forge.
import type { ChildrenRead } from './children-model';
import type { ForgeErrorData } from './errors';
import type { Capabilities, HealthStatus, Issue, IssueRef, LabelChange, LabelDef, LinkedChange, Note, SplitSide, User } from './model';

export interface Connection {
  id: string;
  kind: 'gitlab' | 'github';
  /** Web base URL without trailing slash (https://gitlab.com, https://github.com, https://host/gitlab). */
  baseUrl: string;
  token: string;
}

export interface ConnectionCheck {
  user: User;
  /** Readable problems with the token (expired soon, missing scope…); empty when all is well. */
  problems: string[];
}

export interface Forge {
  testConnection(): Promise<ConnectionCheck>;
  getIssue(ref: IssueRef): Promise<Issue>;
  getCapabilities(ref: IssueRef): Promise<Capabilities>;
  listNotes(ref: IssueRef): Promise<Note[]>;
  listLinkedChanges(ref: IssueRef): Promise<LinkedChange[]>;
  /**
   * Adds/removes labels with add/remove operations (never a whole-set replace from a stale copy).
   * Adding `scope::value` removes the issue's other `scope::` labels, re-read just before the write,
   * on every forge and tier. Returns the issue as the forge has it afterwards.
   */
  changeLabels(ref: IssueRef, change: LabelChange): Promise<Issue>;
  /**
   * The team's names for forge fields (settings.fields): GitHub reads the weight from the organisation's number issue
   * field with the first of these names. Adapters without such fields leave it out.
   */
  useFieldNames?(names: { weight: readonly string[] }): void;
  /**
   * GitHub: creates an issue in the parent's repository and adds it as a sub-issue of `parent`. The creation is never
   * retried (an issue whose answer got lost would be created twice); a link that fails leaves the created issue named
   * in `problem`, so the caller does not create it again. GitLab breaks work down by promoting to an epic instead.
   */
  createSubIssue?(parent: IssueRef, input: { title: string; body: string }): Promise<SubIssueResult>;
  /** GitHub: the issue types the repository's organisation defines (none for a personal repository or an older GHES). */
  listIssueTypes?(ref: IssueRef): Promise<IssueTypeDef[]>;
  /** GitHub: sets the issue's type by name (null clears it), read back; a type GitHub dropped is an error. */
  setIssueType?(ref: IssueRef, type: string | null): Promise<Issue>;
  /** Native weight field; callers fall back to `weight::N` labels where capabilities.weight is false. */
  setWeight(ref: IssueRef, weight: number | null): Promise<Issue>;
  /**
   * A backend or frontend weight in the native field capabilities.splitWeightFields names (null unsets it), read back;
   * callers fall back to `backend-weight::N` / `frontend-weight::N` labels where there is no such field.
   */
  setSplitWeight(ref: IssueRef, side: SplitSide, weight: number | null): Promise<Issue>;
  /** Native health status (GitLab Ultimate, via GraphQL); callers fall back to `health::` labels elsewhere. */
  setHealthStatus(ref: IssueRef, status: HealthStatus | null): Promise<Issue>;
  /**
   * GitLab Status (18.2+): sets the status of that global id, one of capabilities.statuses, and returns the issue read
   * back (a done or canceled status closes it). Callers keep workflow:: labels where capabilities.statuses is absent.
   */
  setStatus(ref: IssueRef, statusId: string): Promise<Issue>;
  createNote(ref: IssueRef, body: string): Promise<Note>;
  updateNote(ref: IssueRef, noteId: number, body: string): Promise<Note>;
  /** People who can be mentioned/assigned: GitLab project members incl. inherited ones; GitHub assignable users. */
  listMembers(ref: IssueRef): Promise<User[]>;
  /** Labels usable on the issue: GitLab project labels incl. ancestor groups' labels; GitHub repository labels. */
  listLabels(ref: IssueRef): Promise<LabelDef[]>;
  /**
   * Creates a label. `group` (GitLab) creates it on the project's parent group so sibling projects share it;
   * GitHub has repository labels only and ignores `level`. A label that already exists answers 'exists'.
   */
  createLabel(ref: IssueRef, label: LabelDef, level: 'project' | 'group'): Promise<'created' | 'exists'>;
  // Refinement checklists: the checklist comment re-read before editing it, and the issue's open blockers.
  /** One comment as the forge has it now; null when it was deleted. */
  getNote(ref: IssueRef, noteId: number): Promise<Note | null>;
  /**
   * Open issues this one is blocked by: GitLab "is blocked by" links, GitHub issue dependencies. null when the forge
   * cannot say (GitHub Enterprise Server before issue dependencies, GitLab epics).
   */
  countOpenBlockers(ref: IssueRef): Promise<number | null>;
  // Async status updates: the token's user (whose previous update prefills the form) and the forge's own Markdown
  // rendering for the preview (GitLab POST /markdown, GitHub POST /markdown); the HTML is not sanitized here.
  currentUser(): Promise<User>;
  renderMarkdown(ref: IssueRef, text: string): Promise<string>;
  // Weight validation on list pages and capacity: bulk reads with a bounded number of requests.
  /**
   * Issues by number, at most 100 refs of this connection: GitLab one `iids[]` request per project among them, GitHub
   * one GraphQL request for all. Issues that do not exist or that the token cannot read are left out of the answer.
   */
  listIssuesByNumber(refs: readonly IssueRef[]): Promise<Issue[]>;
  /**
   * A parent's children for the Plan section, all levels the forge exposes in one query, with each child's weight,
   * health, labels and newest comments: one GraphQL request per page of children, never one per child (at most 3).
   * GitHub: sub-issues, else the issues a tracking issue's task list links; GitLab: the work-item hierarchy.
   */
  listChildren?(ref: IssueRef): Promise<ChildrenRead>;
  /** Issues assigned to each user in a milestone, 100 at most each: GitLab one request per user, GitHub one for all. */
  listAssignedIssues(query: AssignedQuery): Promise<AssignedWork>;
}

export interface IssueTypeDef {
  name: string;
  description: string | null;
}

export interface SubIssueResult {
  issue: Issue;
  /** Added as a sub-issue (false: created, but this GitHub has no sub-issues or refused the link). */
  linked: boolean;
  problem: string | null;
}

export interface AssignedQuery {
  /** A project / repository, a GitLab group (GitHub: an owner), or everything the token can see (null). */
  container: { kind: 'project' | 'group'; path: string } | null;
  usernames: string[];
  /** A milestone title; null for the current one (GitLab: started milestones; GitHub: the open one due next). */
  milestone: string | null;
}

export interface AssignedWork {
  /** Titles of the milestones counted: the one asked for, or what "current" turned out to be. */
  milestones: string[];
  people: { username: string; issues: Issue[]; truncated: boolean; error: ForgeErrorData | null }[];
}
