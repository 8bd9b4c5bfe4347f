// The one model both forges are mapped to. Schemas double as the protocol's validators.
import * as z from '@/lib/zod';

export const forgeKind = z.deferred(() => z.enum(['gitlab', 'github']));
export type ForgeKind = z.infer<typeof forgeKind>;

/** Which issue: a connection (its base URL), a container path and the number users see (iid / #n). */
export const issueRef = z.deferred(() =>
  z.object({
    forge: forgeKind,
    /** Connection base URL without trailing slash, e.g. https://gitlab.com or https://host/gitlab. */
    baseUrl: z.url({ protocol: /^https?$/ }),
    /** `project` for GitLab project issues and GitHub repos; `group` for GitLab epics / group work items. */
    container: z.enum(['project', 'group']),
    /** GitLab full path (`group/sub/project`) or GitHub `owner/repo`. */
    path: z.string().check(z.minLength(1), z.maxLength(1024)),
    iid: z.number().check(z.int(), z.positive()),
    /** `epic` for GitLab epics (group work items are epics). */
    kind: z._default(z.enum(['issue', 'epic']), 'issue'),
  }),
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
  }),
);
export type Issue = z.infer<typeof issue>;

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
  }),
);
export type Capabilities = z.infer<typeof capabilities>;

const labelName = z.deferred(() => z.string().check(z.minLength(1), z.maxLength(255)));
export const labelChange = z.deferred(() =>
  z.object({
    add: z._default(z.array(labelName).check(z.maxLength(50)), []),
    remove: z._default(z.array(labelName).check(z.maxLength(50)), []),
  }),
);
export type LabelChange = z.infer<typeof labelChange>;

/** A label as a project has it (for "Create the handbook's labels" and label pickers). */
export const labelDef = z.deferred(() =>
  z.object({
    name: labelName,
    /** `#rrggbb` */
    color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
    description: z.nullable(z.string().check(z.maxLength(500))),
  }),
);
export type LabelDef = z.infer<typeof labelDef>;
