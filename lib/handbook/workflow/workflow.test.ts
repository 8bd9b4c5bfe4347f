import { describe, expect, it } from 'vitest';
import { evaluateChecklist, resolveChecklist } from '../refinement/checklist-evaluate';
import { parseChecklist, type RecognisedChecklist } from '../refinement/checklist-parse';
import { checklistDefinition, checklistItems, renderChecklist } from '../refinement/checklists';
import { DEFAULT_STAGES, mergeSettings } from '../settings';
import {
  WEIGHT_OVER_3_NOTE,
  finishRefinement,
  moveTo,
  nextStage,
  weightFacts,
  workflowStepper,
  type FinishItem,
  type WeightFacts,
} from './workflow';

const HANDBOOK_LABELS = DEFAULT_STAGES.map((s) => `workflow::${s}`);

describe('workflowStepper', () => {
  it('shows the handbook stages in order with the current one', () => {
    const s = workflowStepper(['type::feature', 'workflow::refinement'], HANDBOOK_LABELS);
    expect(s.steps.map((x) => x.stage)).toEqual([...DEFAULT_STAGES]);
    expect(s.steps.every((x) => x.handbook && x.onPath)).toBe(true);
    expect(s.current).toMatchObject({ kind: 'stage', index: 4, step: { label: 'workflow::refinement' } });
    expect(s.steps.map((x) => x.state).join(',')).toBe(
      'past,past,past,past,current,future,future,future,future,future,future',
    );
    expect(s.next?.label).toBe('workflow::ready for development');
  });

  it("places GitLab's other workflow labels where its flow has them, and the rest off the path", () => {
    const project = [
      ...HANDBOOK_LABELS,
      'workflow::blocked',
      'workflow::scheduling',
      'workflow::ready for design',
      'workflow::feature-flagged',
      'workflow::start',
    ];
    const s = workflowStepper(['workflow::scheduling'], project);
    expect(s.steps.map((x) => `${x.handbook ? '' : '+'}${x.stage}${x.onPath ? '' : ' (off)'}`)).toEqual([
      '+start',
      'problem validation',
      '+ready for design',
      'design',
      'solution validation',
      'planning breakdown',
      'refinement',
      '+scheduling',
      'ready for development',
      'in dev',
      'in review',
      'verification',
      'staging',
      '+feature-flagged',
      'complete',
      '+blocked (off)',
    ]);
    expect(s.current).toMatchObject({ kind: 'stage', step: { stage: 'scheduling', handbook: false } });
    expect(s.steps.find((x) => x.stage === 'refinement')?.state).toBe('past');
    expect(s.steps.find((x) => x.stage === 'blocked')?.state).toBe('other');
    expect(s.next?.stage).toBe('ready for development');
  });

  it('shows an off-path current label without claiming the rest is past or future', () => {
    const s = workflowStepper(['workflow::blocked'], [...HANDBOOK_LABELS, 'workflow::blocked']);
    expect(s.current).toMatchObject({ kind: 'stage', step: { stage: 'blocked', onPath: false, state: 'current' } });
    expect(s.steps.filter((x) => x.state !== 'other')).toHaveLength(1);
    expect(s.next).toBeNull();
  });

  it("includes the issue's own workflow label even when the project list lacks it", () => {
    const s = workflowStepper(['workflow::awaiting security release'], []);
    expect(s.steps.at(-1)).toMatchObject({ stage: 'awaiting security release', state: 'current', onPath: false });
  });

  it('shows a conflict instead of guessing', () => {
    const s = workflowStepper(['workflow::refinement', 'workflow::in dev'], HANDBOOK_LABELS);
    expect(s.current).toEqual({ kind: 'conflict', labels: ['workflow::refinement', 'workflow::in dev'] });
    expect(s.steps.filter((x) => x.state === 'conflict').map((x) => x.stage)).toEqual(['refinement', 'in dev']);
    expect(s.next).toBeNull();
  });

  it('with no workflow label, everything is ahead and the first stage is next', () => {
    const s = workflowStepper([], HANDBOOK_LABELS);
    expect(s.current).toEqual({ kind: 'none' });
    expect(s.next?.stage).toBe('problem validation');
  });

  it("uses the project's spelling of a label and the team's stages", () => {
    const settings = mergeSettings({
      scopes: { workflow: 'Flow' },
      workflow: { stages: ['todo', 'groom', 'ready', 'done'], refinement: 'groom', readyForDevelopment: 'ready', complete: 'done' },
    });
    const s = workflowStepper(['flow::Groom'], ['Flow::Todo', 'flow::groom', 'Flow::Ready'], settings);
    expect(s.steps.map((x) => x.label)).toEqual(['Flow::Todo', 'flow::Groom', 'Flow::Ready', 'Flow::done']);
    expect(s.current).toMatchObject({ kind: 'stage', index: 1 });
  });
});

describe('nextStage', () => {
  it('steps through the handbook order', () => {
    expect(nextStage('refinement')).toBe('ready for development');
    expect(nextStage('Ready  for Development')).toBe('in dev');
    expect(nextStage(null)).toBe('problem validation');
    expect(nextStage('complete')).toBeNull();
    expect(nextStage('blocked')).toBeNull();
  });
});

describe('moveTo', () => {
  it('adds the stage and removes every other label in the scope', () => {
    expect(moveTo(['type::bug', 'workflow::refinement', 'workflow::design'], 'in dev')).toEqual({
      add: ['workflow::in dev'],
      remove: ['workflow::refinement', 'workflow::design'],
    });
  });

  it('accepts the full label and does nothing when already there', () => {
    expect(moveTo(['workflow::in dev'], 'workflow::in dev')).toEqual({ add: [], remove: [] });
    expect(moveTo(['Workflow::In Dev', 'workflow::refinement'], 'workflow::in dev')).toEqual({
      add: [],
      remove: ['workflow::refinement'],
    });
  });

  it("keeps other scopes and nested scopes alone, and uses the project's spelling", () => {
    const change = moveTo(['workflow::design', 'workflow::ux::done', 'weight::2'], 'refinement', undefined, ['Workflow::Refinement']);
    expect(change).toEqual({ add: ['Workflow::Refinement'], remove: ['workflow::design'] });
  });
});

function recognised(body: string): RecognisedChecklist {
  const p = parseChecklist(body);
  if (p.status !== 'recognised') throw new Error(JSON.stringify(p));
  return p;
}

const WEIGHT_2: WeightFacts = { weight: 2, backend: null, frontend: null };

function allDone(kind: 'issue' | 'bug'): FinishItem[] {
  return checklistItems(checklistDefinition(kind)).map((i) => ({ id: i.id, text: i.text, auto: i.auto ?? null, done: true, source: '' }));
}

describe('finishRefinement', () => {
  const labels = ['workflow::refinement', 'type::feature'];

  it('moves to ready for development when every item is done', () => {
    expect(finishRefinement({ items: allDone('issue'), weight: WEIGHT_2, labels })).toEqual({
      kind: 'ok',
      change: { add: ['workflow::ready for development'], remove: ['workflow::refinement'] },
    });
  });

  it('does not wait for the ready label item, which finishing sets', () => {
    const items = allDone('bug').map((i) => (i.auto === 'workflow-ready' ? { ...i, done: false } : i));
    expect(finishRefinement({ items, weight: WEIGHT_2, labels }).kind).toBe('ok');
  });

  it('says which items are open', () => {
    const items = allDone('issue').map((i) =>
      i.id === 'weight' || i.id === 'permissions-defined' ? { ...i, done: false } : i,
    );
    const result = finishRefinement({ items, weight: { weight: null, backend: null, frontend: null }, labels });
    expect(result).toEqual({
      kind: 'blocked',
      open: [items[3], items[6]],
      message: '2 items are still open: Required permissions and access levels defined; This issue has a weight.',
    });
  });

  it("warns as the handbook does about a weight over 3, and goes on once confirmed", () => {
    const weight = { weight: 5, backend: null, frontend: null };
    const first = finishRefinement({ items: allDone('issue'), weight, labels });
    expect(first.kind).toBe('needsConfirmation');
    if (first.kind !== 'needsConfirmation') return;
    expect(first.reason).toContain('Weight 5 is over 3.');
    expect(first.reason).toContain(WEIGHT_OVER_3_NOTE);
    expect(WEIGHT_OVER_3_NOTE).toBe(
      'if an issue receives a weight > 3 after this process, it may indicate the IC may not have a full idea of what is needed and further research is needed',
    );
    expect(finishRefinement({ items: allDone('issue'), weight, labels }, undefined, { confirmed: true })).toEqual({
      kind: 'ok',
      change: first.change,
    });
  });

  it('warns about a split part over 3 too', () => {
    const result = finishRefinement({ items: allDone('issue'), weight: { weight: null, backend: 5, frontend: 2 }, labels });
    expect(result).toMatchObject({ kind: 'needsConfirmation', reason: expect.stringContaining('The backend weight is 5, over 3.') });
  });

  it('does not move an issue back that is already ready or further', () => {
    expect(finishRefinement({ items: allDone('issue'), weight: WEIGHT_2, labels: ['workflow::in dev'] })).toEqual({
      kind: 'already',
      label: 'workflow::in dev',
    });
  });

  it('has nothing to finish without items', () => {
    expect(finishRefinement({ items: [], weight: WEIGHT_2, labels }).kind).toBe('blocked');
  });

  it('works end to end from the comment and the issue data', () => {
    const issue = {
      title: 'Show protected-path badge',
      labels: ['workflow::refinement', 'type::feature', 'Workflow::Design'],
      description: '### Proposal\n\nShow a badge.',
      type: 'issue',
      weight: 3,
    };
    const judgement = ['title-describes-change', 'permissions-defined', 'small-enough'];
    const comment = recognised(renderChecklist('issue', judgement));
    const evaluations = evaluateChecklist('issue', {
      issue,
      capabilities: { weight: true },
      notes: [{ body: '### Implementation Plan\n\n**1. Approach**\n\nAdd a badge component.' }],
      blockers: 0,
    });
    const items = resolveChecklist(evaluations, comment);
    // Two workflow labels: the refinement item is not done until one is kept.
    expect(finishRefinement({ items, weight: weightFacts(issue, { weight: true }), labels: issue.labels })).toMatchObject({
      kind: 'blocked',
      open: [{ id: 'label-refinement', source: '2 workflow labels: workflow::refinement, Workflow::Design' }],
    });
    const fixed = { ...issue, labels: ['workflow::refinement', 'type::feature'] };
    const again = resolveChecklist(
      evaluateChecklist('issue', { issue: fixed, capabilities: { weight: true }, notes: [{ body: '## Implementation plan\nAdd it.' }], blockers: 0 }),
      comment,
    );
    expect(finishRefinement({ items: again, weight: weightFacts(fixed, { weight: true }), labels: fixed.labels })).toEqual({
      kind: 'ok',
      change: { add: ['workflow::ready for development'], remove: ['workflow::refinement'] },
    });
  });
});

describe('weightFacts', () => {
  it('reads the field where the tier has one, else the label, and the split labels', () => {
    expect(weightFacts({ weight: 3, labels: ['backend-weight::2', 'frontend-weight::1'] }, { weight: true })).toEqual({
      weight: 3,
      backend: 2,
      frontend: 1,
    });
    expect(weightFacts({ weight: null, labels: ['weight::5'] }, { weight: false })).toEqual({ weight: 5, backend: null, frontend: null });
  });
});
