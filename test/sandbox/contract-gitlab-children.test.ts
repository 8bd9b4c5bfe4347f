// The children read (issue 18) asks GitLab only names its GraphQL reference documents (../shared/reference/gitlab),
// except the connection and note basics the excerpt does not hold, listed here by name; the sandbox answers the query
// with the documented shapes (enum values, widgets by tier).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHILD_FIELDS, childrenQuery, deeperQuery } from '../../lib/forge/gitlab/children';
import { startSandbox, type Sandbox } from './server';

const REFERENCE = join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'gitlab', 'graphql-work-items.md');

describe('GitLab GraphQL reference: the children read', () => {
  it('documents every work-item name the query uses', () => {
    expect(existsSync(REFERENCE), `GitLab's GraphQL reference is expected at ${REFERENCE}`).toBe(true);
    const doc = readFileSync(REFERENCE, 'utf8');
    const anchors = [
      'namespaceworkitemiid', 'workitemid', 'workitemiid', 'workitemtitle', 'workitemstate', 'workitemclosedat', 'workitemweburl',
      'workitemreferencefull', 'workitemworkitemtype', 'workitemtypename', 'workitemwidgetsonlytypes',
      'workitemwidgethierarchychildren', 'workitemwidgetweightweight', 'workitemwidgetweightrolledupweight',
      'workitemwidgetweightrolledupcompletedweight', 'workitemwidgethealthstatushealthstatus', 'workitemwidgetlabelslabels',
      'workitemwidgetnotesnotesfilter', 'workitemwidgethierarchyrolledupcountsbytype', 'workitemcustomfieldvaluecustomfield',
      'workitemnumberfieldvaluecustomfield', 'customfieldname', 'workitemwidgetlinkeditemsblocked', 'workitemwidgetlinkeditemsblockedbycount', 'workitemstateopen', 'workitemstateclosed', 'healthstatusontrack', 'healthstatusneedsattention', 'healthstatusatrisk',
    ];
    expect(anchors.filter((a) => !doc.includes(`<a id="${a}"></a>`))).toEqual([]);
    expect(doc).toContain('ALL_NOTES, ONLY_COMMENTS, ONLY_ACTIVITY');
    const query = childrenQuery();
    for (const used of [
      'namespace(fullPath: $path) { workItem(iid: $iid)',
      '... on WorkItemWidgetWeight { weight rolledUpWeight rolledUpCompletedWeight }',
      '... on WorkItemWidgetHierarchy { children(first: 100, after: $after)',
      'reference(full: true) workItemType { name }',
      '... on WorkItemWidgetHealthStatus { healthStatus }',
      '... on WorkItemWidgetLabels { labels(first: 50)',
      '... on WorkItemWidgetNotes { notes(last: 5, filter: ONLY_COMMENTS)',
      '... on WorkItemWidgetHierarchy { rolledUpCountsByType { countsByState { all } } }',
      '... on WorkItemWidgetLinkedItems { blocked blockedByCount }',
      '... on WorkItemWidgetCustomFields { customFieldValues { customField { id name } ... on WorkItemNumberFieldValue { value } } }',
    ]) {
      expect(query).toContain(used);
    }
    // Not in the excerpt, GitLab-wide basics: connections' `count`, `pageInfo { hasNextPage endCursor }` and `nodes`,
    // Label.title, Note.body / createdAt / system / author.username. Nothing else is asked.
    const names = new Set((query.replace(/\([^)]*\)/g, '').replace(/\.\.\. on \w+/g, '').match(/\b[a-zA-Z]\w*\b/g) ?? []));
    const documented = new Set(['query', 'RefineryWorkItemChildren', 'ID', 'String', 'namespace', 'workItem', 'id', 'widgets', 'weight', 'rolledUpWeight', 'rolledUpCompletedWeight', 'children', 'iid', 'title', 'state', 'closedAt', 'webUrl', 'reference', 'workItemType', 'name', 'healthStatus', 'labels', 'notes', 'blocked', 'blockedByCount']);
    const basics = new Set(['count', 'pageInfo', 'hasNextPage', 'endCursor', 'nodes', 'body', 'createdAt', 'system', 'author', 'username']);
    // The custom field values as custom-fields.ts reads them (its contract test checks them), and the descendant
    // counts' type, which the excerpt names but does not describe: `WorkItemTypeCountsByState.countsByState` of
    // `WorkItemStateCounts { all opened closed }` (gitlab-org/gitlab
    // app/graphql/types/work_items/work_item_type_counts_by_state_type.rb).
    const elsewhere = new Set(['rolledUpCountsByType', 'countsByState', 'all', 'customFieldValues', 'customField', 'value']);
    expect([...names].filter((n) => !documented.has(n) && !basics.has(n) && !elsewhere.has(n))).toEqual([]);
    expect(CHILD_FIELDS).not.toContain('description'); // children's descriptions are not read: comments only
    // The deeper request asks the same names, one aliased `namespace { workItem }` per item.
    // The deeper request: the same names under `workItemsByReference(contextNamespacePath, refs)`.
    expect(doc).toContain('<a id="queryworkitemsbyreferencerefs"></a>');
    expect(doc).toContain('<a id="queryworkitemsbyreferencecontextnamespacepath"></a>');
    const deeper = deeperQuery();
    expect(deeper).toContain('workItemsByReference(contextNamespacePath: $path, refs: $refs) { nodes { reference(full: true) widgets {');
    const deeperNames = new Set((deeper.replace(/\([^)]*\)/g, '').replace(/\.\.\. on \w+/g, '').match(/\b[a-zA-Z]\w*\b/g) ?? []));
    const extra = ['RefineryWorkItemDescendants', 'workItemsByReference'];
    expect([...deeperNames].filter((n) => !documented.has(n) && !basics.has(n) && !elsewhere.has(n) && !extra.includes(n))).toEqual([]);
  });
});

describe('sandbox GitLab children', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  const gql = (variables: Record<string, unknown>) =>
    fetch(`${sandbox.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sandbox-gitlab-token' },
      body: JSON.stringify({ query: childrenQuery(), variables }),
    }).then(async (r) => (await r.json()) as { data: { namespace: { workItem: { widgets: Record<string, unknown>[] } | null } | null } });

  it('answers with the documented enum values and widgets by tier', async () => {
    const { data } = await gql({ path: 'acme/platform', iid: '2', after: null });
    const children = data.namespace!.workItem!.widgets.find((w) => 'children' in w)!.children as { count: number; nodes: { state: string; widgets: Record<string, unknown>[] }[] };
    expect(children.count).toBe(6);
    expect(new Set(children.nodes.map((n) => n.state))).toEqual(new Set(['OPEN']));
    const health = children.nodes.flatMap((n) => n.widgets.filter((w) => 'healthStatus' in w).map((w) => w.healthStatus));
    expect(health.every((h) => h === null || ['onTrack', 'needsAttention', 'atRisk'].includes(h as string))).toBe(true);
    expect((await gql({ path: 'acme/platform', iid: '99', after: null })).data.namespace!.workItem).toBeNull();
    expect((await gql({ path: 'acme/platform/backend', iid: '3', after: null })).data.namespace!.workItem).not.toBeNull();
  });
});
