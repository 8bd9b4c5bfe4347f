// A parent's plan at a glance from its children (issue 18): weights against the parent's own, progress weighted by
// weight, health and stale updates. Pure.
//
// Rules (where the handbook is silent, these are ours):
// - Counted children are the leaves: a child whose own children are listed below it is shown, but its children are
//   counted instead of it, so no weight is counted twice (GitLab rolls an epic's weight up from its issues the same way).
// - A child's weight is its weight field, else its `weight::N` label, else backend + frontend when both are set
//   (capacity.ts issueLoad). Backend / frontend sums take each side that is set, whether or not the whole weight is.
// - Weighted completion = Σ weight × complete % / Σ weight over the weighted counted children. A closed child is 100 %
//   complete; an open child without an update giving a complete % counts as 0 % (and is listed as without progress).
//   Children without a weight (or weight 0) are not in the figure; they are listed as unweighted.
// - A child's health: the forge's health field, else its `health::` label, else its latest update's. Closed children
//   have no health. Worst: at risk, then needs attention, then on track.
// - Stale: an open child whose latest update is older than the team's interval (statusUpdates.maxWorkingDays working
//   days), when it is in a development stage or has had an update before (a backlog child with none is not stale).
// - Blocked: an open child the forge says open items block (GitLab's linked items, GitHub's dependencies), or in the
//   `workflow::blocked` stage.
import type { PlanChild, ChildComment } from '@/lib/forge/children-model';
import type { HealthStatus } from '@/lib/forge/model';
import { issueLoad } from './capacity';
import { healthFromLabels, issueSplitWeights, workflowStage } from '../labels';
import type { ParsedStatusUpdate } from '../status/status-parse';
import { staleness } from '../status/status-staleness';
import { MAX_WEIGHT_BEFORE_BREAKDOWN } from '../weights/weights';
import { normalizeStage, type Settings } from '../settings';
import { childUpdates, updatesOf } from './updates';

export interface ChildRow {
  child: PlanChild;
  /** Counted in the sums (a leaf). */
  counted: boolean;
  weight: number | null;
  backend: number | null;
  frontend: number | null;
  latest: ParsedStatusUpdate | null;
  /** Every update among the comments read, oldest first. */
  updates: ParsedStatusUpdate[];
  /** A newer comment that looks like an update but could not be read. */
  unrecognised: ChildComment | null;
  /** The complete % counted: 100 for closed, the latest update's, else null. */
  complete: number | null;
  health: HealthStatus | null;
  stale: boolean;
  staleReason: string | null;
  /** Open and blocked; `blockedBy`: how many items block it where the forge says (null from the label alone). */
  blocked: boolean;
  blockedBy: number | null;
}

export interface Split {
  open: number;
  closed: number;
}

export interface RollUp {
  rows: ChildRow[];
  parentWeight: number | null;
  rolledUpWeight: number | null;
  /** Σ weight of counted children, by state. */
  weight: Split & { total: number };
  /** Σ of the set backend / frontend weights of counted children; null when none has a split. */
  backend: (Split & { total: number }) | null;
  frontend: (Split & { total: number }) | null;
  /** Children's weight minus the parent's own; null without a parent weight. */
  difference: number | null;
  counts: { children: number; counted: number; open: number; closed: number; weighted: number };
  unweighted: ChildRow[];
  /** Counted children weighted over 3: the handbook asks to break them down. */
  oversized: ChildRow[];
  /** Weighted completion in %, rounded; null when no counted child is weighted. */
  completion: number | null;
  /** Open weighted children counted as 0 % for want of a complete % in an update. */
  withoutProgress: ChildRow[];
  health: { worst: HealthStatus | null; atRisk: number; needsAttention: number; onTrack: number };
  stale: ChildRow[];
  unrecognised: ChildRow[];
  /** Open children blocked (any level). */
  blocked: ChildRow[];
}

const HEALTH_RANK: Record<HealthStatus, number> = { on_track: 0, needs_attention: 1, at_risk: 2 };

export function worstHealth(values: readonly (HealthStatus | null)[]): HealthStatus | null {
  let worst: HealthStatus | null = null;
  for (const h of values) if (h !== null && (worst === null || HEALTH_RANK[h] > HEALTH_RANK[worst])) worst = h;
  return worst;
}

const split = () => ({ open: 0, closed: 0, total: 0 });
const add = (s: Split & { total: number }, closed: boolean, n: number) => {
  s.total += n;
  if (closed) s.closed += n;
  else s.open += n;
};

export interface RollUpInput {
  parent: { weight: number | null; rolledUpWeight?: number | null };
  children: readonly PlanChild[];
}

export function rollUp(input: RollUpInput, settings: Readonly<Settings>, now: number | Date = Date.now()): RollUp {
  const parents = new Set(input.children.flatMap((c) => (c.under === null ? [] : [c.under.toLowerCase()])));
  const dev = new Set(settings.statusUpdates.developmentStages.map(normalizeStage));
  const scopes = { backend: settings.scopes.backendWeight, frontend: settings.scopes.frontendWeight };

  const rows: ChildRow[] = input.children.map((child) => {
    const closed = child.state === 'closed';
    const counted = !parents.has(child.reference.toLowerCase());
    const load = issueLoad(child, { weight: true }, settings);
    const sides = issueSplitWeights(child, scopes);
    const { latest, unrecognised } = childUpdates(child.comments);
    const updates = updatesOf(child.comments);
    const label = healthFromLabels(child.labels, settings.scopes.health);
    const health = closed ? null : (child.healthStatus ?? (label.status === 'set' ? label.value : null) ?? latest?.health ?? null);
    const stage = workflowStage(child.labels, settings.scopes.workflow);
    const inDevelopment = (stage.status === 'set' && dev.has(normalizeStage(stage.value))) || latest !== null;
    const stale = closed ? null : staleness(latest ? [latest] : [], now, { inDevelopment, maxWorkingDays: settings.statusUpdates.maxWorkingDays });
    const blockedBy = !closed && (child.blockedBy ?? 0) > 0 ? child.blockedBy! : null;
    const blocked = !closed && (blockedBy !== null || (stage.status === 'set' && normalizeStage(stage.value) === 'blocked'));
    return {
      child,
      counted,
      weight: load.weight,
      backend: sides.backend.status === 'set' ? sides.backend.value : null,
      frontend: sides.frontend.status === 'set' ? sides.frontend.value : null,
      latest,
      updates,
      unrecognised,
      complete: closed ? 100 : (latest?.complete ?? null),
      health,
      stale: stale?.stale ?? false,
      staleReason: stale?.reason ?? null,
      blocked,
      blockedBy,
    };
  });

  const weight = split();
  const backend = split();
  const frontend = split();
  let anySplit = false;
  let weighted = 0;
  let done = 0;
  let weightSum = 0;
  const counts = { children: rows.length, counted: 0, open: 0, closed: 0, weighted: 0 };
  const unweighted: ChildRow[] = [];
  const oversized: ChildRow[] = [];
  const withoutProgress: ChildRow[] = [];
  for (const row of rows) {
    if (!row.counted) continue;
    const closed = row.child.state === 'closed';
    counts.counted += 1;
    if (closed) counts.closed += 1;
    else counts.open += 1;
    if (row.backend !== null) {
      anySplit = true;
      add(backend, closed, row.backend);
    }
    if (row.frontend !== null) {
      anySplit = true;
      add(frontend, closed, row.frontend);
    }
    if (row.weight === null) {
      unweighted.push(row);
      continue;
    }
    counts.weighted += 1;
    weighted += 1;
    add(weight, closed, row.weight);
    if (row.weight > MAX_WEIGHT_BEFORE_BREAKDOWN) oversized.push(row);
    if (row.weight === 0) continue;
    weightSum += row.weight;
    if (row.complete === null) withoutProgress.push(row);
    done += row.weight * (row.complete ?? 0);
  }
  const open = rows.filter((r) => r.child.state === 'opened');
  const healths = open.map((r) => r.health);
  return {
    rows,
    parentWeight: input.parent.weight,
    rolledUpWeight: input.parent.rolledUpWeight ?? null,
    weight,
    backend: anySplit ? backend : null,
    frontend: anySplit ? frontend : null,
    difference: input.parent.weight === null ? null : weight.total - input.parent.weight,
    counts,
    unweighted,
    oversized,
    completion: weighted === 0 || weightSum === 0 ? null : Math.round(done / weightSum),
    withoutProgress,
    health: {
      worst: worstHealth(healths),
      atRisk: healths.filter((h) => h === 'at_risk').length,
      needsAttention: healths.filter((h) => h === 'needs_attention').length,
      onTrack: healths.filter((h) => h === 'on_track').length,
    },
    stale: open.filter((r) => r.stale),
    unrecognised: rows.filter((r) => r.unrecognised !== null),
    blocked: open.filter((r) => r.blocked),
  };
}
