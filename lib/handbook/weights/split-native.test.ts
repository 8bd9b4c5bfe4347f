// Split weights held in native fields (GitHub issue fields, GitLab custom fields): every reader prefers them to the
// backend-weight:: / frontend-weight:: labels, as the weight field wins over a weight:: label.
import { describe, expect, it } from 'vitest';
import type { Issue } from '@/lib/forge/model';
import { issueLoad } from '../plan/capacity';
import { issueSplitWeights } from '../labels';
import { judgeIssue } from '../plan/list-figures';
import { evaluate, factsFromIssue } from '../refinement/rules';
import { weightFacts } from '../workflow/workflow';

function issueWith(over: Partial<Issue>): Issue {
  return {
    ref: { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'o/r', iid: 1, kind: 'issue' },
    title: 'Issue',
    description: '',
    state: 'opened',
    labels: ['workflow::ready for development'],
    weight: null,
    healthStatus: null,
    milestone: null,
    assignees: [],
    type: 'issue',
    webUrl: 'https://github.com/o/r/issues/1',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}
const caps = { weight: true };

describe('native split weights', () => {
  it('a set field wins over a label; an unset field leaves the label readable', () => {
    const split = issueSplitWeights({ labels: ['backend-weight::5', 'frontend-weight::1'], splitWeights: { backend: 2, frontend: null } });
    expect(split.backend).toEqual({ status: 'set', value: 2, label: 'Backend weight field: 2' });
    expect(split.frontend).toEqual({ status: 'set', value: 1, label: 'frontend-weight::1' });
    expect(issueSplitWeights({ labels: [], splitWeights: { backend: null, frontend: null } }).backend).toEqual({ status: 'absent' });
  });

  it('both fields set count as weighted: the rules, the list figures, capacity and Finish refinement agree', () => {
    const issue = issueWith({ splitWeights: { backend: 2, frontend: 3 } });
    expect(evaluate(factsFromIssue(issue, caps)).map((f) => f.ruleId)).toEqual(['split-replaces-weight']);
    expect(judgeIssue({ issue, capabilities: caps })).toMatchObject({ unweighted: false, readyWithoutWeight: false, load: { weight: 5, source: 'split' } });
    expect(issueLoad(issue, caps)).toEqual({ weight: 5, source: 'split' });
    expect(weightFacts(issue, caps)).toEqual({ weight: null, backend: 2, frontend: 3 });
  });

  it('a field over 3 is flagged like a label over 3', () => {
    const issue = issueWith({ splitWeights: { backend: 5, frontend: 1 } });
    const over = evaluate(factsFromIssue(issue, caps)).find((f) => f.ruleId === 'split-part-over-3');
    expect(over?.message).toContain('Backend weight field: 5');
  });
});
