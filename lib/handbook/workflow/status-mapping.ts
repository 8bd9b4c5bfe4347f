// Handbook workflow stages ↔ a GitLab namespace's Statuses (18.2+): which status each stage sets, and which stage an
// issue's status stands for. Pure. A team's choice in the options wins; otherwise a stage takes the status of its own
// name, then GitLab's default status meant for it ("To do", "In progress", "Done"), then an unclaimed status of its
// category. A stage left without one cannot be set through Status, and the stepper says why.
import type { StatusCategory, WorkItemStatus } from '@/lib/forge/model';
import { labelsInScope } from '../labels';
import { DEFAULT_SETTINGS, normalizeStage, stageLabel, type Settings } from '../settings';

export type MappedVia = 'setting' | 'name' | 'default' | 'category';

export interface StageStatus {
  stage: string;
  /** The status a move to this stage sets; null when none maps (see reason). */
  status: WorkItemStatus | null;
  via: MappedVia | null;
  /** Why no status maps; null when one does. */
  reason: string | null;
}

/** GitLab's system-defined statuses and the stage each stands for in the handbook's flow. */
const GITLAB_DEFAULT_NAMES: Readonly<Record<string, readonly string[]>> = {
  'ready for development': ['to do'],
  'in dev': ['in progress'],
  complete: ['done'],
};

/** The category a handbook stage belongs to, for statuses named otherwise. */
const STAGE_CATEGORY: Readonly<Record<string, StatusCategory>> = {
  'problem validation': 'triage',
  design: 'triage',
  'solution validation': 'triage',
  'planning breakdown': 'to_do',
  refinement: 'to_do',
  'ready for development': 'to_do',
  'in dev': 'in_progress',
  'in review': 'in_progress',
  verification: 'in_progress',
  staging: 'in_progress',
  complete: 'done',
};

const key = (s: string) => normalizeStage(s);

/** Moving to a status of these categories closes the work item (GitLab does so itself). */
export function closesIssue(status: Pick<WorkItemStatus, 'category'>): boolean {
  return status.category === 'done' || status.category === 'canceled';
}

/** Each configured stage with the status it sets, in the configured order. */
export function mapStagesToStatuses(statuses: readonly WorkItemStatus[], settings: Readonly<Settings> = DEFAULT_SETTINGS): StageStatus[] {
  const stages = settings.workflow.stages;
  const chosen = new Map(Object.entries(settings.nativeStatus.mapping).map(([stage, name]) => [key(stage), name.trim()]));
  const byName = (name: string) => statuses.find((s) => key(s.name) === key(name)) ?? null;
  const out: StageStatus[] = stages.map((stage) => ({ stage, status: null, via: null, reason: null }));

  // First pass: explicit choices, own names and GitLab's defaults; these claim their status.
  for (const entry of out) {
    const setting = chosen.get(key(entry.stage));
    if (setting) {
      entry.status = byName(setting);
      entry.via = entry.status ? 'setting' : null;
      if (!entry.status) entry.reason = `"${setting}" (set in Refinery's options) is not one of this namespace's statuses.`;
      continue;
    }
    const own = byName(entry.stage);
    const fallback = (GITLAB_DEFAULT_NAMES[key(entry.stage)] ?? []).map(byName).find((s) => s !== null) ?? null;
    entry.status = own ?? fallback;
    entry.via = own ? 'name' : fallback ? 'default' : null;
  }
  // Second pass: a status of the stage's category that no other stage claimed, so two stages rarely share one.
  const claimed = new Set(out.flatMap((e) => (e.status ? [e.status.id] : [])));
  for (const entry of out) {
    if (entry.status || entry.reason) continue;
    const category = STAGE_CATEGORY[key(entry.stage)];
    const free = category ? statuses.find((s) => s.category === category && !claimed.has(s.id)) : undefined;
    if (free) {
      entry.status = free;
      entry.via = 'category';
      claimed.add(free.id);
    } else {
      entry.reason = `No status of this namespace maps to "${entry.stage}": pick one in Refinery's options (GitLab Status mapping).`;
    }
  }
  return out;
}

/** The stage an issue's status stands for: a stage mapped by choice or name before one mapped by category. */
export function stageOfStatus(status: Pick<WorkItemStatus, 'id' | 'name'> | null | undefined, mapped: readonly StageStatus[]): string | null {
  if (!status) return null;
  const same = mapped.filter((m) => m.status?.id === status.id);
  return (same.find((m) => m.via !== 'category') ?? same[0])?.stage ?? null;
}

export type StatusStepState = 'past' | 'current' | 'future' | 'unmapped';

export interface StatusStep extends StageStatus {
  state: StatusStepState;
  /** The move closes the issue (a done or canceled status). */
  closes: boolean;
}

export interface StatusStepper {
  steps: StatusStep[];
  /** The stage the issue's status stands for; null without a status or for one no stage maps to (e.g. Won't do). */
  current: string | null;
  /** The next stage after the current one that a status maps to; the first such stage without a current one. */
  next: StatusStep | null;
}

/** The stepper over handbook stages when the namespace has statuses. */
export function statusStepper(
  status: WorkItemStatus | null | undefined,
  statuses: readonly WorkItemStatus[],
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): StatusStepper {
  const mapped = mapStagesToStatuses(statuses, settings);
  const current = stageOfStatus(status, mapped);
  const at = current === null ? -1 : mapped.findIndex((m) => m.stage === current);
  const steps = mapped.map((m, i): StatusStep => ({
    ...m,
    closes: m.status ? closesIssue(m.status) : false,
    state: !m.status ? 'unmapped' : i === at ? 'current' : at >= 0 && i < at ? 'past' : 'future',
  }));
  const next = steps.slice(at + 1).find((s) => s.status !== null) ?? null;
  return { steps, current, next };
}

/**
 * The labels as the handbook's rules and checklists read them: where the namespace has statuses the stage is the
 * status's (as its workflow:: label), whatever workflow:: labels linger; elsewhere the labels as they are.
 */
export function labelsWithStatusStage(
  labels: readonly string[],
  status: WorkItemStatus | null | undefined,
  statuses: readonly WorkItemStatus[] | undefined,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): string[] {
  if (!statuses?.length) return [...labels];
  const workflow = new Set(labelsInScope(labels, settings.scopes.workflow));
  const stage = stageOfStatus(status, mapStagesToStatuses(statuses, settings));
  return [...labels.filter((l) => !workflow.has(l)), ...(stage ? [stageLabel(stage, settings)] : [])];
}
