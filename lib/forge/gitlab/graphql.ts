// POST /api/graphql for the adapter's GraphQL features (health status, Status, custom fields): the token as Bearer, no
// redirect, HTTP failures as ForgeErrors, and GraphQL errors sorted into "this GitLab's schema lacks it" (the caller
// falls back), "your token may not" and "refused", each worded for the feature.
import { ForgeError } from '../errors';
import { errorFromStatus, networkError } from '../http-errors';
import { fetchNoRedirect } from '../redirects';

/**
 * Errors saying the schema lacks a name a query uses (a field, argument, type or input field): an older GitLab, or a
 * feature off. Covers the names of Status, custom fields and epic work items alike.
 */
export const SCHEMA_LACKS_NAME = /doesn't exist on type|undefinedField|doesn't accept argument|argumentNotAccepted|is not defined on|No such type|undefinedType/i;

/** Thrown where this GitLab cannot do a feature through GraphQL at all (no endpoint, an older schema). */
export class GraphqlUnavailable extends Error {}

export interface GraphqlFeature {
  /** Error messages or codes saying the schema lacks a name the query uses. */
  unknown: RegExp;
  /** "its health status": what a token without the right may not change. */
  change: string;
  /** "the health status": what GitLab refused. */
  refused: string;
  /** The error for an unavailable feature (a subclass callers tell apart); GraphqlUnavailable by default. */
  Unavailable?: new (message: string) => Error;
}

interface GqlAnswer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const PERMISSION = /you don't have permission|does not exist or you don't have/i;

/** The answer's `data`; every failure thrown as above. */
export async function postGraphql(baseUrl: string, token: string, query: string, variables: Record<string, unknown>, feature: GraphqlFeature): Promise<unknown> {
  const Unavailable = feature.Unavailable ?? GraphqlUnavailable;
  let res: Response;
  try {
    res = await fetchNoRedirect(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw e instanceof ForgeError ? e : networkError(e);
  }
  if (res.status === 404) throw new Unavailable('GraphQL endpoint not found');
  let answer: GqlAnswer = {};
  try {
    answer = (await res.json()) as GqlAnswer;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!res.ok) throw errorFromStatus(res.status, (h) => res.headers.get(h), answer.errors?.[0]?.message);
  if (answer.errors?.length) {
    const text = answer.errors.map((e) => e.message).join('; ');
    if (feature.unknown.test(text) || answer.errors.some((e) => feature.unknown.test(e.extensions?.code ?? ''))) throw new Unavailable(text);
    if (PERMISSION.test(text)) throw new ForgeError('forbidden', `Your token may read this issue but not change ${feature.change} (${text}).`);
    throw new ForgeError('invalid', `GitLab refused ${feature.refused} (${text}).`);
  }
  return answer.data;
}
