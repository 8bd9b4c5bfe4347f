import { describe, expect, it } from 'vitest';
import { ForgeError } from '../errors';
import { planLabelChange } from './labels';

describe('planLabelChange', () => {
  it('adds what is missing and removes what is asked, leaving other labels alone', () => {
    expect(planLabelChange(['backend', 'UX'], { add: ['frontend', 'backend'], remove: ['UX'] })).toEqual({ add: ['frontend'], remove: ['UX'] });
  });

  it('adding a scoped label removes the other labels of its scope (at the last ::, case-insensitively)', () => {
    const current = ['Workflow::Refinement', 'type::feature', 'backend-weight::2', 'workflow::in review'];
    expect(planLabelChange(current, { add: ['workflow::in dev'] })).toEqual({
      add: ['workflow::in dev'],
      remove: ['Workflow::Refinement', 'workflow::in review'],
    });
    // `backend-weight` is its own scope, not `weight`.
    expect(planLabelChange(['weight::2', 'backend-weight::2'], { add: ['weight::3'] }).remove).toEqual(['weight::2']);
    expect(planLabelChange(['team::a::x', 'team::b'], { add: ['team::a::y'] }).remove).toEqual(['team::a::x']);
  });

  it('re-adding the label an issue already has only clears its conflicting siblings', () => {
    expect(planLabelChange(['workflow::in dev', 'workflow::in review'], { add: ['workflow::in review'] })).toEqual({
      add: [],
      remove: ['workflow::in dev'],
    });
  });

  it('ignores removals of labels the issue does not carry', () => {
    expect(planLabelChange(['backend'], { remove: ['frontend'] })).toEqual({ add: [], remove: [] });
  });

  it('refuses contradictory changes', () => {
    expect(() => planLabelChange([], { add: ['UX'], remove: ['ux'] })).toThrow(ForgeError);
    expect(() => planLabelChange([], { add: ['weight::1', 'weight::2'] })).toThrow(/same scope/);
  });
});
