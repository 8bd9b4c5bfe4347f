// The one typed protocol between content scripts / extension pages and the background.
// Every request and response is zod-checked on both sides; failures arrive as typed states, never as throws.
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { forgeError, type ForgeErrorData } from './forge/errors';
import { capabilities, healthStatus, issue, issueRef, labelChange, labelDef, linkedChange, note, user, weightValue } from './forge/model';

export const connectionKind = z.enum(['gitlab', 'github']);

/** What the background tells about a connection: never the token, only whether one is set and its last four. */
export const connectionInfo = z.object({
  id: z.string(),
  kind: connectionKind,
  baseUrl: z.url(),
  hasToken: z.boolean(),
  tokenHint: z.string().max(8).nullable(),
  builtIn: z.boolean(),
});
export type ConnectionInfo = z.infer<typeof connectionInfo>;

const baseUrl = z
  .url({ protocol: /^https?$/ })
  .transform((u) => u.replace(/\/+$/, ''));

export const issueView = z.object({
  issue,
  capabilities,
});
export type IssueView = z.infer<typeof issueView>;

/** A write's outcome: the issue as the forge has it afterwards, and whether a native field or a label was used. */
export const writeResult = z.object({ issue, via: z.enum(['field', 'label']) });
export type WriteResult = z.infer<typeof writeResult>;

/** Method name → request and response schema. */
export const protocol = {
  getIssue: {
    request: z.object({
      ref: issueRef,
      /** What the page itself shows: a cached copy it contradicts is refetched. */
      hint: z.object({ title: z.string().max(1000).optional(), labels: z.array(z.string().max(255)).max(200).optional() }).optional(),
    }),
    response: issueView,
  },
  listNotes: { request: z.object({ ref: issueRef }), response: z.array(note) },
  listLinkedChanges: { request: z.object({ ref: issueRef }), response: z.array(linkedChange) },
  changeLabels: { request: z.object({ ref: issueRef, change: labelChange }), response: issue },
  /** The handbook weight: the issue's weight field where the tier has one, else an exclusive `weight::N` label. */
  setWeight: { request: z.object({ ref: issueRef, weight: weightValue.nullable() }), response: writeResult },
  /** Health status: the field on GitLab Ultimate, else an exclusive `health::…` label. */
  setHealthStatus: { request: z.object({ ref: issueRef, status: healthStatus.nullable() }), response: writeResult },
  listMembers: { request: z.object({ ref: issueRef }), response: z.array(user) },
  listLabels: { request: z.object({ ref: issueRef }), response: z.array(labelDef) },
  createLabels: {
    request: z.object({ ref: issueRef, level: z.enum(['project', 'group']), labels: z.array(labelDef).min(1).max(100) }),
    response: z.object({
      created: z.array(z.string()),
      existing: z.array(z.string()),
      failed: z.array(z.object({ name: z.string(), message: z.string() })),
    }),
  },
  createNote: { request: z.object({ ref: issueRef, body: z.string().min(1).max(1_000_000) }), response: note },
  updateNote: {
    request: z.object({ ref: issueRef, noteId: z.number().int().positive(), body: z.string().min(1).max(1_000_000) }),
    response: note,
  },
  listConnections: { request: z.object({}), response: z.array(connectionInfo) },
  saveConnection: {
    request: z.object({
      id: z.string().max(200).optional(),
      kind: connectionKind,
      baseUrl,
      /** Omitted or empty keeps the stored token. */
      token: z.string().max(500).optional(),
    }),
    response: connectionInfo,
  },
  removeConnection: { request: z.object({ id: z.string() }), response: z.object({ removed: z.boolean() }) },
  testConnection: {
    request: z.object({ id: z.string() }),
    response: z.object({ user, problems: z.array(z.string()) }),
  },
  /** Which connection (if any) serves a page's origin+path; lets content scripts build refs. */
  resolveConnection: {
    request: z.object({ url: z.url() }),
    response: connectionInfo.nullable(),
  },
  /** Content scripts cannot open the options page themselves. */
  openOptions: { request: z.object({}), response: z.object({ opened: z.boolean() }) },
} as const;

export type Protocol = typeof protocol;
export type Method = keyof Protocol;
export type Request<M extends Method> = z.input<Protocol[M]['request']>;
export type Response<M extends Method> = z.infer<Protocol[M]['response']>;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ForgeErrorData };

// On the wire every method carries an unknown payload: the schemas above, not the types, are the contract.
type Wire = Record<Method, (data: unknown) => unknown>;
const messenger = defineExtensionMessaging<Wire>();

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: forgeError }),
  ]);
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
    raw = await messenger.sendMessage(method as Method, parsed.data as unknown);
  } catch (e) {
    return { ok: false, error: { kind: 'unknown', message: `The extension's background did not answer: ${String(e)}` } };
  }
  const checked = resultSchema(spec.response).safeParse(raw);
  if (!checked.success) return invalid(`The background sent a malformed answer to ${method}.`);
  return checked.data as Result<Response<M>>;
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

export function serve(
  handlers: Handlers,
  isAllowed: Guard,
  toError: (e: unknown) => ForgeErrorData,
): () => void {
  const removers = (Object.keys(protocol) as Method[]).map((method) =>
    messenger.onMessage(method, async ({ data, sender }) => handle(method, data, sender, handlers, isAllowed, toError)),
  );
  return () => removers.forEach((r) => r());
}

export async function handle<M extends Method>(
  method: M,
  data: unknown,
  sender: Sender,
  handlers: Handlers,
  isAllowed: Guard,
  toError: (e: unknown) => ForgeErrorData,
): Promise<Result<Response<M>>> {
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
