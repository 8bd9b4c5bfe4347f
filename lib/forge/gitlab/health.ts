// Health status is not writable through REST: GitLab's UI sets it with the GraphQL `updateIssue` mutation, so do we.
import { ForgeError } from '../errors';
import { errorFromStatus, networkError } from '../http-errors';
import { fetchNoRedirect } from '../redirects';
import type { HealthStatus } from '../model';
import { toHealthStatus } from './map';

const ENUM: Record<HealthStatus, string> = { on_track: 'onTrack', needs_attention: 'needsAttention', at_risk: 'atRisk' };

const MUTATION = `mutation RefinerySetHealthStatus($input: UpdateIssueInput!) {
  updateIssue(input: $input) { issue { iid healthStatus } errors }
}`;

interface GqlAnswer {
  data?: { updateIssue?: { issue?: { healthStatus?: string | null } | null; errors?: string[] } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Thrown when this GitLab cannot set health status through GraphQL at all (no endpoint, older schema). */
export class GraphqlUnavailable extends Error {}

const PERMISSION = /you don't have permission|does not exist or you don't have/i;
const NO_ARGUMENT = /doesn't accept argument|argumentNotAccepted|Field 'healthStatus' doesn't exist|undefinedField/i;

export async function setHealthStatusGraphql(baseUrl: string, token: string, projectPath: string, iid: number, status: HealthStatus | null): Promise<HealthStatus | null> {
  let res: Response;
  try {
    res = await fetchNoRedirect(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MUTATION, variables: { input: { projectPath, iid: String(iid), healthStatus: status ? ENUM[status] : null } } }),
    });
  } catch (e) {
    throw e instanceof ForgeError ? e : networkError(e);
  }
  if (res.status === 404) throw new GraphqlUnavailable('GraphQL endpoint not found');
  let answer: GqlAnswer = {};
  try {
    answer = (await res.json()) as GqlAnswer;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  const firstError = answer.errors?.[0];
  if (!res.ok) throw errorFromStatus(res.status, (h) => res.headers.get(h), firstError?.message);
  if (firstError) {
    const text = answer.errors!.map((e) => e.message).join('; ');
    if (NO_ARGUMENT.test(text) || NO_ARGUMENT.test(firstError.extensions?.code ?? '')) throw new GraphqlUnavailable(text);
    if (PERMISSION.test(text)) throw new ForgeError('forbidden', `Your token may read this issue but not change its health status (${text}).`);
    throw new ForgeError('invalid', `GitLab refused the health status (${text}).`);
  }
  const result = answer.data?.updateIssue;
  if (result?.errors?.length) throw new ForgeError('invalid', `GitLab refused the health status (${result.errors.join('; ')}).`);
  const saved = toHealthStatus(result?.issue?.healthStatus);
  // EE below Ultimate drops the argument without an error: the issue comes back unchanged.
  if (saved !== status) throw new ForgeError('invalid', 'GitLab did not store the health status: it needs GitLab Ultimate.');
  return saved;
}
