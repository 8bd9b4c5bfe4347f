import { describe, expect, it } from 'vitest';
import { weightValue } from '@/lib/forge/model';
import {
  MAX_WEIGHT_BEFORE_BREAKDOWN,
  MIN_CONFIDENCE_TO_WEIGHT,
  WEIGHT_3_MAX_WEEKS,
  WEIGHTS,
  confidenceFor,
  isHandbookWeight,
  nearestWeightUp,
  nextWeightUp,
  weightForConfidence,
  weightInfo,
  weightTooltip,
} from './weights';

describe('the weight table', () => {
  it('has the handbook rows, names and confidence levels (Package stage "Issue Weighting")', () => {
    expect(WEIGHTS.map((w) => [w.weight, w.name, w.confidence])).toEqual([
      [1, 'Trivial', 90],
      [2, 'Small', 75],
      [3, 'Medium', 60],
      [5, 'Larger', 50],
    ]);
  });

  it('holds exactly the weights the protocol accepts', () => {
    for (const w of WEIGHTS) expect(weightValue.safeParse(w.weight).success).toBe(true);
    for (const n of [0, 4, 6, 8, 13]) expect(weightValue.safeParse(n).success).toBe(false);
  });

  it('paraphrases the handbook descriptions and examples', () => {
    const [one, two, three, five] = WEIGHTS;
    expect(one?.meaning).toMatch(/exact solution is known/);
    expect(one?.examples).toMatch(/Documentation updates/);
    expect(two?.meaning).toMatch(/solution outlined/);
    expect(two?.examples).toMatch(/new API endpoint/);
    expect(three?.bugs).toMatch(/Poorly understood bugs/);
    expect(three?.examples).toMatch(/backend and a frontend part/);
    expect(five?.meaning).toMatch(/known to be hard/);
    expect(five?.examples).toMatch(/not yet reproduced/);
    expect(five?.note).toMatch(/epic with sub-issues/);
  });

  it('keeps each text short enough for a tooltip line', () => {
    for (const w of WEIGHTS) {
      for (const text of [w.meaning, w.examples, w.bugs, w.note]) if (text) expect(text.length).toBeLessThanOrEqual(160);
    }
  });

  it('states the size limits of "Issue size"', () => {
    expect(MAX_WEIGHT_BEFORE_BREAKDOWN).toBe(3);
    expect(WEIGHT_3_MAX_WEEKS).toBe(2);
    expect(MIN_CONFIDENCE_TO_WEIGHT).toBe(50);
    expect(weightInfo(3)?.note).toBe('At most about 2 weeks of work.');
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(WEIGHTS)).toBe(true);
    expect(Object.isFrozen(WEIGHTS[0])).toBe(true);
  });
});

describe('lookups', () => {
  it('recognises only 1, 2, 3 and 5', () => {
    expect([1, 2, 3, 5].every(isHandbookWeight)).toBe(true);
    expect([0, 4, 8, 13, 2.5, Number.NaN].some(isHandbookWeight)).toBe(false);
    expect(isHandbookWeight(null)).toBe(false);
  });

  it('finds a row and its confidence', () => {
    expect(weightInfo(2)?.name).toBe('Small');
    expect(weightInfo(4)).toBeNull();
    expect(confidenceFor(1)).toBe(90);
    expect(confidenceFor(5)).toBe(50);
    expect(confidenceFor(8)).toBeNull();
  });

  it('maps a confidence to the weight it reaches, and refuses below 50%', () => {
    expect(weightForConfidence(95)).toBe(1);
    expect(weightForConfidence(90)).toBe(1);
    expect(weightForConfidence(80)).toBe(2);
    expect(weightForConfidence(60)).toBe(3);
    expect(weightForConfidence(59)).toBe(5);
    expect(weightForConfidence(49)).toBeNull();
  });

  it('rounds an off-table weight up to the table, and gives up above 5', () => {
    expect(nearestWeightUp(0)).toBe(1);
    expect(nearestWeightUp(3)).toBe(3);
    expect(nearestWeightUp(4)).toBe(5);
    expect(nearestWeightUp(8)).toBeNull();
  });
});

describe('nextWeightUp (security issues: one level higher)', () => {
  it('steps 1→2, 2→3 without a note', () => {
    expect(nextWeightUp(1)).toEqual({ weight: 2, breakDown: false, note: null });
    expect(nextWeightUp(2)).toEqual({ weight: 3, breakDown: false, note: null });
  });

  it('steps 3→5 and says it should then be broken down', () => {
    const step = nextWeightUp(3);
    expect(step.weight).toBe(5);
    expect(step.breakDown).toBe(true);
    expect(step.note).toMatch(/broken down/);
  });

  it('stays at 5 and says 5 is the top', () => {
    const step = nextWeightUp(5);
    expect(step).toMatchObject({ weight: 5, breakDown: true });
    expect(step.note).toMatch(/already the highest/);
  });

  it('takes off-table weights to the next handbook weight, capped at 5', () => {
    expect(nextWeightUp(0).weight).toBe(1);
    expect(nextWeightUp(4).weight).toBe(5);
    expect(nextWeightUp(8).weight).toBe(5);
  });
});

describe('weightTooltip', () => {
  it('shows name, confidence, meaning, bugs, examples and note', () => {
    const text = weightTooltip(weightInfo(3)!);
    expect(text.split('\n')).toEqual([
      '3 · Medium (confidence ≥ 60%)',
      weightInfo(3)!.meaning,
      `Bugs: ${weightInfo(3)!.bugs}`,
      `Examples: ${weightInfo(3)!.examples}`,
      'At most about 2 weeks of work.',
    ]);
  });

  it('leaves out lines a row does not have', () => {
    const text = weightTooltip(weightInfo(1)!);
    expect(text).not.toMatch(/Bugs:/);
    expect(text.split('\n')).toHaveLength(3);
  });
});
