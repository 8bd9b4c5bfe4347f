import { describe, expect, it } from 'vitest';
import type { Capabilities, Issue } from '@/lib/forge/model';
import { effectiveWeight, factsFromIssue } from './facts';
import { mergeSettings } from '../settings';

const premium: Capabilities = { weight: true, healthStatus: false, scopedLabels: true, epics: true };
const free: Capabilities = { weight: false, healthStatus: false, scopedLabels: false, epics: false };

function glIssue(over: Partial<Issue> = {}): Issue {
  return {
    ref: { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: 'gitlab-org/gitlab', iid: 4242, kind: 'issue' },
    title: 'Show blame for renamed files',
    description: '',
    state: 'opened',
    labels: ['backend', 'workflow::refinement'],
    weight: null,
    healthStatus: null,
    milestone: null,
    assignees: [],
    type: 'issue',
    webUrl: 'https://gitlab.com/gitlab-org/gitlab/-/issues/4242',
    updatedAt: '2025-05-02T10:00:00Z',
    ...over,
  };
}

describe('effectiveWeight', () => {
  it('uses the weight field where the tier has one', () => {
    expect(effectiveWeight(glIssue({ weight: 3 }), premium)).toEqual({ weight: 3, source: 'field', conflict: null, invalidLabel: null });
  });

  it('falls back to the weight:: label on GitLab Free and GitHub', () => {
    expect(effectiveWeight(glIssue({ labels: ['weight::2'] }), free)).toMatchObject({ weight: 2, source: 'label', conflict: null });
  });

  it('ignores a weight field the tier does not have', () => {
    expect(effectiveWeight(glIssue({ weight: 5 }), free).weight).toBeNull();
  });

  it('reads the label on Premium when the field is empty', () => {
    expect(effectiveWeight(glIssue({ labels: ['weight::1'] }), premium)).toMatchObject({ weight: 1, source: 'label' });
  });

  it('reports a label that disagrees with the field, and keeps the field', () => {
    expect(effectiveWeight(glIssue({ weight: 3, labels: ['weight::2'] }), premium)).toEqual({
      weight: 3,
      source: 'field',
      conflict: { kind: 'field-vs-label', field: 3, label: 'weight::2', labelWeight: 2 },
      invalidLabel: null,
    });
  });

  it('reports several weight labels and does not guess', () => {
    expect(effectiveWeight(glIssue({ labels: ['weight::2', 'Weight::5'] }), free)).toEqual({
      weight: null,
      source: null,
      conflict: { kind: 'labels', labels: ['weight::2', 'Weight::5'] },
      invalidLabel: null,
    });
  });

  it('reports an invalid weight label', () => {
    expect(effectiveWeight(glIssue({ labels: ['weight::big'] }), free)).toMatchObject({ weight: null, invalidLabel: 'weight::big' });
  });

  it('reads the team’s weight scope', () => {
    const settings = mergeSettings({ scopes: { weight: 'estimate' } });
    expect(effectiveWeight(glIssue({ labels: ['estimate::3', 'weight::1'] }), free, settings).weight).toBe(3);
  });
});

describe('factsFromIssue', () => {
  it('takes title, labels, type, state and the effective weight', () => {
    const issue = glIssue({ state: 'closed', labels: ['weight::2', 'workflow::complete'], type: 'issue' });
    expect(factsFromIssue(issue, free)).toEqual({
      title: 'Show blame for renamed files',
      labels: ['weight::2', 'workflow::complete'],
      weight: 2,
      type: 'issue',
      closed: true,
    });
  });

  it('copies the labels so the facts do not alias the issue', () => {
    const issue = glIssue();
    const facts = factsFromIssue(issue, premium);
    facts.labels.push('x');
    expect(issue.labels).not.toContain('x');
    expect(facts.closed).toBe(false);
  });
});

describe('factsFromIssue with GitLab Status', () => {
  it('reads the status’s stage as the workflow label, so ready-for-development rules apply', () => {
    const status = { id: 'gid://gitlab/WorkItems::Statuses::SystemDefined::Status/1', name: 'To do', category: 'to_do' as const };
    const issue = { title: 'T', labels: ['type::feature', 'workflow::design'], weight: null, type: 'issue', state: 'opened' as const, status };
    expect(factsFromIssue(issue, { weight: true, statuses: [status] }).labels).toEqual(['type::feature', 'workflow::ready for development']);
    expect(factsFromIssue(issue, { weight: true }).labels).toEqual(['type::feature', 'workflow::design']);
  });
});
