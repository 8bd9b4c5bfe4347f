// The sandbox's GitLab custom fields answer Refinery's own GraphQL operations as GitLab documents them: every field,
// argument and enum value the operations use is in GitLab's GraphQL reference (../shared/reference/gitlab), and the
// sandbox's answers have the documented shapes and tier rules.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DETECT, UPDATE, VALUES } from '../../lib/forge/gitlab/custom-fields';
import { listNativeQuery } from '../../lib/forge/gitlab/list-native';
import { nativeQuery } from '../../lib/forge/gitlab/native-read';
import { startSandbox, type Sandbox } from './server';

const REFERENCE = join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'gitlab', 'graphql-work-items.md');

describe('GitLab GraphQL reference', () => {
  it('documents every name the custom-field operations use', () => {
    expect(existsSync(REFERENCE), `GitLab's GraphQL reference is expected at ${REFERENCE}`).toBe(true);
    const doc = readFileSync(REFERENCE, 'utf8');
    // The reference's anchors are type + field (+ argument), lower-cased.
    const anchors = [
      'groupcustomfieldsactive', 'groupcustomfieldsfieldtype', 'customfieldtypenumber', 'customfieldid', 'customfieldname', 'customfieldfieldtype',
      'namespaceworkitemiid', 'projectworkitemsiids', 'workitemwidgetcustomfieldscustomfieldvalues',
      'workitemnumberfieldvaluecustomfield', 'workitemnumberfieldvaluevalue',
      'mutationworkitemupdateid', 'mutationworkitemupdatecustomfieldswidget', 'mutationworkitemupdateworkitem', 'mutationworkitemupdateerrors',
      'workitemwidgetcustomfieldvalueinputtypecustomfieldid', 'workitemwidgetcustomfieldvalueinputtypenumbervalue',
    ];
    expect(anchors.filter((a) => !doc.includes(`<a id="${a}"></a>`))).toEqual([]);
    // …and the operations use exactly those names.
    for (const name of ['customFields(active: true, fieldType: NUMBER', 'workItem(iid: $iid)', 'WorkItemWidgetCustomFields', 'customFieldValues', 'WorkItemNumberFieldValue']) {
      expect(DETECT + VALUES).toContain(name);
    }
    const list = listNativeQuery({ groupFields: true, values: true, status: true, allowed: true });
    expect(list).toContain('customFields(active: true, fieldType: NUMBER');
    expect(list).toContain('workItems(iids: $iids, first: 100) { nodes { iid id widgets { ');
    expect(list).toContain('... on WorkItemWidgetCustomFields { customFieldValues { customField { id name } ... on WorkItemNumberFieldValue { value } } }');
    expect(UPDATE).toMatch(/workItemUpdate\(input: \$input\) \{ workItem \{[\s\S]*\} errors \}/);
    expect(UPDATE).toContain('WorkItemUpdateInput!');
  });
});

describe('GitLab GraphQL reference: a list page\'s Status', () => {
  it('documents every name the list query uses for Status, except `category` (GitLab 18.2+, newer than the reference: an unknown field is detected at run time)', () => {
    const doc = readFileSync(REFERENCE, 'utf8');
    const anchors = [
      'projectworkitemsiids', 'workitemiid', 'workitemid', 'workitemwidgetstatusstatus', 'workitemwidgetstatustype',
      'workitemstatusid', 'workitemstatusname', 'workitemstatuscolor', 'workitemstatusiconname', 'workitemworkitemtype',
      'workitemtypewidgetdefinitions', 'workitemwidgetdefinitionstatusallowedstatuses', 'workitemwidgetdefinitionstatustype',
    ];
    expect(anchors.filter((a) => !doc.includes(`<a id="${a}"></a>`))).toEqual([]);
    expect(doc).not.toContain('<a id="workitemstatuscategory"></a>');
    // The GraphQL-only list read: the work item's fields and the widgets the reference documents.
    const full = [
      'workitemtitle', 'workitemstate', 'workitemweburl', 'workitemupdatedat', 'workitemtypename', 'workitemstateopen', 'workitemstateclosed',
      'workitemwidgetlabelslabels', 'workitemwidgetlabelstype', 'workitemwidgetweightweight', 'workitemwidgetweighttype',
      'workitemwidgethealthstatushealthstatus', 'workitemwidgethealthstatustype', 'healthstatusontrack', 'healthstatusneedsattention', 'healthstatusatrisk',
    ];
    expect(full.filter((a) => !doc.includes(`<a id="${a}"></a>`))).toEqual([]);
    // WorkItemWidgetDescription, -Assignees and -Milestone are only named there (as WorkItemWidget's implementations),
    // without their fields: those come from GitLab's published reference, and the adapter falls back to REST on a
    // schema that lacks them.
    for (const type of ['WorkItemWidgetDescription', 'WorkItemWidgetAssignees', 'WorkItemWidgetMilestone']) expect(doc).toContain(`[\`${type}\`]`);
    for (const type of ['DESCRIPTION', 'ASSIGNEES', 'MILESTONE', 'LABELS', 'WEIGHT', 'HEALTH_STATUS']) expect(doc).toContain(`<a id="workitemwidgettype${type.toLowerCase()}"></a>`);
    const list = listNativeQuery({ groupFields: false, values: false, status: true, allowed: true });
    for (const name of ['... on WorkItemWidgetStatus { type status { id name category color iconName } }', 'workItemType { widgetDefinitions { ... on WorkItemWidgetDefinitionStatus { type allowedStatuses']) {
      expect(list).toContain(name);
    }
  });
});

/** The answers' shapes, loosely: each test reads what its operation selected. */
interface Answer {
  data?: {
    group?: { customFields: { nodes: unknown[] } } | null;
    namespace?: { workItem: { id: string; widgets: { customFieldValues?: unknown[] }[] } } | null;
    workItemUpdate?: { errors: string[] };
  };
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('sandbox GitLab custom fields', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  const gql = (query: string, variables: Record<string, unknown>, token = 'sandbox-gitlab-token') =>
    fetch(`${sandbox.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Answer }));
  const portalTwo = () => sandbox.gitlab.state.issues.find((i) => i.projectId === 1010 && i.iid === 2)!;

  it("a Premium group's number fields, and the work item's values in its custom fields widget", async () => {
    const { status, body } = await gql(DETECT, { group: 'initech', project: 'initech/portal', iid: '2' });
    expect(status).toBe(200);
    expect(body.data!.group!.customFields.nodes).toEqual([
      { id: 'gid://gitlab/Issuables::CustomField/41', name: 'Backend weight', fieldType: 'NUMBER' },
      { id: 'gid://gitlab/Issuables::CustomField/42', name: 'Frontend weight', fieldType: 'NUMBER' },
    ]);
    const item = body.data!.namespace!.workItem;
    expect(item.id).toBe(`gid://gitlab/WorkItem/${portalTwo().id}`);
    const values = item.widgets.flatMap((w) => w.customFieldValues ?? []);
    expect(values).toEqual([
      { customField: { id: 'gid://gitlab/Issuables::CustomField/41', name: 'Backend weight', fieldType: 'NUMBER' }, value: 2 },
      { customField: { id: 'gid://gitlab/Issuables::CustomField/42', name: 'Frontend weight', fieldType: 'NUMBER' }, value: 3 },
      { customField: { id: 'gid://gitlab/Issuables::CustomField/43', name: 'Team', fieldType: 'SINGLE_SELECT' } },
    ]);
  });

  it('a group without custom fields lists none; a project the token cannot see is null', async () => {
    const acme = await gql(DETECT, { group: 'acme', project: 'acme/platform/backend', iid: '1' });
    expect(acme.body.data!.group!.customFields.nodes).toEqual([]);
    expect(acme.body.data!.namespace!.workItem.widgets.flatMap((w) => w.customFieldValues ?? [])).toEqual([]);
    expect((await gql(VALUES, { project: 'nobody/secret', iid: '1' })).body.data!.namespace).toBeNull();
  });

  it('workItemUpdate sets and clears a number field, and answers the work item', async () => {
    const id = `gid://gitlab/WorkItem/${portalTwo().id}`;
    const set = await gql(UPDATE, { input: { id, customFieldsWidget: [{ customFieldId: 'gid://gitlab/Issuables::CustomField/41', numberValue: 5 }] } });
    expect(set.body.data!.workItemUpdate!.errors).toEqual([]);
    expect(sandbox.gitlab.state.customFieldValues.filter((v) => v.issueId === portalTwo().id)).toEqual(expect.arrayContaining([{ issueId: portalTwo().id, fieldId: 41, value: 5 }]));
    await gql(UPDATE, { input: { id, customFieldsWidget: [{ customFieldId: 'gid://gitlab/Issuables::CustomField/41', numberValue: null }] } });
    expect(sandbox.gitlab.state.customFieldValues.filter((v) => v.issueId === portalTwo().id).map((v) => v.fieldId)).toEqual([42]);
    const unknown = await gql(UPDATE, { input: { id, customFieldsWidget: [{ customFieldId: 'gid://gitlab/Issuables::CustomField/999', numberValue: 1 }] } });
    expect(unknown.body.data!.workItemUpdate!.errors[0]).toMatch(/not found/);
    const reporter = await gql(UPDATE, { input: { id, customFieldsWidget: [{ customFieldId: 'gid://gitlab/Issuables::CustomField/41', numberValue: 1 }] } }, 'sandbox-gitlab-reporter');
    expect(reporter.body.errors![0]!.message).toMatch(/you don't have permission/);
  });

  it("a project's work items by iid, each with its custom field values", async () => {
    const { body } = await gql(listNativeQuery({ groupFields: false, values: true, status: false, allowed: false }), { project: 'initech/portal', iids: ['2', '1'] });
    const nodes = (body.data as unknown as { project: { workItems: { nodes: { iid: string; widgets: { customFieldValues?: { value?: unknown }[] }[] }[] } } }).project.workItems.nodes;
    expect(nodes.map((n) => [n.iid, n.widgets.flatMap((w) => w.customFieldValues ?? []).map((v) => v.value)])).toEqual([
      ['1', [null, null, undefined]],
      ['2', [2, 3, undefined]],
    ]);
  });

  it("a list page's query in a group with Status: each work item's status and its type's allowed statuses; custom fields off leave it answering", async () => {
    sandbox.gitlab.state.features.customFields = false;
    const { body } = await gql(listNativeQuery({ groupFields: false, values: false, status: true, allowed: true }), { project: 'globex/app', iids: ['1', '3'] });
    const nodes = (body.data as unknown as { project: { workItems: { nodes: { iid: string; widgets: { status?: { name: string; category: string } | null }[]; workItemType: { widgetDefinitions: { allowedStatuses?: unknown[] }[] } }[] } } }).project.workItems.nodes;
    expect(nodes.map((n) => [n.iid, n.widgets.find((w) => 'status' in w)?.status?.category ?? null])).toEqual([['1', 'TO_DO'], ['3', null]]);
    expect(nodes[0]!.workItemType.widgetDefinitions.find((d) => d.allowedStatuses)?.allowedStatuses).toHaveLength(8);
    const asked = await gql(listNativeQuery({ groupFields: true, values: true, status: true, allowed: true }), { group: 'globex', project: 'globex/app', iids: ['1'] });
    expect(asked.body.errors![0]!.extensions?.code).toBe('undefinedField');
  });

  it('an instance without custom fields refuses the field and the argument as GraphQL does', async () => {
    sandbox.gitlab.state.features.customFields = false;
    const read = await gql(DETECT, { group: 'initech', project: 'initech/portal', iid: '2' });
    expect([read.status, read.body.data, read.body.errors![0]!.extensions?.code]).toEqual([200, undefined, 'undefinedField']);
    const write = await gql(UPDATE, { input: { id: 'gid://gitlab/WorkItem/1', customFieldsWidget: [] } });
    expect(write.body.errors![0]!.extensions?.code).toBe('argumentNotAccepted');
  });

  it("an issue view's one query: the group's fields, the work item's status, allowed statuses and values together", async () => {
    const { customFields, customFieldValues, issues } = sandbox.gitlab.state;
    customFields.push({ id: 51, groupId: 60, name: 'Backend weight', fieldType: 'number', active: true });
    const app1 = issues.find((i) => i.projectId === 1004 && i.iid === 1)!;
    customFieldValues.push({ issueId: app1.id, fieldId: 51, value: 2 });
    const { body } = await gql(nativeQuery('detect'), { group: 'globex', project: 'globex/app', iid: '1' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.group!.customFields.nodes).toEqual([{ id: 'gid://gitlab/Issuables::CustomField/51', name: 'Backend weight', fieldType: 'NUMBER' }]);
    const item = body.data!.namespace!.workItem as unknown as { widgets: Record<string, unknown>[]; workItemType: { widgetDefinitions: Record<string, unknown>[] } };
    expect(item.widgets.find((w) => 'status' in w)).toMatchObject({ type: 'STATUS', status: { name: 'Refinement', category: 'TO_DO' } });
    expect(item.widgets.flatMap((w) => (w.customFieldValues as unknown[] | undefined) ?? [])).toEqual([
      { customField: { id: 'gid://gitlab/Issuables::CustomField/51', name: 'Backend weight', fieldType: 'NUMBER' }, value: 2 },
    ]);
    expect(item.workItemType.widgetDefinitions.some((d) => Array.isArray(d.allowedStatuses) && d.allowedStatuses.length === 8)).toBe(true);
    // A schema without custom fields refuses the whole query, as GraphQL validation does.
    sandbox.gitlab.state.features.customFields = false;
    const refused = await gql(nativeQuery('detect'), { group: 'globex', project: 'globex/app', iid: '1' });
    expect([refused.body.data, refused.body.errors![0]!.extensions?.code]).toEqual([undefined, 'undefinedField']);
  });
});
