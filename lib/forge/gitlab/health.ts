// Health status is not writable through REST: GitLab's UI sets it with the GraphQL `updateIssue` mutation, so do we.
import { ForgeError } from '../errors';
import type { HealthStatus } from '../model';
import { GraphqlUnavailable, postGraphql, type GraphqlFeature } from './graphql';
import { toHealthStatus } from './map';

const ENUM: Record<HealthStatus, string> = { on_track: 'onTrack', needs_attention: 'needsAttention', at_risk: 'atRisk' };

const MUTATION = `mutation RefinerySetHealthStatus($input: UpdateIssueInput!) {
  updateIssue(input: $input) { issue { iid healthStatus } errors }
}`;

/** A schema without the argument (EE below 15.x, CE): the quick action is the way there. */
const HEALTH: GraphqlFeature = {
  unknown: /doesn't accept argument|argumentNotAccepted|Field 'healthStatus' doesn't exist|undefinedField/i,
  change: 'its health status',
  refused: 'the health status',
};

export { GraphqlUnavailable };

export async function setHealthStatusGraphql(baseUrl: string, token: string, projectPath: string, iid: number, status: HealthStatus | null): Promise<HealthStatus | null> {
  const variables = { input: { projectPath, iid: String(iid), healthStatus: status ? ENUM[status] : null } };
  const data = (await postGraphql(baseUrl, token, MUTATION, variables, HEALTH)) as {
    updateIssue?: { issue?: { healthStatus?: string | null } | null; errors?: string[] } | null;
  } | null;
  const result = data?.updateIssue;
  if (result?.errors?.length) throw new ForgeError('invalid', `GitLab refused the health status (${result.errors.join('; ')}).`);
  const saved = toHealthStatus(result?.issue?.healthStatus);
  // EE below Ultimate drops the argument without an error: the issue comes back unchanged.
  if (saved !== status) throw new ForgeError('invalid', 'GitLab did not store the health status: it needs GitLab Ultimate.');
  return saved;
}
