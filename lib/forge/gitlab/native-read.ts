// An issue view's one GraphQL request on GitLab Premium+: the work item's Status with the statuses its type allows,
// and its values in the top-level group's split-weight custom fields (the group's fields too on the group's first
// view). Asked separately they cost two requests beside the REST read, over the budget of 2 per view (issue 17).
// A schema that lacks either name refuses the whole query: NativeUnavailable, and the caller asks each feature alone
// to learn which one this GitLab has.
import { CUSTOM_VALUES_WIDGET, GROUP_NUMBER_FIELDS, splitFieldsOf, topGroupOf, valuesOf, type FieldNodes, type RawWorkItem, type SplitFields, type SplitValues } from './custom-fields';
import { postGraphql, SCHEMA_LACKS_NAME, type GraphqlFeature } from './graphql';
import { ALLOWED_STATUSES, STATUS_WIDGET, statusReadOf, type StatusRead } from './status';

/** The group's split fields: known (asked before), or to be detected with this read. */
export type FieldsAsk = SplitFields | 'detect';

export interface NativeRead {
  /** null: GitLab has no such work item for the token. */
  status: StatusRead | null;
  /** The group's split fields (null: it has neither). */
  fields: SplitFields | null;
  values: SplitValues | null;
}

export class NativeUnavailable extends Error {}

const NATIVE: GraphqlFeature = {
  unknown: SCHEMA_LACKS_NAME,
  change: 'its status or custom fields',
  refused: 'the status and custom fields request',
  Unavailable: NativeUnavailable,
};

export function nativeQuery(fields: FieldsAsk): string {
  const detect = fields === 'detect';
  return `query RefineryWorkItemNative($project: ID!, $iid: String!${detect ? ', $group: ID!' : ''}) {
  ${detect ? `group(fullPath: $group) { ${GROUP_NUMBER_FIELDS} }` : ''}
  namespace(fullPath: $project) { workItem(iid: $iid) { id
    widgets { ${STATUS_WIDGET} ${CUSTOM_VALUES_WIDGET} }
    ${ALLOWED_STATUSES}
  } }
}`;
}

/** The issue's status and split values in one request; every failure thrown as postGraphql sorts it. */
export async function readNative(baseUrl: string, token: string, projectPath: string, iid: number, fields: FieldsAsk): Promise<NativeRead> {
  const detect = fields === 'detect';
  const variables = { project: projectPath, iid: String(iid), ...(detect ? { group: topGroupOf(projectPath) } : {}) };
  const data = (await postGraphql(baseUrl, token, nativeQuery(fields), variables, NATIVE)) as {
    group?: { customFields?: { nodes?: FieldNodes } | null } | null;
    namespace?: { workItem?: (RawWorkItem & Record<string, unknown>) | null } | null;
  } | null;
  const item = data?.namespace?.workItem;
  const known = detect ? splitFieldsOf(data?.group?.customFields?.nodes) : fields;
  return { status: statusReadOf(item), fields: known, values: known ? valuesOf(item, known) : null };
}
