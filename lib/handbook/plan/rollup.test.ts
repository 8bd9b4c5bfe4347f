import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from '../settings';
import { child, update } from './__fixtures__/children';
import { rollUp, worstHealth } from './rollup';

// A Wednesday: two working days after Monday.
const NOW = new Date(2026, 11, 9, 12).getTime();
const day = (d: number) => new Date(2026, 11, d, 10).toISOString();

describe('rollUp: weights', () => {
  it('sums the children against the parent, by state, and lists unweighted and oversized children', () => {
    const r = rollUp(
      {
        parent: { weight: 8, rolledUpWeight: 10 },
        children: [
          child({ iid: 1, weight: 3 }),
          child({ iid: 2, labels: ['weight::2'], state: 'closed' }),
          child({ iid: 3, weight: 5 }),
          child({ iid: 4 }),
        ],
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(r.weight).toEqual({ open: 8, closed: 2, total: 10 });
    expect(r.difference).toBe(2);
    expect(r.rolledUpWeight).toBe(10);
    expect(r.counts).toEqual({ children: 4, counted: 4, open: 3, closed: 1, weighted: 3 });
    expect(r.unweighted.map((x) => x.child.ref.iid)).toEqual([4]);
    expect(r.oversized.map((x) => x.child.ref.iid)).toEqual([3]);
    expect(r.backend).toBeNull();
  });

  it('the field wins over the label; a complete split counts as its sum; split sides are summed wherever set', () => {
    const r = rollUp(
      {
        parent: { weight: null },
        children: [
          child({ weight: 2, labels: ['weight::5'] }),
          child({ labels: ['backend-weight::2', 'frontend-weight::1'] }),
          child({ labels: ['backend-weight::3'], state: 'closed' }),
          child({ splitWeights: { backend: 1, frontend: null }, labels: ['frontend-weight::2'] }),
        ],
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    // 2 + (2+1) + (1+2); the lone backend-weight::3 leaves its child unweighted.
    expect(r.weight.total).toBe(8);
    expect(r.unweighted).toHaveLength(1);
    expect(r.backend).toEqual({ open: 3, closed: 3, total: 6 });
    expect(r.frontend).toEqual({ open: 3, closed: 0, total: 3 });
    expect(r.difference).toBeNull();
  });

  it('counts leaves only: a child with listed children is replaced by them', () => {
    const r = rollUp(
      {
        parent: { weight: null },
        children: [
          child({ iid: 1, weight: 5, reference: 'acme/app#1' }),
          child({ iid: 2, weight: 2, depth: 2, under: 'acme/app#1' }),
          child({ iid: 3, weight: 1, depth: 2, under: 'ACME/app#1' }),
        ],
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(r.weight.total).toBe(3);
    expect(r.counts.counted).toBe(2);
    expect(r.oversized).toEqual([]);
  });

  it('counts leaves at any depth: a third-level child makes its second-level parent a parent, not counted', () => {
    const r = rollUp(
      {
        parent: { weight: null },
        children: [
          child({ iid: 1, weight: 5, reference: 'acme/app#1' }),
          child({ iid: 2, weight: 3, depth: 2, under: 'acme/app#1', reference: 'acme/app#2' }),
          child({ iid: 3, weight: 2, depth: 3, under: 'acme/app#2', reference: 'acme/app#3' }),
          child({ iid: 4, weight: 1, depth: 4, under: 'acme/app#3', reference: 'acme/app#4', state: 'closed' }),
          child({ iid: 5, weight: 1, depth: 2, under: 'acme/app#1', reference: 'acme/app#5' }),
        ],
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(r.rows.map((x) => [x.child.ref.iid, x.counted])).toEqual([[1, false], [2, false], [3, false], [4, true], [5, true]]);
    expect(r.weight).toEqual({ open: 1, closed: 1, total: 2 });
  });
});

describe('rollUp: weighted completion', () => {
  it('is Σ weight × complete % / Σ weight; closed is 100 %, open without an update 0 %', () => {
    const r = rollUp(
      {
        parent: { weight: null },
        children: [
          child({ iid: 1, weight: 3, comments: [update(day(8), 'Complete: 50%\nConfidence: 80%')] }),
          child({ iid: 2, weight: 1, state: 'closed' }),
          child({ iid: 3, weight: 2 }),
          child({ iid: 4 }), // unweighted: not in the figure
        ],
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    // (3×50 + 1×100 + 2×0) / 6 = 41.7
    expect(r.completion).toBe(42);
    expect(r.withoutProgress.map((x) => x.child.ref.iid)).toEqual([3]);
  });

  it('takes the latest update among the comments, and is null with no weighted child', () => {
    const c = child({ weight: 2, comments: [update(day(8), 'Complete: 90%'), update(day(3), 'Complete: 10%'), update(day(9), 'thanks!')] });
    expect(rollUp({ parent: { weight: null }, children: [c] }, DEFAULT_SETTINGS, NOW).completion).toBe(90);
    expect(rollUp({ parent: { weight: null }, children: [child(), child({ weight: 0 })] }, DEFAULT_SETTINGS, NOW).completion).toBeNull();
  });

  it('flags an update it cannot read', () => {
    const c = child({ comments: [update(day(2), 'Complete: 10%'), update(day(8), 'Status update: most of it is complete: soon')] });
    const r = rollUp({ parent: { weight: null }, children: [c] }, DEFAULT_SETTINGS, NOW);
    expect(r.unrecognised).toHaveLength(1);
    expect(r.rows[0]!.latest!.complete).toBe(10);
  });
});

describe('rollUp: health and staleness', () => {
  it('takes the worst open health: field, else label, else the update; closed children have none', () => {
    const r = rollUp(
      {
        parent: { weight: null },
        children: [
          child({ healthStatus: 'needs_attention' }),
          child({ labels: ['health::at risk'] }),
          child({ comments: [update(day(9), 'Complete: 20%\nHealth status: at risk')] }),
          child({ healthStatus: 'at_risk', state: 'closed' }),
          child({ comments: [update(day(9), 'Complete: 20%\nHealth status: on track')] }),
        ],
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(r.health).toEqual({ worst: 'at_risk', atRisk: 2, needsAttention: 1, onTrack: 1 });
    expect(worstHealth([null, 'on_track'])).toBe('on_track');
    expect(worstHealth([])).toBeNull();
  });

  it('flags open children whose last update is older than the team interval, in development or updated before', () => {
    const children = [
      child({ iid: 1, comments: [update(day(4), 'Complete: 20%')] }), // Friday → Wednesday: 3 working days
      child({ iid: 2, comments: [update(day(8), 'Complete: 20%')] }), // yesterday
      child({ iid: 3, labels: ['workflow::in dev'] }), // in development, never updated
      child({ iid: 4 }), // backlog, never updated: not stale
      child({ iid: 5, state: 'closed', comments: [update(day(1), 'Complete: 20%')] }),
    ];
    const r = rollUp({ parent: { weight: null }, children }, DEFAULT_SETTINGS, NOW);
    expect(r.stale.map((x) => x.child.ref.iid)).toEqual([1, 3]);
    expect(r.rows[0]!.staleReason).toMatch(/3 working days/);
    const relaxed = rollUp({ parent: { weight: null }, children }, mergeSettings({ statusUpdates: { maxWorkingDays: 5 } }), NOW);
    expect(relaxed.stale.map((x) => x.child.ref.iid)).toEqual([3]);
  });
});
