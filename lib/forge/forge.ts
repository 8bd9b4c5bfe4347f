// The one interface both adapters implement. Only the background imports lib/forge.
import type { Capabilities, HealthStatus, Issue, IssueRef, LabelChange, LabelDef, LinkedChange, Note, User } from './model';

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
  /** Native weight field; callers fall back to `weight::N` labels where capabilities.weight is false. */
  setWeight(ref: IssueRef, weight: number | null): Promise<Issue>;
  /** Native health status (GitLab Ultimate, via GraphQL); callers fall back to `health::` labels elsewhere. */
  setHealthStatus(ref: IssueRef, status: HealthStatus | null): Promise<Issue>;
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
}
