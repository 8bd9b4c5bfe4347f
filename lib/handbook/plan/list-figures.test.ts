import { describe, expect, it } from 'vitest';
import type { Issue } from '@/lib/forge/model';
import { judgeIssue, listFigures, matchesFilter } from './list-figures';
import { mergeSettings } from '../settings';

function view(over: Partial<Issue>, weightField = true) {
  const issue: Issue = {
    ref: { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: 'g/p', iid: 1, kind: 'issue' },
    title: 'Issue',
    description: '',
    state: 'opened',
    labels: [],
    weight: null,
    healthStatus: null,
    milestone: null,
    assignees: [],
    type: 'issue',
    webUrl: 'https://gitlab.com/g/p/-/issues/1',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
  return { issue, capabilities: { weight: weightField, healthStatus: false, scopedLabels: weightField, epics: weightField } };
}

describe('judgeIssue', () => {
  it('flags an issue ready for development without a weight', () => {
    const v = judgeIssue(view({ labels: ['workflow::ready for development'] }));
    expect(v).toMatchObject({ unweighted: true, readyWithoutWeight: true, oversized: false });
    expect(v.label).toBe('No weight, ready for development');
  });

  it('flags weights over 3, split parts over 3 included', () => {
    expect(judgeIssue(view({ weight: 5, labels: ['workflow::planning breakdown'] }))).toMatchObject({ oversized: true, label: 'Over 3: break down' });
    const split = judgeIssue(view({ labels: ['backend-weight::5', 'frontend-weight::1', 'workflow::refinement'] }));
    expect(split.oversized).toBe(true);
    expect(split.load).toEqual({ weight: 6, source: 'split' });
    expect(split.unweighted).toBe(false);
  });

  it('badges a spike that is not weighted 2, and conflicting scoped labels (GitHub, GitLab Free)', () => {
    expect(judgeIssue(view({ title: 'Spike: try it', labels: ['spike', 'weight::3'] }, false)).label).toBe('Spike: weight 2');
    // A spike without weight: advice with a fix, so it gets a badge too.
    expect(judgeIssue(view({ labels: ['spike'] }, false)).badge.map((f) => f.ruleId)).toEqual(['spike-weight']);
    expect(judgeIssue(view({ weight: 2, labels: ['workflow::in dev', 'workflow::in review'] })).label).toBe('2 workflow labels');
  });

  it('gives no badge to a healthy issue, nor to explanations without a fix', () => {
    expect(judgeIssue(view({ weight: 2, labels: ['workflow::in dev'] })).badge).toEqual([]);
    const split = judgeIssue(view({ labels: ['backend-weight::2', 'frontend-weight::3', 'workflow::in dev'] }));
    expect(split.findings.map((f) => f.ruleId)).toEqual(['split-replaces-weight']);
    expect(split.badge).toEqual([]);
    expect(split.label).toBe('No weighting problems');
  });

  it('does not count closed issues as unweighted, and respects disabled rules', () => {
    expect(judgeIssue(view({ state: 'closed' })).unweighted).toBe(false);
    const settings = mergeSettings({ rules: { 'missing-weight': false } });
    expect(judgeIssue(view({ labels: ['workflow::ready for development'] }), settings).readyWithoutWeight).toBe(false);
  });
});

describe('listFigures', () => {
  it('totals the weights and counts each kind of problem', () => {
    const verdicts = [
      judgeIssue(view({ weight: 3 })),
      judgeIssue(view({ weight: 5, labels: ['workflow::refinement'] })),
      judgeIssue(view({ labels: ['workflow::ready for development'] })),
      judgeIssue(view({ labels: ['workflow::design'] })),
      judgeIssue(view({ labels: ['weight::2'] }, false)),
    ];
    expect(listFigures(verdicts)).toEqual({ count: 5, totalWeight: 10, unweighted: 2, oversized: 1, readyWithoutWeight: 1 });
    expect(verdicts.filter((v) => matchesFilter(v, 'unweighted'))).toHaveLength(2);
    expect(verdicts.filter((v) => matchesFilter(v, 'oversized'))).toEqual([verdicts[1]]);
    expect(verdicts.filter((v) => matchesFilter(v, 'ready-without-weight'))).toEqual([verdicts[2]]);
  });
});
