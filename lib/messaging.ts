// The one typed protocol between content scripts / extension pages and the background.
// Every request and response is zod-checked on both sides; failures arrive as typed states, never as throws.
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from './zod';
import { forgeError, type ForgeErrorData } from './forge/errors';
import {
  capabilities,
  containerPathProblem,
  forgeBaseUrl,
  forgeKind,
  isInsecureBaseUrl,
  healthStatus,
  issue,
  issueRef,
  labelChange,
  labelDef,
  newLabelDef,
  linkedChange,
  note,
  statusCategory,
  user,
  weightValue,
} from './forge/model';
import { childrenRead } from './forge/children-model';
import { epicUpdateSchema, statusUpdateSchema } from './handbook/status/status-schemas';

export const connectionKind = z.deferred(() => z.enum(['gitlab', 'github']));

/** What the background tells about a connection: never the token, only whether one is set and its last four. */
export const connectionInfo = z.deferred(() =>
  z.object({
    id: z.string(),
    kind: connectionKind,
    baseUrl: z.url(),
    hasToken: z.boolean(),
    tokenHint: z.nullable(z.string().check(z.maxLength(8))),
    builtIn: z.boolean(),
  }),
);
export type ConnectionInfo = z.infer<typeof connectionInfo>;

const baseUrl = z.deferred(() =>
  z.pipe(
    forgeBaseUrl,
    z.transform((u: string) => u.replace(/\/+$/, '')),
  ),
);

export const issueView = z.deferred(() =>
  z.object({
    issue,
    capabilities,
  }),
);
export type IssueView = z.infer<typeof issueView>;

/** A write's outcome: the issue as the forge has it afterwards, and whether a native field or a label was used. */
export const writeResult = z.deferred(() => z.object({ issue, via: z.enum(['field', 'label']) }));
export type WriteResult = z.infer<typeof writeResult>;

const labelList = z.deferred(() => z.array(z.string()).check(z.maxLength(100)));
/** lib/handbook/weights/weight-move.ts WeightMove. */
const weightMove = z.deferred(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('move'), value: z.number().check(z.int(), z.nonnegative()), labels: labelList }),
    z.object({ kind: z.literal('drop-label'), value: z.number().check(z.int(), z.nonnegative()), labels: labelList }),
    z.object({ kind: z.literal('skip'), reason: z.string().check(z.maxLength(500)) }),
    z.object({ kind: z.literal('none') }),
  ]),
);

/** lib/handbook/workflow/status-move.ts StatusMove. */
const statusMove = z.deferred(() => {
  const status = z.object({ id: z.string().check(z.maxLength(256)), name: z.string().check(z.maxLength(255)), category: statusCategory });
  const label = z.string().check(z.maxLength(255));
  const stage = z.string().check(z.maxLength(255));
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('move'), label, stage, status, labels: labelList, closes: z.boolean() }),
    z.object({ kind: z.literal('drop-label'), label, stage, status, labels: labelList }),
    z.object({ kind: z.literal('skip'), reason: z.string().check(z.maxLength(500)) }),
    z.object({ kind: z.literal('none') }),
  ]);
});

// Async status updates: one logical update (its updateId, kept by the draft) is posted at most once, by the background.
const updateId = z.deferred(() =>
  z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{7,63}$/, { error: 'Malformed update id' })),
);
export const postStatusUpdateRequest = z.deferred(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('status'), ref: issueRef, updateId, update: statusUpdateSchema }),
    z.object({ kind: z.literal('epic'), ref: issueRef, updateId, update: epicUpdateSchema }),
  ]),
);
export const postedUpdate = z.deferred(() =>
  z.object({
    note,
    /** created: posted now; confirmed: a failed try had landed after all; existing: posted earlier (a retry, another tab). */
    outcome: z.enum(['created', 'confirmed', 'existing']),
    /** field: GitLab's health status (Ultimate); label: an exclusive `health::` label; none: no health given. */
    healthVia: z.enum(['field', 'label', 'none']),
    /** The issue after the update (health changed), or null when it was not read again. */
    issue: z.nullable(issue),
    /** Why the health status was not set although the comment is posted; null otherwise. */
    healthError: z.nullable(z.string()),
  }),
);
export type PostedUpdate = z.infer<typeof postedUpdate>;

// Capacity (lists feature): the signed-in user and the team list from the options, against the handbook's budget.
export const capacityRequest = z.deferred(() =>
  z.object({
    forge: forgeKind,
    baseUrl,
    /** A project / repository or GitLab group (the page the popup was opened on), or everything the token sees. */
    container: z.nullable(
      z.object({ kind: z.enum(['project', 'group']), path: z.string().check(z.minLength(1), z.maxLength(1024)) }),
    ),
    usernames: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(255))).check(z.maxLength(20)),
    /** Add the token's own user first. */
    includeMe: z.boolean(),
    milestone: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(255))),
  }).check(
    z.superRefine((req, ctx) => {
      const problem = req.container && containerPathProblem(req.forge, req.container.kind, req.container.path);
      if (problem) ctx.addIssue({ code: 'custom', path: ['container', 'path'], message: problem, input: req.container });
    }),
  ),
);
export const capacityReport = z.deferred(() =>
  z.object({
    milestones: z.array(z.string()),
    people: z.array(
      z.object({
        username: z.string(),
        me: z.boolean(),
        /** Sum of the weights (a complete backend/frontend split counts as its sum). */
        total: z.number().check(z.nonnegative()),
        count: z.number().check(z.int(), z.nonnegative()),
        unweighted: z.array(z.object({ ref: issueRef, title: z.string(), webUrl: z.string() })),
        /** More than 100 issues: only the first 100 are counted. */
        truncated: z.boolean(),
        error: z.nullable(forgeError),
      }),
    ),
  }),
);
export type CapacityReport = z.infer<typeof capacityReport>;

/** A comment's Markdown as the forges take it. */
const noteBody = z.deferred(() => z.string().check(z.minLength(1), z.maxLength(1_000_000)));
const noteId = z.deferred(() => z.number().check(z.int(), z.positive()));

/** Method name → request and response schema. */
export const protocol = {
  getIssue: {
    request: z.deferred(() =>
      z.object({
        ref: issueRef,
        /** What the page itself shows: a cached copy it contradicts is refetched. */
        hint: z.optional(
          z.object({
            title: z.optional(z.string().check(z.maxLength(1000))),
            labels: z.optional(z.array(z.string().check(z.maxLength(255))).check(z.maxLength(200))),
          }),
        ),
      }),
    ),
    response: issueView,
  },
  /** `fresh` skips the background's read cache (a comment may have been posted through the page itself). */
  listNotes: {
    request: z.deferred(() => z.object({ ref: issueRef, fresh: z._default(z.boolean(), false) })),
    response: z.deferred(() => z.array(note)),
  },
  listLinkedChanges: {
    request: z.deferred(() => z.object({ ref: issueRef })),
    response: z.deferred(() => z.array(linkedChange)),
  },
  /**
   * The Plan section: a parent's children (GitLab hierarchy, GitHub sub-issues or a tracking issue's task list) with
   * their fields and newest comments, one GraphQL request per page; read-only, through the read cache unless `fresh`.
   */
  listChildren: {
    request: z.deferred(() => z.object({ ref: issueRef, fresh: z._default(z.boolean(), false) })),
    response: childrenRead,
  },
  changeLabels: { request: z.deferred(() => z.object({ ref: issueRef, change: labelChange })), response: issue },
  /** The handbook weight: the issue's weight field where the tier has one, else an exclusive `weight::N` label. */
  setWeight: {
    request: z.deferred(() => z.object({ ref: issueRef, weight: z.nullable(weightValue) })),
    response: writeResult,
  },
  /** One issue of "Move weight labels to the weight field": planned on fresh data, field read back before the label goes. */
  moveWeightLabel: {
    request: z.deferred(() => z.object({ ref: issueRef })),
    response: z.deferred(() => z.object({ move: weightMove, issue })),
  },
  /** One issue of "Move workflow labels to Status": planned on fresh data, status read back before the labels go. */
  moveWorkflowLabel: {
    request: z.deferred(() => z.object({ ref: issueRef })),
    response: z.deferred(() => z.object({ move: statusMove, issue })),
  },
  /** GitHub: the issue types the organisation defines for this repository (empty where there are none). */
  listIssueTypes: {
    request: z.deferred(() => z.object({ ref: issueRef })),
    response: z.deferred(() => z.array(z.object({ name: z.string().check(z.maxLength(256)), description: z.nullable(z.string()) }))),
  },
  /** GitHub: sets the issue's type (null clears it), read back. */
  setIssueType: {
    request: z.deferred(() => z.object({ ref: issueRef, type: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(256))) })),
    response: issue,
  },
  /** Break down on GitHub: a new issue in the same repository, added as a sub-issue of `ref` (never created twice). */
  createSubIssue: {
    request: z.deferred(() => z.object({ ref: issueRef, title: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)) })),
    response: z.deferred(() => z.object({ issue, linked: z.boolean(), problem: z.nullable(z.string()) })),
  },
  /**
   * A backend or frontend weight: the native field capabilities.splitWeightFields names (GitHub issue field, GitLab
   * custom field), else an exclusive `backend-weight::N` / `frontend-weight::N` label.
   */
  setSplitWeight: {
    request: z.deferred(() => z.object({ ref: issueRef, side: z.enum(['backend', 'frontend']), weight: z.nullable(weightValue) })),
    response: writeResult,
  },
  /** Health status: the field on GitLab Ultimate, else an exclusive `health::…` label. */
  setHealthStatus: {
    request: z.deferred(() => z.object({ ref: issueRef, status: z.nullable(healthStatus) })),
    response: writeResult,
  },
  /** GitLab Status (capabilities.statuses): the status of that global id, read back; done/canceled close the issue. */
  setStatus: {
    request: z.deferred(() => z.object({ ref: issueRef, statusId: z.string().check(z.minLength(1), z.maxLength(256)) })),
    response: issue,
  },
  listMembers: { request: z.deferred(() => z.object({ ref: issueRef })), response: z.deferred(() => z.array(user)) },
  listLabels: { request: z.deferred(() => z.object({ ref: issueRef })), response: z.deferred(() => z.array(labelDef)) },
  createLabels: {
    request: z.deferred(() =>
      z.object({
        ref: issueRef,
        level: z.enum(['project', 'group']),
        labels: z.array(newLabelDef).check(z.minLength(1), z.maxLength(100)),
      }),
    ),
    response: z.deferred(() =>
      z.object({
        created: z.array(z.string()),
        existing: z.array(z.string()),
        failed: z.array(z.object({ name: z.string(), message: z.string() })),
      }),
    ),
  },
  createNote: { request: z.deferred(() => z.object({ ref: issueRef, body: noteBody })), response: note },
  updateNote: {
    request: z.deferred(() => z.object({ ref: issueRef, noteId, body: noteBody })),
    response: note,
  },
  /** The forge's own rendering of Markdown in the issue's context; the HTML is unsanitized (sanitize before showing). */
  renderMarkdown: {
    request: z.deferred(() => z.object({ ref: issueRef, text: noteBody })),
    response: z.deferred(() => z.object({ html: z.string() })),
  },
  /** The token's user on the issue's forge. */
  currentUser: { request: z.deferred(() => z.object({ ref: issueRef })), response: user },
  postStatusUpdate: { request: postStatusUpdateRequest, response: postedUpdate },
  // Refinement checklist: the comment is edited only by the background, re-read and merged item by item.
  /** The issue's comments and open blockers (null: the forge cannot say); `fresh` skips the background's read cache. */
  getChecklist: {
    request: z.deferred(() => z.object({ ref: issueRef, fresh: z._default(z.boolean(), false) })),
    response: z.deferred(() =>
      z.object({
        notes: z.array(note),
        blockers: z.nullable(z.number().check(z.int(), z.nonnegative())),
        blockersError: z.nullable(z.string()),
      }),
    ),
  },
  /** Ticks/unticks boxes of the checklist comment; `base` is its body as the page saw it. not-found: it was deleted. */
  tickChecklist: {
    request: z.deferred(() =>
      z.object({
        ref: issueRef,
        noteId,
        base: noteBody,
        ticks: z
          .array(z.object({ itemText: z.string().check(z.minLength(1), z.maxLength(2000)), checked: z.boolean() }))
          .check(z.minLength(1), z.maxLength(50)),
      }),
    ),
    response: z.deferred(() => z.object({ note, changed: z.array(z.string()), dropped: z.array(z.string()) })),
  },
  /** Posts the handbook's checklist comment (or re-posts `body`), unless a readable one exists: then that one, created false. */
  startRefinement: {
    request: z.deferred(() =>
      z.object({
        ref: issueRef,
        kind: z.enum(['issue', 'bug']),
        ticks: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(50)), []),
        body: z.optional(noteBody),
      }),
    ),
    response: z.deferred(() => z.object({ note, created: z.boolean() })),
  },
  listConnections: { request: z.deferred(() => z.object({})), response: z.deferred(() => z.array(connectionInfo)) },
  saveConnection: {
    request: z.deferred(() =>
      z.object({
        id: z.optional(z.string().check(z.maxLength(200))),
        kind: connectionKind,
        baseUrl,
        /** Omitted or empty keeps the stored token. */
        token: z.optional(z.string().check(z.maxLength(500))),
        /** The user confirmed sending the token over http:// to a host that is not loopback (insecureWarning). */
        allowInsecure: z.optional(z.boolean()),
      }).check(
        z.superRefine((req, ctx) => {
          // A new connection; an existing one keeps the confirmation it was saved with (the background checks both).
          if (req.id === undefined && isInsecureBaseUrl(req.baseUrl) && req.allowInsecure !== true) {
            ctx.addIssue({
              code: 'custom',
              path: ['baseUrl'],
              message: 'An http:// address sends the token unencrypted: use https://, or confirm the risk.',
              input: req.baseUrl,
            });
          }
        }),
      ),
    ),
    response: connectionInfo,
  },
  removeConnection: {
    request: z.deferred(() => z.object({ id: z.string() })),
    response: z.deferred(() => z.object({ removed: z.boolean() })),
  },
  testConnection: {
    request: z.deferred(() => z.object({ id: z.string() })),
    response: z.deferred(() => z.object({ user, problems: z.array(z.string()) })),
  },
  /** Which connection (if any) serves a page's origin+path; lets content scripts build refs. */
  resolveConnection: {
    request: z.deferred(() => z.object({ url: z.url() })),
    response: z.deferred(() => z.nullable(connectionInfo)),
  },
  /** Content scripts cannot open the options page themselves. */
  openOptions: {
    request: z.deferred(() => z.object({})),
    response: z.deferred(() => z.object({ opened: z.boolean() })),
  },
  // Weight validation on list pages, and capacity in the popup: bulk reads, never one request per issue.
  /** A list page's issues by number (≤100, one connection): `missing` are those that do not exist or the token cannot read. */
  listIssues: {
    request: z.deferred(() => z.object({ refs: z.array(issueRef).check(z.minLength(1), z.maxLength(100)) })),
    response: z.deferred(() => z.object({ issues: z.array(issueView), missing: z.array(issueRef) })),
  },
  /** Per person, the weights of the issues assigned in a milestone (null: the current one) and those without weight. */
  capacity: { request: capacityRequest, response: capacityReport },
} as const;

export type Protocol = typeof protocol;
export type Method = keyof Protocol;
export type Request<M extends Method> = z.input<Protocol[M]['request']>;
export type Response<M extends Method> = z.infer<Protocol[M]['response']>;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ForgeErrorData };

// On the wire every method carries an unknown payload: the schemas above, not the types, are the contract.
type Wire = Record<Method, (data: unknown) => unknown>;
const messenger = defineExtensionMessaging<Wire>();

/**
 * Checks the background's answer: `{ ok: true, data }` against the method's response schema, `{ ok: false, error }`
 * against the error schema. Two plain parses, not a union schema per method: the page builds fewer schemas.
 */
function checkAnswer(method: Method, raw: unknown): Result<unknown> | null {
  const answer = raw as { ok?: unknown; data?: unknown; error?: unknown } | null;
  if (typeof answer !== 'object' || answer === null) return null;
  if (answer.ok === true) {
    const data = protocol[method].response.safeParse(answer.data);
    return data.success ? { ok: true, data: data.data } : null;
  }
  if (answer.ok === false) {
    const error = forgeError.safeParse(answer.error);
    return error.success ? { ok: false, error: error.data } : null;
  }
  return null;
}

function invalid(message: string): { ok: false; error: ForgeErrorData } {
  return { ok: false, error: { kind: 'invalid', message } };
}

/** Calls the background. Never throws: transport failures and malformed answers become error results. */
export async function call<M extends Method>(method: M, params: Request<M>): Promise<Result<Response<M>>> {
  const spec = protocol[method];
  const parsed = spec.request.safeParse(params);
  if (!parsed.success) return invalid(`Refused before sending: ${z.prettifyError(parsed.error)}`);
  let raw: unknown;
  try {
    const answer = messenger.sendMessage(method as Method, parsed.data as unknown);
    z.prepare(spec.response); // while the background works, not once its answer is here
    raw = await answer;
  } catch (e) {
    return {
      ok: false,
      error: { kind: 'unknown', message: `The extension's background did not answer: ${String(e)}` },
    };
  }
  const checked = checkAnswer(method, raw);
  if (!checked) return invalid(`The background sent a malformed answer to ${method}.`);
  return checked as Result<Response<M>>;
}

export type Handlers = { [M in Method]: (params: z.infer<Protocol[M]['request']>) => Promise<Response<M>> };

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Serves the protocol in the background. `isAllowed` decides who may talk to us; `toError` maps thrown
 * errors to typed states. Requests are validated before the handler runs, responses before they leave.
 */
export type Guard = (sender: Sender, method: Method, params: unknown) => boolean | Promise<boolean>;

/**
 * Whether a message type names one of our methods: an own key of the protocol table. `constructor`, `toString`,
 * `__proto__` and the like are keys of every object's prototype, and a plain lookup would find them.
 */
export function isMethod(type: unknown): type is Method {
  return typeof type === 'string' && Object.hasOwn(protocol, type);
}

/** What the background listens with: `browser.runtime` or a stand-in. */
export interface MessageSource {
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}
type MessageListener = (message: unknown, sender: Sender, sendResponse: (response: unknown) => void) => boolean | undefined;

/**
 * Serves the protocol: one runtime listener that answers our envelope (`{ id, type, data, timestamp }`, as
 * @webext-core/messaging sends it) with `{ res: Result }`. The type is checked against our own method table before
 * anything else: @webext-core/messaging's own dispatcher looks types up in a plain object, so `constructor` or
 * `toString` reached Object's methods past the schema and the guard.
 */
export function serve(
  handlers: Handlers,
  isAllowed: Guard,
  toError: (e: unknown) => ForgeErrorData,
  source: MessageSource = chrome.runtime as unknown as MessageSource,
): () => void {
  const listener: MessageListener = (message, sender, sendResponse) => {
    const envelope = message as { type?: unknown; timestamp?: unknown; data?: unknown } | null;
    // Not our envelope: not ours to answer.
    if (typeof envelope !== 'object' || envelope === null || typeof envelope.type !== 'string' || typeof envelope.timestamp !== 'number') {
      return false;
    }
    const type = envelope.type;
    if (!isMethod(type)) {
      sendResponse({ res: invalid(`Refused: "${type.slice(0, 100)}" is not a Refinery message.`) });
      return false;
    }
    void handle(type, envelope.data, sender, handlers, isAllowed, toError)
      .catch((e: unknown) => ({ ok: false as const, error: toError(e) }))
      .then((res) => sendResponse({ res }));
    return true;
  };
  source.onMessage.addListener(listener);
  return () => source.onMessage.removeListener(listener);
}

export async function handle<M extends Method>(
  method: M,
  data: unknown,
  sender: Sender,
  handlers: Handlers,
  isAllowed: Guard,
  toError: (e: unknown) => ForgeErrorData,
): Promise<Result<Response<M>>> {
  if (!isMethod(method)) return invalid('Refused: not a Refinery message.');
  const spec = protocol[method];
  const parsed = spec.request.safeParse(data);
  if (!parsed.success) return invalid(`Refused: ${z.prettifyError(parsed.error)}`);
  if (!(await isAllowed(sender, method, parsed.data))) {
    return { ok: false, error: { kind: 'forbidden', message: `Refused: ${method} is not allowed from this sender.` } };
  }
  try {
    const result = await (handlers[method] as (p: unknown) => Promise<unknown>)(parsed.data);
    const out = spec.response.safeParse(result);
    if (!out.success) return invalid(`Internal: ${method} produced a malformed answer.`);
    return { ok: true, data: out.data as Response<M> };
  } catch (e) {
    return { ok: false, error: toError(e) };
  }
}
