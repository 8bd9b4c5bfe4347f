// The GitHub adapter's bulk reads, each one GraphQL request: issues by number (see bulk.ts for why), and the issues
// assigned to each person of a team in a milestone (a `search` per person, 100 issues each; REST search would cost one
// request per person, and Octokit spaces searches two seconds apart).
import { ForgeError } from '../errors';
import type { AssignedQuery, AssignedWork } from '../forge';
import type { Issue, IssueRef } from '../model';
import { githubApiBaseUrl } from './api-base';
import { assignedQuery, currentMilestone, issuesFromAnswer, issuesQuery, mapGqlIssue, MAX_ISSUES_PER_QUERY, NO_FIELD_NAMES, refusedExtra, type FieldNames, type GqlError, type GqlSearch, type GraphqlSupport } from './bulk';
import type { GithubOctokit } from './client';
import { toForgeError } from './forge-error';

/** GraphQL lives at api.github.com/graphql, api.<sub>.ghe.com/graphql, and `<host>/api/graphql` on GitHub Enterprise Server. */
export function githubGraphqlBaseUrl(webBase: string): string {
  return githubApiBaseUrl(webBase).replace(/\/api\/v3$/, '/api');
}

interface Answer {
  data?: Record<string, Record<string, never> | null> | null;
  errors?: GqlError[];
}

function rateLimited(errors: readonly GqlError[] | undefined, headers: Record<string, unknown> | undefined): ForgeError | null {
  const hit = (errors ?? []).find((e) => e.type === 'RATE_LIMITED');
  if (!hit) return null;
  const reset = Number(headers?.['x-ratelimit-reset']);
  const retryAt = Number.isFinite(reset) && reset > 0 ? reset * 1000 : Date.now() + 60_000;
  return new ForgeError('rate-limited', `Rate limited by the forge: try again after ${new Date(retryAt).toLocaleTimeString()}.`, 200, retryAt);
}

async function post(octokit: GithubOctokit, webBase: string, query: string): Promise<Answer> {
  try {
    // Issue fields were behind this feature header during their preview; it is harmless where no longer needed.
    const headers = { 'graphql-features': 'issue_fields' };
    const res = await octokit.request('POST /graphql', { baseUrl: githubGraphqlBaseUrl(webBase), query, headers });
    const answer = res.data as Answer;
    const limit = rateLimited(answer.errors, res.headers as Record<string, unknown>);
    if (limit) throw limit;
    return answer;
  } catch (e) {
    // The throttling plugin throws GraphQL rate limits as a plain Error carrying the answer.
    const carried = e as { data?: Answer; response?: { headers?: Record<string, unknown> } };
    throw rateLimited(carried.data?.errors, carried.response?.headers) ?? toForgeError(e);
  }
}

export type { GraphqlSupport };

/**
 * Sends the query built for what the server supports; where the server refuses an extra (an undefined field: issue
 * types, issue fields), drops it for this adapter's life and asks again, once per extra.
 */
export async function postSupported<Q extends { query: string }>(octokit: GithubOctokit, webBase: string, support: GraphqlSupport, build: () => Q): Promise<{ q: Q; answer: Answer }> {
  for (;;) {
    const q = build();
    const answer = await post(octokit, webBase, q.query);
    const refused = answer.data ? null : refusedExtra(answer.errors, support);
    if (!refused) return { q, answer };
    support[refused] = false;
  }
}

export async function readIssuesByNumber(
  octokit: GithubOctokit,
  webBase: string,
  refs: readonly IssueRef[],
  support: GraphqlSupport,
  fieldsOf: (ref: IssueRef) => FieldNames = () => NO_FIELD_NAMES,
): Promise<Issue[]> {
  if (refs.length === 0) return [];
  if (refs.length > MAX_ISSUES_PER_QUERY) throw new ForgeError('invalid', `At most ${MAX_ISSUES_PER_QUERY} issues are read at once, not ${refs.length}.`);
  const { q, answer } = await postSupported(octokit, webBase, support, () => issuesQuery(refs, support));
  if (!answer.data) throw new ForgeError('forge', `GitHub refused the query: ${answer.errors?.[0]?.message ?? 'no data'}.`);
  // NOT_FOUND (no such issue, a pull request, a repository the token cannot see) and FORBIDDEN (SSO) leave a slot null.
  return issuesFromAnswer(q, answer.data as Parameters<typeof issuesFromAnswer>[1], fieldsOf);
}

export async function readAssigned(
  octokit: GithubOctokit,
  webBase: string,
  query: AssignedQuery,
  support: GraphqlSupport,
  fieldsOf: (path: string) => Promise<FieldNames> = async () => NO_FIELD_NAMES,
): Promise<AssignedWork> {
  let milestone = query.milestone;
  if (milestone === null) {
    if (query.container?.kind !== 'project') {
      throw new ForgeError('invalid', 'GitHub has no current milestone outside a repository: open a repository’s issues, or enter a milestone title.');
    }
    const [owner, repo] = query.container.path.split('/') as [string, string];
    const { data } = await octokit.rest.issues.listMilestones({ owner, repo, state: 'open', sort: 'due_on', direction: 'asc', per_page: 100 });
    milestone = currentMilestone(data);
  }
  if (milestone === null || query.usernames.length === 0) {
    return { milestones: milestone === null ? [] : [milestone], people: query.usernames.map((username) => ({ username, issues: [], truncated: false, error: null })) };
  }
  const found = milestone;
  const { q, answer } = await postSupported(octokit, webBase, support, () => assignedQuery(query.usernames, found, query.container, support));
  if (!answer.data) throw new ForgeError('forge', `GitHub refused the query: ${answer.errors?.[0]?.message ?? 'no data'}.`);
  const data = answer.data as unknown as Record<string, GqlSearch | null>;
  // The weight fields of the organisations the answer names (each read once per adapter).
  const owners = new Set(Object.values(data).flatMap((s) => (s?.nodes ?? []).flatMap((n) => (n?.repository?.nameWithOwner ? [n.repository.nameWithOwner] : []))));
  const fieldOf = new Map(await Promise.all([...owners].map(async (path) => [path, await fieldsOf(path)] as const)));
  const people: AssignedWork['people'] = [...q.aliases].map(([alias, username]) => {
    const found = data[alias];
    if (!found) {
      // GitHub refuses a search naming a user it does not know (or one the token may not see).
      const why = answer.errors?.find((e) => e.path?.[0] === alias)?.message ?? 'GitHub could not search this person’s issues.';
      return { username, issues: [], truncated: false, error: { kind: 'invalid' as const, message: why } };
    }
    const issues = found.nodes.flatMap((node) => {
      const path = node?.repository?.nameWithOwner;
      if (!node || !path) return [];
      return [mapGqlIssue({ forge: 'github', baseUrl: webBase, container: 'project', path, iid: node.number, kind: 'issue' }, node, fieldOf.get(path) ?? NO_FIELD_NAMES)];
    });
    return { username, issues, truncated: found.issueCount > issues.length, error: null };
  });
  return { milestones: [milestone], people };
}
