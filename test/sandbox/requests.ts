// Telling reads from writes in the sandbox's request log: a GraphQL query is a POST that only reads (GitLab's Status
// read on Premium+, GitHub's bulk reads), a mutation writes.
import type { RecordedRequest } from './core';

export const isGraphqlQuery = (r: Pick<RecordedRequest, 'method' | 'path' | 'body'>): boolean =>
  r.method === 'POST' && /\/graphql$/.test(r.path) && !/^\s*mutation\b/.test(String((r.body as { query?: unknown } | undefined)?.query ?? ''));

/** Requests that can change forge data. */
export const isWrite = (r: Pick<RecordedRequest, 'method' | 'path' | 'body'>): boolean => r.method !== 'GET' && !isGraphqlQuery(r);
