import { describe, expect, it } from 'vitest';
import { describeWeightMove, planWeightMove } from './weight-move';

const plan = (labels: string[], weight: number | null, hasField = true) => planWeightMove({ labels, weight, hasField }, 'weight');

describe('planWeightMove', () => {
  it('moves a label into an empty field and removes the label after', () => {
    expect(plan(['backend', 'weight::3'], null)).toEqual({ kind: 'move', value: 3, labels: ['weight::3'] });
  });
  it('only removes the label when the field already agrees', () => {
    expect(plan(['weight::2'], 2)).toEqual({ kind: 'drop-label', value: 2, labels: ['weight::2'] });
  });
  it('never overwrites a field that disagrees, never guesses between labels, never moves nonsense', () => {
    expect(plan(['weight::5'], 2)).toEqual({ kind: 'skip', reason: 'the field holds 2 and the label says 5' });
    expect(plan(['weight::1', 'weight::3'], null)).toMatchObject({ kind: 'skip', reason: expect.stringContaining('several weight labels') });
    expect(plan(['weight::big'], null)).toEqual({ kind: 'skip', reason: 'weight::big is not a number' });
  });
  it('does nothing without a label, and nothing where there is no field', () => {
    expect(plan(['backend'], 3)).toEqual({ kind: 'none' });
    expect(plan(['weight::3'], null, false)).toEqual({ kind: 'skip', reason: 'no weight field here' });
  });
  it('reads the team\'s own scope', () => {
    expect(planWeightMove({ labels: ['estimate::5', 'weight::1'], weight: null, hasField: true }, 'estimate')).toEqual({ kind: 'move', value: 5, labels: ['estimate::5'] });
  });
  it('says what will happen in a line', () => {
    expect(describeWeightMove({ kind: 'move', value: 3, labels: ['weight::3'] }, 'Weight')).toBe('weight::3 → Weight 3, label removed');
    expect(describeWeightMove({ kind: 'skip', reason: 'x' }, 'Weight')).toBe('left alone: x');
  });
});
