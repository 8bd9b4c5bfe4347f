import { describe, expect, it } from 'vitest';
import { fixLabel, fixSchema, type Fix } from './fixes';
import { mergeSettings } from '../settings';

describe('fixSchema', () => {
  it('accepts every kind of fix', () => {
    const fixes: Fix[] = [
      { kind: 'set-weight', weight: 2 },
      { kind: 'pick-weight' },
      { kind: 'set-split-weight', part: 'frontend', weight: 3 },
      { kind: 'break-down' },
      { kind: 'ask-clarification' },
      { kind: 'set-workflow', stage: 'refinement' },
      { kind: 'keep-one-label', scope: 'workflow', keep: 'workflow::in dev', remove: ['workflow::in review'] },
      { kind: 'remove-labels', labels: ['weight::2'] },
    ];
    for (const fix of fixes) expect(fixSchema.parse(fix)).toEqual(fix);
  });

  it('refuses weights outside the table and empty label lists', () => {
    expect(fixSchema.safeParse({ kind: 'set-weight', weight: 4 }).success).toBe(false);
    expect(fixSchema.safeParse({ kind: 'set-split-weight', part: 'database', weight: 2 }).success).toBe(false);
    expect(fixSchema.safeParse({ kind: 'remove-labels', labels: [] }).success).toBe(false);
    expect(fixSchema.safeParse({ kind: 'delete-issue' }).success).toBe(false);
  });
});

describe('fixLabel', () => {
  it('names what the button does', () => {
    expect(fixLabel({ kind: 'set-weight', weight: 2 })).toBe('Set weight 2');
    expect(fixLabel({ kind: 'keep-one-label', scope: 'workflow', keep: 'workflow::in dev', remove: ['workflow::design'] })).toBe(
      'Keep workflow::in dev',
    );
    expect(fixLabel({ kind: 'remove-labels', labels: ['weight::2'] })).toBe('Remove weight::2');
    expect(fixLabel({ kind: 'set-workflow', stage: 'refinement' })).toBe('Move to workflow::refinement');
  });

  it('uses the team’s label names', () => {
    const settings = mergeSettings({ scopes: { frontendWeight: 'fe-weight', workflow: 'status' } });
    expect(fixLabel({ kind: 'set-split-weight', part: 'frontend', weight: 3 }, settings)).toBe('Set fe-weight::3');
    expect(fixLabel({ kind: 'set-workflow', stage: 'refinement' }, settings)).toBe('Move to status::refinement');
  });
});
