// Epics as work items (GitLab 18.1+; the Epics REST API is deprecated and gets no new fields): an epic's rolled-up
// weight and its health status are read and written through the work-item GraphQL API. GitLab's Epic type has the
// weight widget read-only and rolled up from its descendants (`weight: { editable: false, rollup: true }` in
// gitlab-org/gitlab app/models/work_items/system_defined/types/epic.rb) and the health status widget where it is
// licensed (Ultimate); it has no Status widget. A schema without these names (older GitLab, epics not yet work
// items) answers GraphQL errors: GraphqlUnavailable, and the epic stays on REST and labels as before.
import { ForgeError } from '../errors';
import type { HealthStatus } from '../model';
import { postGraphql, SCHEMA_LACKS_NAME, type GraphqlFeature } from './graphql';
import { toHealthStatus } from './map';

const FIELDS = `id
    widgets {
      ... on WorkItemWidgetWeight { weight rolledUpWeight rolledUpCompletedWeight widgetDefinition { editable rollUp } }
      ... on WorkItemWidgetHealthStatus { healthStatus }
    }`;

export const EPIC_READ = `query RefineryEpicWorkItem($group: ID!, $iid: String!) {
  namespace(fullPath: $group) { workItem(iid: $iid) { ${FIELDS} } }
}`;

export const EPIC_HEALTH = `mutation RefinerySetEpicHealth($input: WorkItemUpdateInput!) {
  workItemUpdate(input: $input) { workItem { ${FIELDS} } errors }
}`;

const EPIC: GraphqlFeature = {
  unknown: SCHEMA_LACKS_NAME,
  change: 'its health status',
  refused: 'the epic’s health status',
};

const ENUM: Record<HealthStatus, string> = { on_track: 'onTrack', needs_attention: 'needsAttention', at_risk: 'atRisk' };

export interface EpicFields {
  workItemId: string;
  /** GitLab's weight of the epic's descendants (all, and closed ones); null where it gives none. */
  rolledUpWeight: { total: number; completed: number | null } | null;
  /** null where the epic has no health status widget (below Ultimate). */
  health: { value: HealthStatus | null } | null;
}

type Raw = Record<string, unknown> | null | undefined;
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

export function epicFieldsOf(item: Raw): EpicFields | null {
  if (!item || typeof item.id !== 'string') return null;
  const widgets = Array.isArray(item.widgets) ? item.widgets.filter((w): w is Record<string, unknown> => !!w && typeof w === 'object') : [];
  const weight = widgets.find((w) => 'rolledUpWeight' in w || 'weight' in w);
  const health = widgets.find((w) => 'healthStatus' in w);
  const total = count(weight?.rolledUpWeight);
  return {
    workItemId: item.id.slice(0, 256),
    rolledUpWeight: total === null ? null : { total, completed: count(weight?.rolledUpCompletedWeight) },
    health: health ? { value: toHealthStatus(typeof health.healthStatus === 'string' ? health.healthStatus : null) } : null,
  };
}

/** The epic's work-item fields; null where GitLab has no such work item for the token. */
export async function readEpic(baseUrl: string, token: string, groupPath: string, iid: number): Promise<EpicFields | null> {
  const data = (await postGraphql(baseUrl, token, EPIC_READ, { group: groupPath, iid: String(iid) }, EPIC)) as { namespace?: { workItem?: Raw } | null } | null;
  return epicFieldsOf(data?.namespace?.workItem);
}

/** `workItemUpdate(healthStatusWidget)`; answers the fields GitLab holds afterwards (the caller compares). */
export async function setEpicHealth(baseUrl: string, token: string, workItemId: string, status: HealthStatus | null): Promise<EpicFields | null> {
  const input = { id: workItemId, healthStatusWidget: { healthStatus: status ? ENUM[status] : null } };
  const data = (await postGraphql(baseUrl, token, EPIC_HEALTH, { input }, EPIC)) as { workItemUpdate?: { workItem?: Raw; errors?: string[] | null } | null } | null;
  const result = data?.workItemUpdate;
  if (result?.errors?.length) throw new ForgeError('invalid', `GitLab refused the epic’s health status (${result.errors.join('; ')}).`);
  return epicFieldsOf(result?.workItem);
}
