// In-memory model of a self-managed GitLab (EE) whose namespaces sit on different tiers, as on gitlab.com.
export type Tier = 'free' | 'premium' | 'ultimate';
export type HealthStatusValue = 'on_track' | 'needs_attention' | 'at_risk';
export type LinkType = 'relates_to' | 'blocks' | 'is_blocked_by';

/** GitLab access levels (Gitlab::Access). */
export const ACCESS = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 } as const;

export interface GlUser {
  id: number;
  username: string;
  name: string;
  createdAt: string;
  bio: string;
  /** Blocked users stay members (GitLab lists them with `state: "blocked"`) but cannot be mentioned or assigned. */
  state: 'active' | 'blocked';
}

export interface GlToken {
  id: number;
  token: string;
  name: string;
  userId: number;
  scopes: string[];
  createdAt: string;
  /** YYYY-MM-DD or null. */
  expiresAt: string | null;
  revoked: boolean;
  /** Expired tokens are refused with 401 everywhere. */
  expired: boolean;
}

export type StatusCategoryValue = 'triage' | 'to_do' | 'in_progress' | 'done' | 'canceled';

/** A work-item Status (GitLab 18.2+): configured per top-level group; system-defined or custom. */
export interface GlStatus {
  id: number;
  name: string;
  category: StatusCategoryValue;
  color: string;
  iconName: string;
  systemDefined: boolean;
}

export interface GlGroup {
  id: number;
  fullPath: string;
  name: string;
  parentId: number | null;
  tier: Tier;
  /** userId → access level; inherited by subgroups and their projects. */
  members: Record<number, number>;
  /** Top-level groups only: the statuses issues below it may have; absent where Status is off (labels only). */
  statuses?: GlStatus[];
}

export interface GlProject {
  id: number;
  fullPath: string;
  name: string;
  description: string;
  namespaceId: number;
  tier: Tier;
  createdAt: string;
  /** userId → access level. */
  members: Record<number, number>;
}

export interface GlLabel {
  id: number;
  /** Owner: a project id or a group id. */
  projectId: number | null;
  groupId: number | null;
  name: string;
  color: string;
  description: string | null;
  priority: number | null;
}

export interface GlMilestone {
  id: number;
  iid: number;
  groupId: number;
  title: string;
  description: string;
  state: 'active' | 'closed';
  startDate: string | null;
  dueDate: string | null;
  createdAt: string;
}

export interface GlIssue {
  id: number;
  projectId: number;
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  issueType: 'issue' | 'incident' | 'task';
  authorId: number;
  assigneeIds: number[];
  labels: string[];
  milestoneId: number | null;
  /** Stored even on Free (as after a downgrade); only shown from Premium up. */
  weight: number | null;
  healthStatus: HealthStatusValue | null;
  epicId: number | null;
  confidential: boolean;
  dueDate: string | null;
  upvotes: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedById: number | null;
  /** Set once the issue was promoted to an epic (it can be promoted only once). */
  promotedToEpicId: number | null;
  /** GitLab Status (only below a top-level group with statuses). */
  statusId?: number | null;
  /** The work item this one is a child of (a task under an issue): the hierarchy widget's parent. */
  parentIssueId?: number | null;
}

export type NoteableType = 'Issue' | 'Epic' | 'MergeRequest';

export interface GlNote {
  id: number;
  noteableType: NoteableType;
  /** Global id of the issue, epic or merge request. */
  noteableId: number;
  body: string;
  authorId: number;
  system: boolean;
  internal: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface GlMergeRequest {
  id: number;
  projectId: number;
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'merged' | 'closed';
  authorId: number;
  assigneeIds: number[];
  sourceBranch: string;
  targetBranch: string;
  labels: string[];
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  /** Global issue ids this MR mentions (related) and closes on merge. */
  relatesTo: number[];
  closes: number[];
}

export interface GlEpic {
  id: number;
  workItemId: number;
  groupId: number;
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  authorId: number;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  /** Ultimate: the epic work item's health status widget. */
  healthStatus?: HealthStatusValue | null;
}

export interface GlIssueLink {
  id: number;
  sourceId: number;
  targetId: number;
  /** Seen from the source: `blocks` means source blocks target. */
  linkType: 'relates_to' | 'blocks';
  createdAt: string;
}

export interface GlBoard {
  id: number;
  projectId: number;
  name: string;
  /** Label names, one list each (plus Open and Closed). */
  lists: string[];
}

/** What this instance's GraphQL schema has of Status, to test clients against older or odd instances. */
export interface StatusSchema {
  /** WorkItemStatus.category and allowedStatuses exist (18.2+); false answers them as unknown fields, as 17.11 did. */
  read: boolean;
  /** WorkItemUpdateInput.statusWidget exists; false answers it as an undefined input field. */
  mutation: boolean;
  /** The mutation answers success but stores nothing (a status that does not stick). */
  dropWrites: boolean;
}

/** A custom field of a top-level group (Premium+; GraphQL only). */
export interface GlCustomField {
  id: number;
  groupId: number;
  name: string;
  fieldType: 'number' | 'text' | 'single_select' | 'multi_select';
  /** Archived fields keep their values but are neither listed as active nor written. */
  active: boolean;
}

export interface GlCustomFieldValue {
  issueId: number;
  fieldId: number;
  value: number | string;
}

export interface GitlabState {
  version: string;
  statusSchema: StatusSchema;
  users: GlUser[];
  tokens: GlToken[];
  groups: GlGroup[];
  projects: GlProject[];
  labels: GlLabel[];
  milestones: GlMilestone[];
  issues: GlIssue[];
  notes: GlNote[];
  mergeRequests: GlMergeRequest[];
  epics: GlEpic[];
  links: GlIssueLink[];
  boards: GlBoard[];
  customFields: GlCustomField[];
  customFieldValues: GlCustomFieldValue[];
  /**
   * What this instance's GraphQL schema has: `customFields` false is a GitLab before custom fields (or with the
   * feature off), whose schema lacks the fields and the `customFieldsWidget` argument. `descendantCounts` false is a
   * GitLab before 17.3, without the hierarchy widget's `rolledUpCountsByType`.
   */
  features: { customFields: boolean; epicWorkItems: boolean; descendantCounts: boolean };
  /** Next global ids, per table. */
  seq: { issue: number; note: number; label: number; epic: number; workItem: number; link: number };
  /** Requests per token in the current rate-limit window (RateLimit-* headers). */
  rate: Map<string, { windowStart: number; count: number }>;
}

export const nowIso = (): string => new Date().toISOString();

/** GitLab's scoped-label key: everything before the last `::` (nested scopes keep their prefix). */
export function labelScope(name: string): string | null {
  const at = name.lastIndexOf('::');
  return at > 0 ? name.slice(0, at) : null;
}

export const tierAtLeast = (tier: Tier, min: Tier): boolean =>
  ({ free: 0, premium: 1, ultimate: 2 })[tier] >= { free: 0, premium: 1, ultimate: 2 }[min];
