// Test data for the panel's tests (not shipped: only *.test.tsx import it).
import type { IssueRef } from '@/lib/forge/model';
import type { Mock } from 'vitest';
import type { IssueView, Method, Result } from '@/lib/messaging';

export const gitlabRef: IssueRef = {
  forge: 'gitlab',
  baseUrl: 'https://gitlab.com',
  container: 'project',
  path: 'group/project',
  iid: 7,
  kind: 'issue',
};

export function makeView(
  over: { labels?: string[]; weight?: number | null; healthStatus?: IssueView['issue']['healthStatus'] } = {},
  capabilities: Partial<IssueView['capabilities']> = {},
  ref: IssueRef = gitlabRef,
): IssueView {
  return {
    issue: {
      ref,
      title: `Issue ${ref.iid}`,
      description: '',
      state: 'opened',
      labels: over.labels ?? [],
      weight: over.weight ?? null,
      healthStatus: over.healthStatus ?? null,
      milestone: null,
      assignees: [],
      type: 'issue',
      webUrl: `${ref.baseUrl}/${ref.path}/-/issues/${ref.iid}`,
      updatedAt: '2026-01-01T00:00:00Z',
    },
    capabilities: { weight: false, healthStatus: false, scopedLabels: false, epics: false, ...capabilities },
  };
}

type Answer = (params: never) => Result<unknown> | Promise<Result<unknown>>;
export type Answers = Partial<Record<Method, Answer>>;

/** Answers `call` per method; an unexpected method fails the test. */
export function answer(mock: Mock, answers: Answers): void {
  mock.mockImplementation(async (method: Method, params: never) => {
    const reply = answers[method];
    if (!reply) throw new Error(`unexpected call ${String(method)}`);
    return reply(params);
  });
}
