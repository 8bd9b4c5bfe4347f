// A small GraphQL v4 endpoint: enough of GitHub's schema for reading issues by number (repository.issue with labels,
// assignees, milestone, issue type; repository.issueOrPullRequest), issues by node id (`nodes(ids:)`), sub-issues at any
// depth, and issue searches (`search(type: ISSUE)`), with GitHub's answers for what goes wrong: NOT_FOUND next to the other data,
// validation errors without data (`undefinedField`, missing pagination boundaries), 401s, and the primary rate limit
// (HTTP 200, `RATE_LIMITED`, x-ratelimit-remaining 0). Served at `/api/graphql` (GitHub Enterprise Server) and, for the
// e2e mapping of api.github.com, at `/api/v3/graphql` when reached as github.com.
import type { SandboxReply, SandboxRequest } from '../core';
import { badCredentials, identify, repoAccess, type Identity } from './auth';
import { avatarUrl, nodeId } from './json';
import { findIssue, findRepo, findUser, findUserByLogin, orgOf, type GhComment, type GhIssue, type GhRepo, type GithubState } from './model';
import { bucketFor, rateHeaders, remaining } from './rate-limit';
import { issueMatches, qualifierOf, searchTerms } from './search';
import { basesOf, type Bases } from './urls';

// ---------------------------------------------------------------------------------------------------------------
// Parsing: operations with selection sets, aliases, arguments (literals and $variables), inline fragments.

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

interface Field {
  /** Set for fields of an inline fragment (`... on Issue { … }`): they apply to objects of that type only. */
  on?: string;
  alias: string;
  name: string;
  args: Record<string, Value>;
  selections: Field[] | null;
}

class GqlSyntaxError extends Error {}

const TOKEN = /\s+|#[^\n]*|,|\.\.\.|[{}():!$=[\]@]|-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.)*"|[_A-Za-z][_0-9A-Za-z]*/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new GqlSyntaxError(`Parse error on "${src.slice(at, at + 10)}"`);
    const t = m[0];
    if (!/^\s/.test(t) && t !== ',' && !t.startsWith('#')) out.push(t);
  }
  return out;
}

function parse(src: string, variables: Record<string, Value>): Field[] {
  const t = tokenize(src);
  let i = 0;
  const peek = () => t[i];
  const next = () => {
    if (i >= t.length) throw new GqlSyntaxError('Unexpected end of document');
    return t[i++]!;
  };
  const expect = (s: string) => {
    const got = next();
    if (got !== s) throw new GqlSyntaxError(`Expected "${s}", got "${got}"`);
  };
  const value = (): Value => {
    const tok = next();
    if (tok === '$') {
      const name = next();
      if (!(name in variables)) throw new GqlSyntaxError(`Variable $${name} was not provided`);
      return variables[name]!;
    }
    if (tok.startsWith('"')) return JSON.parse(tok) as string;
    if (/^-?\d/.test(tok)) return Number(tok);
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (tok === 'null') return null;
    if (tok === '[') {
      const list: Value[] = [];
      while (peek() !== ']') list.push(value());
      expect(']');
      return list;
    }
    if (tok === '{') {
      const obj: Record<string, Value> = {};
      while (peek() !== '}') {
        const k = next();
        expect(':');
        obj[k] = value();
      }
      expect('}');
      return obj;
    }
    return tok; // enum value
  };
  const selectionSet = (): Field[] => {
    expect('{');
    const fields: Field[] = [];
    while (peek() !== '}') {
      if (peek() === '...') {
        next();
        if (next() !== 'on') throw new GqlSyntaxError('Fragment spreads are not supported here');
        const on = next();
        fields.push(...selectionSet().map((f) => ({ ...f, on: f.on ?? on })));
        continue;
      }
      const alias = next();
      let name = alias;
      if (peek() === ':') {
        next();
        name = next();
      }
      const args: Record<string, Value> = {};
      if (peek() === '(') {
        next();
        while (peek() !== ')') {
          const k = next();
          expect(':');
          args[k] = value();
        }
        expect(')');
      }
      fields.push({ alias, name, args, selections: peek() === '{' ? selectionSet() : null });
    }
    expect('}');
    return fields;
  };
  if (peek() === 'query') {
    next();
    if (peek() !== '{' && peek() !== '(') next(); // operation name
    if (peek() === '(') {
      // Variable definitions: values come from the request's `variables`.
      let depth = 0;
      do {
        const tok = next();
        if (tok === '(') depth += 1;
        if (tok === ')') depth -= 1;
      } while (depth > 0);
    }
  } else if (peek() === 'mutation' || peek() === 'subscription' || peek() === 'fragment') {
    throw new GqlSyntaxError(`The sandbox answers queries only, not ${peek()}`);
  }
  const root = selectionSet();
  if (i !== t.length) throw new GqlSyntaxError(`Unexpected "${t[i]}" after the operation`);
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// Execution over sandbox state.

interface GqlError {
  message: string;
  type?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

interface Exec {
  state: GithubState;
  b: Bases;
  id: Identity;
  errors: GqlError[];
  /** Validation errors: GitHub answers them without data. */
  invalid: GqlError[];
}

type Obj = { type: string; fields: Record<string, (args: Record<string, Value>, path: (string | number)[]) => unknown> };

function connection(ex: Exec, field: string, args: Record<string, Value>, nodes: Obj[], type: string, totalCount = nodes.length): Obj | null {
  const first = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : null;
  if (first === null) {
    ex.invalid.push({ message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`, type: 'MISSING_PAGINATION_BOUNDARIES' });
    return null;
  }
  if (first > 100 || first < 0) {
    ex.invalid.push({ message: `Requesting ${first} records on the \`${field}\` connection exceeds the \`first\` limit of 100 records.`, type: 'EXCESSIVE_PAGINATION' });
    return null;
  }
  // Cursors are opaque to clients: here the index after which the page starts, as GitHub's are base64 text.
  const start = typeof args.after === 'string' ? Number(Buffer.from(args.after, 'base64').toString().replace(/^cursor:/, '')) || 0 : 0;
  const page = typeof args.first === 'number' ? nodes.slice(start, start + first) : nodes.slice(Math.max(0, nodes.length - first));
  const from = typeof args.first === 'number' ? start : Math.max(0, nodes.length - first);
  const cursor = (k: number) => Buffer.from(`cursor:${k}`).toString('base64');
  const pageInfo: Obj = {
    type: 'PageInfo',
    fields: {
      hasNextPage: () => from + page.length < nodes.length,
      hasPreviousPage: () => from > 0,
      endCursor: () => (page.length ? cursor(from + page.length) : null),
      startCursor: () => (page.length ? cursor(from) : null),
    },
  };
  return { type, fields: { totalCount: () => totalCount, nodes: () => page, pageInfo: () => pageInfo } };
}

function userObj(ex: Exec, userId: number): Obj | null {
  const u = findUser(ex.state, userId);
  if (!u) return null;
  return {
    type: 'User',
    fields: {
      databaseId: () => u.id,
      login: () => u.login,
      name: () => u.name,
      avatarUrl: () => avatarUrl(ex.b, u.id),
      url: () => `${ex.b.web}/${u.login}`,
    },
  };
}

function issueObj(ex: Exec, repo: GhRepo, i: GhIssue): Obj {
  const milestone = repo.milestones.find((m) => m.number === i.milestone);
  return {
    type: 'Issue',
    fields: {
      id: () => nodeId('Issue', i.id),
      databaseId: () => i.id,
      number: () => i.number,
      title: () => i.title,
      body: () => i.body ?? '',
      state: () => (i.state === 'open' ? 'OPEN' : 'CLOSED'),
      closed: () => i.state === 'closed',
      url: () => `${ex.b.web}/${repo.owner}/${repo.name}/issues/${i.number}`,
      createdAt: () => i.createdAt,
      updatedAt: () => i.updatedAt,
      labels: (args) =>
        connection(ex, 'labels', args, i.labels.map((name) => {
          const l = repo.labels.find((x) => x.name.toLowerCase() === name.toLowerCase());
          return { type: 'Label', fields: { name: () => name, color: () => l?.color ?? 'ededed', description: () => l?.description ?? null } };
        }), 'LabelConnection'),
      assignees: (args) => connection(ex, 'assignees', args, i.assigneeIds.flatMap((uid) => userObj(ex, uid) ?? []), 'UserConnection'),
      milestone: () =>
        milestone
          ? { type: 'Milestone', fields: { number: () => milestone.number, title: () => milestone.title, dueOn: () => milestone.dueOn, state: () => milestone.state.toUpperCase() } }
          : null,
      issueType: () => (i.type ? { type: 'IssueType', fields: { name: () => i.type } } : null),
      issueFieldValues: (args) => connection(ex, 'issueFieldValues', args, fieldValues(ex, repo, i), 'IssueFieldValueConnection'),
      repository: () => repoObj(ex, repo),
      closedAt: () => i.closedAt,
      comments: (args) =>
        connection(ex, 'comments', args, repo.comments.filter((c) => c.issueNumber === i.number).map((c) => commentObj(ex, c)), 'IssueCommentConnection'),
      // Sub-issues the token cannot see are counted but not listed, as on github.com.
      subIssues: (args) => connection(ex, 'subIssues', args, subIssuesOf(ex, i).visible, 'IssueConnection', subIssuesOf(ex, i).total),
      // Dependencies (github.com, GHES 3.19+): the issues this one is blocked by; a server without them lacks the field.
      ...(ex.state.issueDependencies ? { blockedBy: (args: Record<string, Value>) => connection(ex, 'blockedBy', args, blockersOf(ex, repo, i), 'IssueConnection') } : {}),
      subIssuesSummary: () => {
        const subs = subIssuesOf(ex, i);
        const completed = subs.all.filter((x) => x.issue.state === 'closed').length;
        return { type: 'SubIssuesSummary', fields: { total: () => subs.total, completed: () => completed, percentCompleted: () => (subs.total ? Math.floor((completed * 100) / subs.total) : 0) } };
      },
    },
  };
}

function blockersOf(ex: Exec, repo: GhRepo, i: GhIssue): Obj[] {
  return repo.dependencies
    .filter((d) => d.issueNumber === i.number)
    .flatMap((d) => ex.state.repos.flatMap((r) => r.issues.filter((x) => x.id === d.blockingId && repoAccess(ex.id, r)).map((x) => issueObj(ex, r, x))));
}

function commentObj(ex: Exec, c: GhComment): Obj {
  return {
    type: 'IssueComment',
    fields: { body: () => c.body, createdAt: () => c.createdAt, updatedAt: () => c.updatedAt, author: () => userObj(ex, c.authorId), databaseId: () => c.id },
  };
}

function subIssuesOf(ex: Exec, i: GhIssue): { all: { repo: GhRepo; issue: GhIssue }[]; visible: Obj[]; total: number } {
  const all = (i.subIssueIds ?? []).flatMap((id) => ex.state.repos.flatMap((repo) => repo.issues.filter((x) => x.id === id).map((issue) => ({ repo, issue }))));
  const visible = all.filter((x) => repoAccess(ex.id, x.repo)).map((x) => issueObj(ex, x.repo, x.issue));
  return { all, visible, total: all.length };
}

/** GraphQL type names of issue fields and their values (`GraphQL-Features: issue_fields` during the preview). */
const FIELD_TYPES = { number: 'Number', text: 'Text', date: 'Date', single_select: 'SingleSelect', multi_select: 'MultiSelect' } as const;

function fieldValues(ex: Exec, repo: GhRepo, i: GhIssue): Obj[] {
  const fields = orgOf(ex.state, repo)?.issueFields ?? [];
  return (i.fieldValues ?? []).flatMap((v) => {
    const f = fields.find((x) => x.id === v.fieldId);
    if (!f) return [];
    const kind = FIELD_TYPES[f.dataType];
    const field: Obj = { type: `IssueField${kind}`, fields: { name: () => f.name, dataType: () => f.dataType.toUpperCase() } };
    const value: Obj['fields'] = f.dataType === 'single_select' ? { name: () => v.value } : { value: () => v.value };
    return [{ type: `IssueField${kind}Value`, fields: { ...value, field: () => field } }];
  });
}

/** The fields of a pull request the task-list read asks (`... on PullRequest`). */
function pullObj(ex: Exec, repo: GhRepo, i: GhIssue): Obj {
  return {
    type: 'PullRequest',
    fields: {
      id: () => nodeId('PullRequest', i.id),
      number: () => i.number,
      title: () => i.title,
      url: () => `${ex.b.web}/${repo.owner}/${repo.name}/pull/${i.number}`,
      state: () => (i.pull?.mergedAt ? 'MERGED' : i.state === 'open' ? 'OPEN' : 'CLOSED'),
    },
  };
}

/**
 * `nodes(ids:)` for issues (ids as the sandbox's `id`/`node_id` give them): an id that names no issue the token can
 * read is null, with a NOT_FOUND error at its index, as on github.com.
 */
function nodes(ex: Exec, args: Record<string, Value>, path: (string | number)[]): (Obj | null)[] | null {
  const ids = Array.isArray(args.ids) ? args.ids : null;
  if (!ids || ids.length > 100) {
    ex.invalid.push({ message: ids ? 'You may not request more than 100 nodes at once.' : "Argument 'ids' on Field 'nodes' has an invalid value.", type: 'INVALID' });
    return null;
  }
  return ids.map((id, k) => {
    for (const repo of ex.state.repos) {
      const issue = repoAccess(ex.id, repo) ? repo.issues.find((i) => !i.pull && nodeId('Issue', i.id) === id) : undefined;
      if (issue) return issueObj(ex, repo, issue);
    }
    ex.errors.push({ type: 'NOT_FOUND', path: [...path, k], message: `Could not resolve to a node with the global id of '${String(id)}'` });
    return null;
  });
}

function repoObj(ex: Exec, repo: GhRepo): Obj {
  return {
    type: 'Repository',
    fields: {
      name: () => repo.name,
      nameWithOwner: () => `${repo.owner}/${repo.name}`,
      issue: (args, path) => {
        const issue = findIssue(repo, Number(args.number));
        if (!issue || issue.pull) {
          ex.errors.push({ type: 'NOT_FOUND', path, message: `Could not resolve to an Issue with the number of ${String(args.number)}.` });
          return null;
        }
        return issueObj(ex, repo, issue);
      },
      // The IssueOrPullRequest union: a tracking issue's task list links both.
      issueOrPullRequest: (args, path) => {
        const issue = findIssue(repo, Number(args.number));
        if (!issue) {
          ex.errors.push({ type: 'NOT_FOUND', path, message: `Could not resolve to an issue or pull request with the number of ${String(args.number)}.` });
          return null;
        }
        return issue.pull ? pullObj(ex, repo, issue) : issueObj(ex, repo, issue);
      },
    },
  };
}

/** `search(query:, type: ISSUE, first:)` with the qualifiers the REST search understands; pull requests are PullRequest nodes. */
function search(ex: Exec, args: Record<string, Value>, path: (string | number)[]): Obj | null {
  const first = typeof args.first === 'number' ? args.first : null;
  if (first === null || first > 100) {
    ex.invalid.push({ message: 'You must provide a `first` or `last` value of at most 100 to properly paginate the `search` connection.', type: 'MISSING_PAGINATION_BOUNDARIES' });
    return null;
  }
  if (args.type !== 'ISSUE') {
    ex.invalid.push({ message: `The sandbox searches issues only, not ${String(args.type)}.` });
    return null;
  }
  const terms = searchTerms(String(args.query ?? ''));
  const qs = terms.flatMap((t) => qualifierOf(t) ?? []);
  const text = terms.filter((t) => !qualifierOf(t));
  if (qs.some((x) => ['assignee', 'author'].includes(x.key) && !['none', '@me'].includes(x.value) && !findUserByLogin(ex.state, x.value))) {
    ex.errors.push({ type: 'INVALID', path, message: 'The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.' });
    return null;
  }
  const hits: Obj[] = [];
  for (const repo of ex.state.repos) {
    if (!repoAccess(ex.id, repo)) continue;
    for (const issue of repo.issues) {
      if (!issueMatches(ex.state, repo, issue, qs, text)) continue;
      hits.push(issue.pull ? { type: 'PullRequest', fields: { number: () => issue.number } } : issueObj(ex, repo, issue));
    }
  }
  return { type: 'SearchResultItemConnection', fields: { issueCount: () => hits.length, nodes: () => hits.slice(0, first) } };
}

function queryObj(ex: Exec): Obj {
  return {
    type: 'Query',
    fields: {
      repository: (args, path) => {
        const repo = findRepo(ex.state, String(args.owner), String(args.name));
        if (!repo || !repoAccess(ex.id, repo)) {
          ex.errors.push({ type: 'NOT_FOUND', path, message: `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.` });
          return null;
        }
        return repoObj(ex, repo);
      },
      viewer: () => (ex.id.kind === 'token' ? userObj(ex, ex.id.user.id) : null),
      search: (args, path) => search(ex, args, path),
      nodes: (args, path) => nodes(ex, args, path),
    },
  };
}

function resolve(ex: Exec, obj: Obj, selections: Field[], path: (string | number)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of selections) {
    if (f.on !== undefined && f.on !== obj.type) continue;
    if (f.name === '__typename') {
      out[f.alias] = obj.type;
      continue;
    }
    const fn = obj.fields[f.name];
    if (!fn) {
      ex.invalid.push({
        message: `Field '${f.name}' doesn't exist on type '${obj.type}'`,
        extensions: { code: 'undefinedField', typeName: obj.type, fieldName: f.name },
      });
      continue;
    }
    const at = [...path, f.alias];
    out[f.alias] = present(ex, fn(f.args, at), f, at);
  }
  return out;
}

function present(ex: Exec, v: unknown, f: Field, path: (string | number)[]): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x, k) => present(ex, x, f, [...path, k]));
  if (typeof v === 'object' && 'fields' in (v as object)) {
    if (!f.selections) {
      ex.invalid.push({ message: `Field must have selections (field '${f.name}' returns ${(v as Obj).type} but has no selections.)` });
      return null;
    }
    return resolve(ex, v as Obj, f.selections, path);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------

const DOC = 'https://docs.github.com/graphql';
const json = { 'content-type': 'application/json; charset=utf-8' };

export function isGraphqlPath(req: SandboxRequest): boolean {
  return req.path === (basesOf(req).dotcom ? '/api/v3/graphql' : '/api/graphql');
}

export function graphqlHandler(state: GithubState, req: SandboxRequest): SandboxReply {
  if (req.method !== 'POST') return { status: 404, headers: json, body: { message: 'Not Found', documentation_url: DOC } };
  const id = identify(state, req);
  if (!id) return { ...badCredentials(), headers: json };
  if (id.kind === 'anonymous') {
    return { status: 401, headers: json, body: { message: 'This endpoint requires you to be authenticated.', documentation_url: `${DOC}/guides/forming-calls-with-graphql#authenticating-with-graphql`, status: '401' } };
  }
  const bucket = bucketFor(state, id, 'graphql');
  if (remaining(bucket) === 0) {
    const body = { errors: [{ type: 'RATE_LIMITED', message: `API rate limit already exceeded for user ID ${id.user.id}.` }] };
    return { status: 200, headers: { ...json, ...rateHeaders(bucket, 'graphql') }, body };
  }
  bucket.used += 1;
  const headers = { ...json, ...rateHeaders(bucket, 'graphql') };
  const payload = (req.body ?? {}) as { query?: unknown; variables?: unknown };
  if (typeof payload.query !== 'string') return { status: 400, headers, body: { message: 'Problems parsing JSON', documentation_url: DOC } };
  let root: Field[];
  try {
    root = parse(payload.query, (payload.variables ?? {}) as Record<string, Value>);
  } catch (e) {
    return { status: 200, headers, body: { errors: [{ message: e instanceof Error ? e.message : String(e) }] } };
  }
  const ex: Exec = { state, b: basesOf(req), id, errors: [], invalid: [] };
  const data = resolve(ex, queryObj(ex), root, []);
  if (ex.invalid.length) return { status: 200, headers, body: { errors: ex.invalid } };
  return { status: 200, headers, body: ex.errors.length ? { data, errors: ex.errors } : { data } };
}
