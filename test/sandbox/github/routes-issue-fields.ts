// REST routes for organisation issue fields and their values on issues (github.com since 2026; see @octokit/openapi):
// GET /orgs/{org}/issue-fields, and GET/POST/PUT …/issues/{n}/issue-field-values, DELETE …/{issue_field_id}.
// Repositories of a personal account, and organisations without the feature, have no fields: GitHub answers 404 for
// the organisation's list and drops values written there silently (the adapter must read them back).
import type { SandboxReply } from '../core';
import { ghError, writeRefusal } from './auth';
import { bodyObject, isReply, ok, param, repoFor, validationFailed, type Ctx, type Route } from './context';
import { issueFieldJson, issueFieldValuesJson } from './json';
import { touch } from './mutate';
import { findIssue, orgOf, type GhFieldValue, type GhIssueField } from './model';

const DOC = {
  fields: 'https://docs.github.com/rest/orgs/issue-fields#list-issue-fields-for-an-organization',
  values: 'https://docs.github.com/rest/issues/issue-field-values',
};

function listFields(ctx: Ctx, m: string[]): SandboxReply {
  const org = ctx.state.orgs.find((o) => o.login.toLowerCase() === param(m, 1).toLowerCase());
  if (!org) return ghError(404, 'Not Found', DOC.fields);
  if (ctx.id.kind === 'anonymous') return ghError(401, 'Requires authentication', DOC.fields);
  return ok(org.issueFields.map(issueFieldJson));
}

function issueOf(ctx: Ctx, m: string[]) {
  const found = repoFor(ctx, param(m, 1), param(m, 2), DOC.values);
  if (isReply(found)) return found;
  const issue = findIssue(found.repo, Number(m[3]));
  if (!issue || issue.pull) return ghError(404, 'Not Found', DOC.values);
  return { repo: found.repo, issue };
}

/** A value GitHub accepts for the field's type, or why not. */
function valueProblem(field: GhIssueField, value: unknown): string | null {
  switch (field.dataType) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${field.name} takes a number`;
    case 'single_select':
      return typeof value === 'string' && field.options?.some((o) => o.name === value) ? null : `${field.name} takes one of its options' names`;
    case 'multi_select':
      return 'the sandbox does not model multi-select values';
    default:
      return typeof value === 'string' ? null : `${field.name} takes a string`;
  }
}

function writeValues(replace: boolean) {
  return (ctx: Ctx, m: string[]): SandboxReply => {
    const found = issueOf(ctx, m);
    if (isReply(found)) return found;
    const refused = writeRefusal(ctx.id, found.repo, 'triage', DOC.values);
    if (refused) return refused;
    const list = bodyObject(ctx.req).issue_field_values;
    if (!Array.isArray(list) || list.length > 25) return validationFailed(DOC.values, [{ resource: 'IssueFieldValue', field: 'issue_field_values', code: 'invalid' }]);
    const fields = orgOf(ctx.state, found.repo)?.issueFields ?? [];
    const next: GhFieldValue[] = replace ? [] : [...(found.issue.fieldValues ?? [])];
    for (const entry of list as { field_id?: unknown; value?: unknown }[]) {
      const field = fields.find((f) => f.id === entry?.field_id);
      // No such field here (a personal repository, another organisation's field): dropped without a word, as GitHub does.
      if (!field) continue;
      const problem = valueProblem(field, entry.value);
      if (problem) return validationFailed(DOC.values, [{ resource: 'IssueFieldValue', field: 'value', code: 'invalid', message: problem }]);
      const at = next.findIndex((v) => v.fieldId === field.id);
      const value = { fieldId: field.id, value: entry.value as string | number };
      if (at >= 0) next[at] = value;
      else next.push(value);
    }
    found.issue.fieldValues = next;
    touch(found.issue);
    return ok(issueFieldValuesJson(ctx.state, found.repo, found.issue));
  };
}

function deleteValue(ctx: Ctx, m: string[]): SandboxReply {
  const found = issueOf(ctx, m);
  if (isReply(found)) return found;
  const refused = writeRefusal(ctx.id, found.repo, 'triage', DOC.values);
  if (refused) return refused;
  const id = Number(m[4]);
  const before = found.issue.fieldValues ?? [];
  if (!before.some((v) => v.fieldId === id)) return ghError(404, 'Not Found', DOC.values);
  found.issue.fieldValues = before.filter((v) => v.fieldId !== id);
  touch(found.issue);
  return { status: 204, body: null, headers: {} };
}

const VALUES = '^/repos/([^/]+)/([^/]+)/issues/(\\d+)/issue-field-values';
export const issueFieldRoutes: Route[] = [
  { method: 'GET', pattern: /^\/orgs\/([^/]+)\/issue-fields$/, doc: DOC.fields, handle: listFields },
  {
    method: 'GET',
    pattern: new RegExp(`${VALUES}$`),
    doc: DOC.values,
    handle: (ctx, m) => {
      const found = issueOf(ctx, m);
      return isReply(found) ? found : ok(issueFieldValuesJson(ctx.state, found.repo, found.issue));
    },
  },
  { method: 'POST', pattern: new RegExp(`${VALUES}$`), doc: DOC.values, handle: writeValues(false) },
  { method: 'PUT', pattern: new RegExp(`${VALUES}$`), doc: DOC.values, handle: writeValues(true) },
  { method: 'DELETE', pattern: new RegExp(`${VALUES}/(\\d+)$`), doc: DOC.values, handle: deleteValue },
];
