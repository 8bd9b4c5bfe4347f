import { describe, expect, it } from 'vitest';
import type { Issue, IssueRef } from '@/lib/forge/model';
import { capacityStatus, issueLoad, sumCapacity, weightBudget, type CapacityItem } from './capacity';
import { mergeSettings } from '../settings';

let next = 1;
function issue(over: Partial<Issue> & { path?: string } = {}): Issue {
  const ref: IssueRef = { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: over.path ?? 'g/p', iid: over.ref?.iid ?? next++, kind: 'issue' };
  return {
    ref,
    title: 'An issue',
    description: '',
    state: 'opened',
    labels: [],
    weight: null,
    healthStatus: null,
    milestone: { id: 1, title: '18.11' },
    assignees: [],
    type: 'issue',
    webUrl: `https://gitlab.com/${ref.path}/-/issues/${ref.iid}`,
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}
const premium = { weight: true };
const free = { weight: false };
const item = (i: Issue, caps = premium): CapacityItem => ({ issue: i, capabilities: caps });

describe('weightBudget', () => {
  it('is 10 at full availability and shrinks with it, as in the handbook’s example (80% → 8)', () => {
    expect(weightBudget(100)).toBe(10);
    expect(weightBudget(80)).toBe(8);
    expect(weightBudget(75)).toBe(7.5);
    expect(weightBudget(0)).toBe(0);
  });

  it('clamps nonsense availability instead of inventing capacity', () => {
    expect(weightBudget(140)).toBe(10);
    expect(weightBudget(-20)).toBe(0);
    expect(weightBudget(Number.NaN)).toBe(10);
  });
});

describe('issueLoad', () => {
  it('uses the weight field where the tier has one, the weight:: label elsewhere', () => {
    expect(issueLoad(issue({ weight: 3 }), premium)).toEqual({ weight: 3, source: 'weight' });
    expect(issueLoad(issue({ weight: null, labels: ['weight::2'] }), free)).toEqual({ weight: 2, source: 'weight' });
    // On a tier without the field, a stale field value does not count.
    expect(issueLoad(issue({ weight: 5, labels: [] }), free)).toEqual({ weight: null, source: null });
  });

  it('counts a complete backend/frontend split as its sum, and one part alone as unweighted', () => {
    expect(issueLoad(issue({ labels: ['backend-weight::2', 'frontend-weight::3'] }), premium)).toEqual({ weight: 5, source: 'split' });
    expect(issueLoad(issue({ labels: ['backend-weight::2'] }), premium)).toEqual({ weight: null, source: null });
  });

  it('follows the team’s own scope names', () => {
    const settings = mergeSettings({ scopes: { weight: 'points' } });
    expect(issueLoad(issue({ labels: ['points::3'] }), free, settings).weight).toBe(3);
    expect(issueLoad(issue({ labels: ['weight::3'] }), free, settings).weight).toBeNull();
  });
});

describe('sumCapacity', () => {
  it('sums weights and lists what has none', () => {
    const unweighted = issue({ title: 'Nobody weighted me' });
    const sum = sumCapacity([item(issue({ weight: 3 })), item(issue({ weight: 2 })), item(unweighted), item(issue({ labels: ['backend-weight::1', 'frontend-weight::2'] }))]);
    expect(sum).toEqual({ total: 8, count: 4, weighted: 3, unweighted: [unweighted] });
  });

  it('counts closed issues too: finished work used the milestone’s budget', () => {
    expect(sumCapacity([item(issue({ weight: 3, state: 'closed' })), item(issue({ weight: 1 }))]).total).toBe(4);
  });

  it('counts an issue listed twice once, and skips epics', () => {
    const twice = issue({ weight: 5 });
    const epic = issue({ weight: 8, type: 'epic' });
    expect(sumCapacity([item(twice), item({ ...twice }), item(epic)])).toMatchObject({ total: 5, count: 1 });
  });

  it('is empty for nobody’s issues', () => {
    expect(sumCapacity([])).toEqual({ total: 0, count: 0, weighted: 0, unweighted: [] });
  });
});

describe('capacityStatus', () => {
  it('is over only above the budget', () => {
    expect(capacityStatus(11, 10)).toBe('over');
    expect(capacityStatus(8, 8)).toBe('full');
    expect(capacityStatus(7.5, 8)).toBe('under');
    expect(capacityStatus(1, 0)).toBe('over');
  });
});
