// Test data for the panel's tests (not shipped: only *.test.tsx import it).
import type { IssueRef } from '@/lib/forge/model';
import type { IssueView } from '@/lib/messaging';

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
