// The workflow stepper and its moves: the handbook's stages in order, the project's other workflow:: labels placed
// around them, one-click moves that keep the scope to one label, and "Finish refinement". Pure.
import type { Capabilities, Issue, LabelChange } from '@/lib/forge/model';
import { normalizeLabel } from '../refinement/classify';
import type { ResolvedItem } from '../refinement/checklist-evaluate';
import { effectiveWeight } from '../refinement/facts';
import { issueSplitWeights, labelsInScope, valueOf, workflowStage } from '../labels';
import { DEFAULT_SETTINGS, isAtOrAfter, normalizeStage, stageIndex, stageLabel, type Settings } from '../settings';
import { MAX_WEIGHT_BEFORE_BREAKDOWN } from '../weights/weights';

export type StepState = 'past' | 'current' | 'future' | 'conflict' | 'other';

export interface WorkflowStep {
  /** The value after `workflow::`, as the project (or the settings) spell it. */
  stage: string;
  label: string;
  /** One of the configured handbook stages. */
  handbook: boolean;
  /** Has a place in the order; false for states beside it ("blocked") and labels we cannot place. */
  onPath: boolean;
  /** 'other' for off-path steps, and for every step while the stage is unknown or conflicting. */
  state: StepState;
}

export type CurrentStage =
  | { kind: 'none' }
  | { kind: 'stage'; index: number; step: WorkflowStep }
  /** Several workflow labels (GitLab Free, GitHub): nothing moves until one is kept. */
  | { kind: 'conflict'; labels: string[] };

export interface WorkflowStepper {
  steps: WorkflowStep[];
  current: CurrentStage;
  /** The next handbook stage; null at the end, on a conflict, or when the current label is off the path. */
  next: WorkflowStep | null;
}

/**
 * Other workflow labels GitLab's Product Development Flow uses, and the handbook stage each comes before. A label
 * whose anchor the team removed from its stages goes off the path, like unknown ones.
 */
const PLACED: readonly { stage: string; before: string }[] = [
  { stage: 'start', before: 'problem validation' },
  { stage: 'validation backlog', before: 'problem validation' },
  { stage: 'ready for design', before: 'design' },
  { stage: 'needs issue review', before: 'ready for development' },
  { stage: 'scheduling', before: 'ready for development' },
  { stage: 'feature flagged', before: 'complete' },
  { stage: 'production', before: 'complete' },
];

/** Stage names compare like settings do, with "feature-flagged" equal to "feature flagged". */
function stageKey(stage: string): string {
  return normalizeStage(stage.replace(/[-_]+/g, ' '));
}

function workflowValues(labels: readonly string[], scope: string): string[] {
  return labelsInScope(labels, scope)
    .map(valueOf)
    .filter((v) => v !== '');
}

/** The label as the project spells it, else as the settings would write it. */
function spelling(stage: string, known: ReadonlyMap<string, string>, settings: Readonly<Settings>): string {
  return known.get(normalizeLabel(stageLabel(stage, settings))) ?? stageLabel(stage, settings);
}

/** Each normalized label → its first spelling: one pass, not one search of every label per step. */
function spellings(labels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const label of labels) {
    const key = normalizeLabel(label);
    if (!out.has(key)) out.set(key, label);
  }
  return out;
}

/**
 * The steps to show: the handbook stages in the configured order, the project's (and the issue's) other workflow
 * labels placed where GitLab's flow has them, then those that have no place. Marks the current step.
 */
export function workflowStepper(
  labels: readonly string[],
  projectLabels: readonly string[] = [],
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): WorkflowStepper {
  const scope = settings.scopes.workflow;
  const stages = settings.workflow.stages;
  const known = [...labels, ...projectLabels];
  const stageKeys = new Set(stages.map(stageKey));

  const extras = new Map<string, string>();
  for (const value of workflowValues(known, scope)) {
    const key = stageKey(value);
    if (!stageKeys.has(key) && !extras.has(key)) extras.set(key, value);
  }
  const placedBefore = new Map<string, string[]>();
  for (const p of PLACED) {
    const value = extras.get(stageKey(p.stage));
    if (value === undefined || !stageKeys.has(stageKey(p.before))) continue;
    placedBefore.set(stageKey(p.before), [...(placedBefore.get(stageKey(p.before)) ?? []), value]);
    extras.delete(stageKey(p.stage));
  }

  const steps: WorkflowStep[] = [];
  const spelled = spellings(known);
  const extra = (value: string, onPath: boolean) =>
    steps.push({ stage: value, label: spelling(value, spelled, settings), handbook: false, onPath, state: 'other' });
  for (const stage of stages) {
    for (const value of placedBefore.get(stageKey(stage)) ?? []) extra(value, true);
    steps.push({ stage, label: spelling(stage, spelled, settings), handbook: true, onPath: true, state: 'other' });
  }
  for (const value of extras.values()) extra(value, false);

  const reading = workflowStage(labels, scope);
  if (reading.status === 'conflict') {
    const conflicting = new Set(reading.labels.map((l) => stageKey(valueOf(l))));
    for (const step of steps) if (conflicting.has(stageKey(step.stage))) step.state = 'conflict';
    return { steps, current: { kind: 'conflict', labels: reading.labels }, next: null };
  }
  const index = reading.status === 'set' ? steps.findIndex((s) => stageKey(s.stage) === stageKey(reading.value)) : -1;
  const step = steps[index];
  if (!step) {
    for (const s of steps) if (s.onPath) s.state = 'future';
    return { steps, current: { kind: 'none' }, next: steps.find((s) => s.handbook) ?? null };
  }
  step.state = 'current';
  if (!step.onPath) return { steps, current: { kind: 'stage', index, step }, next: null };
  steps.forEach((s, i) => {
    if (s.onPath && i !== index) s.state = i < index ? 'past' : 'future';
  });
  const next = steps.slice(index + 1).find((s) => s.handbook) ?? null;
  return { steps, current: { kind: 'stage', index, step }, next };
}

/** The handbook stage after `current` (the first one when there is none); null after the last or for unknown stages. */
export function nextStage(current: string | null, settings: Readonly<Settings> = DEFAULT_SETTINGS): string | null {
  const stages = settings.workflow.stages;
  if (current === null) return stages[0] ?? null;
  const at = stageIndex(current, stages);
  return at < 0 ? null : (stages[at + 1] ?? null);
}

/**
 * The label change that moves the issue to `stage` ("in dev" or "workflow::in dev"): add its label unless present and
 * remove every other label in the scope, since GitLab Free and GitHub do not do that themselves.
 */
export function moveTo(
  labels: readonly string[],
  stage: string,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
  projectLabels: readonly string[] = [],
): LabelChange {
  const scope = settings.scopes.workflow;
  let value = stage.trim();
  const prefix = `${scope}::`;
  if (normalizeLabel(value).startsWith(normalizeLabel(prefix))) value = valueOf(value);
  if (value === '') return { add: [], remove: [] };
  const inScope = labelsInScope(labels, scope);
  const same = (l: string) => stageKey(valueOf(l)) === stageKey(value);
  const add = inScope.some(same) ? [] : [spelling(value, spellings([...projectLabels, ...labels]), settings)];
  return { add, remove: [...new Set(inScope.filter((l) => !same(l)))] };
}

export interface WeightFacts {
  /** The effective weight (field, else weight:: label). */
  weight: number | null;
  backend: number | null;
  frontend: number | null;
}

/** The weights "Finish refinement" looks at, read as the rules read them. */
export function weightFacts(
  issue: Pick<Issue, 'weight' | 'labels' | 'splitWeights'>,
  capabilities: Pick<Capabilities, 'weight'>,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): WeightFacts {
  const split = issueSplitWeights(issue, { backend: settings.scopes.backendWeight, frontend: settings.scopes.frontendWeight });
  return {
    weight: effectiveWeight(issue, capabilities, settings).weight,
    backend: split.backend.status === 'set' ? split.backend.value : null,
    frontend: split.frontend.status === 'set' ? split.frontend.value : null,
  };
}

/** Source Code BE "Issue refinement", the note under the steps. */
export const WEIGHT_OVER_3_NOTE =
  'if an issue receives a weight > 3 after this process, it may indicate the IC may not have a full idea of what is ' +
  'needed and further research is needed';

export type FinishItem = Pick<ResolvedItem, 'id' | 'text' | 'auto' | 'done' | 'source'>;

export interface FinishInput {
  /** The checklist as resolveChecklist returns it. */
  items: readonly FinishItem[];
  weight: WeightFacts;
  /** The issue's labels now. */
  labels: readonly string[];
  /** For the project's spelling of the ready label. */
  projectLabels?: readonly string[];
}

export type FinishResult =
  | { kind: 'ok'; change: LabelChange }
  | { kind: 'blocked'; open: FinishItem[]; message: string }
  /** Ask the person; call again with `confirmed: true` to go on. */
  | { kind: 'needsConfirmation'; reason: string; change: LabelChange }
  /** Already at or past ready for development: finishing would move it back. */
  | { kind: 'already'; label: string };

function overThree(weight: WeightFacts): string | null {
  const over = (n: number | null) => n !== null && n > MAX_WEIGHT_BEFORE_BREAKDOWN;
  if (over(weight.weight)) return `Weight ${weight.weight} is over ${MAX_WEIGHT_BEFORE_BREAKDOWN}.`;
  const parts = (['backend', 'frontend'] as const).filter((p) => over(weight[p]));
  if (parts.length === 0) return null;
  return `${parts.map((p) => `The ${p} weight is ${weight[p]}`).join('; ')}, over ${MAX_WEIGHT_BEFORE_BREAKDOWN}.`;
}

/**
 * "Finish refinement": with every item done, the change to `workflow::ready for development`. Open items block it
 * (the ready label item itself does not, finishing sets it); a weight over 3 asks first, as the handbook warns.
 */
export function finishRefinement(
  input: FinishInput,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
  options: { confirmed?: boolean } = {},
): FinishResult {
  const ready = settings.workflow.readyForDevelopment;
  const reading = workflowStage(input.labels, settings.scopes.workflow);
  if (reading.status === 'set' && isAtOrAfter(reading.value, ready, settings.workflow.stages))
    return { kind: 'already', label: reading.label };

  const open = input.items.filter((i) => !i.done && i.auto !== 'workflow-ready');
  const warning = overThree(input.weight);
  if (input.items.length === 0) return { kind: 'blocked', open: [], message: 'There is no checklist to finish.' };
  if (open.length > 0) {
    const list = open.map((i) => i.text).join('; ');
    const count = open.length === 1 ? '1 item is still open' : `${open.length} items are still open`;
    const message = `${count}: ${list}.${warning ? ` ${warning}` : ''}`;
    return { kind: 'blocked', open, message };
  }
  const change = moveTo(input.labels, ready, settings, input.projectLabels);
  if (warning && !options.confirmed) {
    const reason = `${warning} The handbook: "${WEIGHT_OVER_3_NOTE}." Consider breaking it down or researching further first.`;
    return { kind: 'needsConfirmation', reason, change };
  }
  return { kind: 'ok', change };
}
