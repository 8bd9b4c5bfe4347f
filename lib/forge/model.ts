// The one model both forges are mapped to. Schemas double as the protocol's validators.
import * as z from '@/lib/zod';

export const forgeKind = z.deferred(() => z.enum(['gitlab', 'github']));
export type ForgeKind = z.infer<typeof forgeKind>;

/** A GitLab namespace or project path segment (GitLab's own rule: letters, digits, `_`, `.`, `-`, not first `-`). */
const GITLAB_SEGMENT = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;
/** A GitHub user or organization name (at most 39 characters). */
const GITHUB_OWNER = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,38}$/;
const GITHUB_REPOSITORY = /^[A-Za-z0-9_.-]{1,100}$/;
const isDotSegment = (s: string) => s === '.' || s === '..';

/**
 * Why a container path cannot be sent to the forge, or null when it can: GitLab paths are segments of GitLab's
 * characters (a project lives in a namespace, so two at least), GitHub paths exactly `owner/repository` (an
 * organization alone for a group). Never `.` or `..`, never control characters: a ref must not reach another API route.
 */
export function containerPathProblem(forge: ForgeKind, container: 'project' | 'group', path: string): string | null {
  const segments = path.split('/');
  if (forge === 'gitlab') {
    if (segments.some((s) => !GITLAB_SEGMENT.test(s) || isDotSegment(s))) return `"${printable(path)}" is not a GitLab path.`;
    if (container === 'project' && segments.length < 2) return `"${printable(path)}" is not a GitLab project path (namespace/project).`;
    return null;
  }
  if (container === 'group') return segments.length === 1 && GITHUB_OWNER.test(path) ? null : `"${printable(path)}" is not a GitHub organization.`;
  const [owner, repo] = segments;
  return segments.length === 2 && GITHUB_OWNER.test(owner!) && GITHUB_REPOSITORY.test(repo!) && !isDotSegment(repo!)
    ? null
    : `"${printable(path)}" is not a GitHub owner/repository path.`;
}

/** The path for a message: at most 200 characters, control characters shown as `?`. */
const printable = (text: string) =>
  Array.from(text.slice(0, 200), (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '?' : c)).join('');

/** Why a base URL cannot be a forge's, or null: http(s), a host, no credentials, no query, no fragment. */
export function baseUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'The base URL is not a URL.';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'The base URL must start with https://.';
  if (u.hostname === '') return 'The base URL has no host.';
  if (u.username !== '' || u.password !== '') return 'The base URL must not hold a user name or password.';
  if (u.search !== '' || url.includes('?')) return 'The base URL must not have a query (?…).';
  if (u.hash !== '' || url.includes('#')) return 'The base URL must not have a fragment (#…).';
  return null;
}

/** Loopback hosts: a token sent there over http:// does not cross a network. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  // The URL parser writes 127.1 or 0x7f.0.0.1 as 127.0.0.1, and IPv6 hosts in brackets.
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An http:// base URL that is not loopback: a token sent there can be read by anyone on the network. */
export function isInsecureBaseUrl(url: string): boolean {
  return /^http:/i.test(url.trim()) && !isLoopbackUrl(url.trim());
}

/** What the user must confirm before a token goes over http:// to `host`. */
export function insecureWarning(url: string): string {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // the text as typed
  }
  return `Send my token unencrypted over http:// to ${host}: anyone on the network can read it`;
}

/** A forge's base URL as the protocol accepts it (see baseUrlProblem). */
export const forgeBaseUrl = z.deferred(() =>
  z.url({ protocol: /^https?$/ }).check(
    z.superRefine((url: string, ctx) => {
      const problem = baseUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: url });
    }),
  ),
);

/** Which issue: a connection (its base URL), a container path and the number users see (iid / #n). */
export const issueRef = z.deferred(() =>
  z
    .object({
      forge: forgeKind,
      /** Connection base URL without trailing slash, e.g. https://gitlab.com or https://host/gitlab. */
      baseUrl: forgeBaseUrl,
      /** `project` for GitLab project issues and GitHub repos; `group` for GitLab epics / group work items. */
      container: z.enum(['project', 'group']),
      /** GitLab full path (`group/sub/project`) or GitHub `owner/repo`; see containerPathProblem. */
      path: z.string().check(z.minLength(1), z.maxLength(1024)),
      iid: z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
      /** `epic` for GitLab epics (group work items are epics). */
      kind: z._default(z.enum(['issue', 'epic']), 'issue'),
    })
    .check(
      z.superRefine((ref, ctx) => {
        const problem = containerPathProblem(ref.forge, ref.container, ref.path);
        if (problem) ctx.addIssue({ code: 'custom', path: ['path'], message: problem, input: ref.path });
      }),
    ),
);
export type IssueRef = z.infer<typeof issueRef>;

export const user = z.deferred(() =>
  z.object({
    id: z.number().check(z.int()),
    username: z.string(),
    name: z.string(),
    avatarUrl: z.nullable(z.string()),
    webUrl: z.nullable(z.string()),
  }),
);
export type User = z.infer<typeof user>;

export const healthStatus = z.deferred(() => z.enum(['on_track', 'needs_attention', 'at_risk']));
export type HealthStatus = z.infer<typeof healthStatus>;

/** The handbook's weights. Anything else is refused by the protocol. */
export const weightValue = z.deferred(() => z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(5)]));
export type WeightValue = z.infer<typeof weightValue>;

/** GitLab Status categories (WorkItemStatusCategoryEnum, lower-cased): done and canceled close the item. */
export const statusCategory = z.deferred(() => z.enum(['triage', 'to_do', 'in_progress', 'done', 'canceled']));
export type StatusCategory = z.infer<typeof statusCategory>;

/** A GitLab work-item Status (18.2+, Premium/Ultimate): its global id is what the mutation takes. */
export const workItemStatus = z.deferred(() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(256)),
    name: z.string().check(z.minLength(1), z.maxLength(255)),
    category: statusCategory,
    color: z.optional(z.string().check(z.maxLength(64))),
    iconName: z.optional(z.string().check(z.maxLength(64))),
  }),
);
export type WorkItemStatus = z.infer<typeof workItemStatus>;
/** A split weight as a native number field holds it: a whole number ≥ 0 (other numbers read as unset). */
const splitWeight = z.deferred(() => z.number().check(z.int(), z.nonnegative(), z.lte(1_000_000)));

export const issue = z.deferred(() =>
  z.object({
    ref: issueRef,
    title: z.string(),
    description: z.string(),
    state: z.enum(['opened', 'closed']),
    labels: z.array(z.string()),
    /** The forge's own weight field; null when unset or the tier has none (see capabilities). */
    weight: z.nullable(z.number().check(z.int(), z.nonnegative())),
    healthStatus: z.nullable(healthStatus),
    milestone: z.nullable(z.object({ id: z.number().check(z.int()), title: z.string() })),
    assignees: z.array(user),
    /** GitLab issue_type / work item type, GitHub issue type name, lower-cased ("issue", "bug", "epic"…). */
    type: z.string(),
    webUrl: z.string(),
    updatedAt: z.string(),
    /** GitLab Status where the namespace has statuses (capabilities.statuses); absent elsewhere. */
    status: z.optional(workItemStatus),
    /**
     * Backend / frontend weights read from native fields (a GitHub organisation's issue fields, a GitLab group's custom
     * fields) where capabilities.splitWeightFields names them; absent where they are `backend-weight::N` labels.
     */
    splitWeights: z.optional(z.object({ backend: z.nullable(splitWeight), frontend: z.nullable(splitWeight) })),
    /** GitLab epics (work items): the weight GitLab rolls up from the epic's descendants, and from closed ones. */
    rolledUpWeight: z.optional(
      z.object({ total: z.number().check(z.int(), z.nonnegative()), completed: z.nullable(z.number().check(z.int(), z.nonnegative())) }),
    ),
  }),
);
export type Issue = z.infer<typeof issue>;
export type SplitSide = 'backend' | 'frontend';

export const note = z.deferred(() =>
  z.object({
    id: z.number().check(z.int()),
    body: z.string(),
    author: user,
    createdAt: z.string(),
    updatedAt: z.string(),
    system: z.boolean(),
  }),
);
export type Note = z.infer<typeof note>;

/** A merge request related to a GitLab issue, or a pull request linked to a GitHub issue. */
export const linkedChange = z.deferred(() =>
  z.object({
    /** `!123` (GitLab, `group/project!123` when in another project) or `#123` (GitHub, `owner/repo#123` likewise). */
    reference: z.string(),
    iid: z.number().check(z.int()),
    title: z.string(),
    state: z.string(),
    webUrl: z.string(),
  }),
);
export type LinkedChange = z.infer<typeof linkedChange>;

/** What the project's forge and tier can store natively; anything missing falls back to labels. */
export const capabilities = z.deferred(() =>
  z.object({
    /** GitLab Premium+: issue weight field. */
    weight: z.boolean(),
    /** GitLab Ultimate: health status field. */
    healthStatus: z.boolean(),
    /** GitLab Premium+: the forge itself keeps `scope::` labels exclusive. */
    scopedLabels: z.boolean(),
    /** GitLab Premium+: epics (promote to epic). */
    epics: z.boolean(),
    /**
     * GitHub: the organisation's number issue field that holds the weight (`weight` is then true); absent where the
     * weight is GitLab's own field or a label.
     */
    weightField: z.optional(z.string().check(z.maxLength(256))),
    /** GitLab 18.2+ Premium/Ultimate: the statuses the issue's namespace allows; absent where the workflow is labels. */
    statuses: z.optional(z.array(workItemStatus).check(z.maxLength(100))),
    /**
     * The native fields holding the backend / frontend weight (GitHub organisation issue fields, GitLab group custom
     * fields), by name; a side without one uses its `backend-weight::N` / `frontend-weight::N` label.
     */
    splitWeightFields: z.optional(
      z.object({
        backend: z.optional(z.string().check(z.maxLength(256))),
        frontend: z.optional(z.string().check(z.maxLength(256))),
      }),
    ),
  }),
);
export type Capabilities = z.infer<typeof capabilities>;

/**
 * A label's name. It ends up in request paths (GitHub removes a label by DELETE …/labels/{name}), where `.` and `..`,
 * also percent-encoded, are dot segments the URL parser resolves: `..` reached …/issues/1/ (found by the protocol fuzz
 * test). Such names and control characters are refused.
 */
export function labelNameProblem(name: string): string | null {
  if (/^\s*\.{1,2}\s*$/.test(name)) return 'a label cannot be named "." or ".."';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 'a label name cannot hold control characters';
  }
  return null;
}
const labelName = z.deferred(() =>
  z.string().check(
    z.minLength(1),
    z.maxLength(255),
    z.refine((name) => labelNameProblem(name) === null, { error: 'a label cannot be named "." or "..", nor hold control characters' }),
  ),
);
export const labelChange = z.deferred(() =>
  z.object({
    add: z._default(z.array(labelName).check(z.maxLength(50)), []),
    remove: z._default(z.array(labelName).check(z.maxLength(50)), []),
  }),
);
export type LabelChange = z.infer<typeof labelChange>;

/** A label as a project has it (for "Create the handbook's labels" and label pickers). Forge data: any name. */
export const labelDef = z.deferred(() =>
  z.object({
    name: z.string().check(z.minLength(1), z.maxLength(255)),
    /** `#rrggbb` */
    color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
    description: z.nullable(z.string().check(z.maxLength(500))),
  }),
);
export type LabelDef = z.infer<typeof labelDef>;

/** A label we ask the forge to create: its name goes into request paths later, so it is a `labelName`. */
export const newLabelDef = z.deferred(() => z.object({ ...labelDef.shape, name: labelName }));
