// Capacity as the Source Code team's handbook plans it ("Team availability"): every individual contributor has a weight
// budget of 10 per milestone, reduced by their availability (80% available → 8); the weights of the issues assigned to
// them in the milestone are summed against it. Issues without a weight are listed: they are work the sum cannot see.
// Pure; also gives the load an issue adds to a list's total.
import type { Capabilities, Issue } from '@/lib/forge/model';
import { factsFromIssue } from '../refinement/facts';
import { issueSplitWeights } from '../labels';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

/** "All individual contributors start with a weight budget of 10." */
export const FULL_BUDGET = 10;

/** The budget for an availability in percent (clamped to 0–100), to one decimal: 75% → 7.5. */
export function weightBudget(availabilityPercent: number, full = FULL_BUDGET): number {
  const pct = Number.isFinite(availabilityPercent) ? Math.min(100, Math.max(0, availabilityPercent)) : 100;
  return Math.round(full * pct) / 100;
}

export interface IssueLoad {
  /** What the issue adds to a sum; null when it has no weight. */
  weight: number | null;
  /** `weight`: the weight field or weight:: label; `split`: backend + frontend weights (fields or labels), both set. */
  source: 'weight' | 'split' | null;
}

/**
 * The weight an issue counts for: its effective weight (field where the tier has one, else the weight:: label), else
 * the sum of its backend and frontend weights when both are set ("an issue can only have a single weight, so we use
 * scoped labels instead"). One split label alone leaves the issue unweighted, as the rules see it.
 */
export function issueLoad(
  issue: Pick<Issue, 'title' | 'labels' | 'weight' | 'type' | 'state' | 'splitWeights'>,
  capabilities: Pick<Capabilities, 'weight'>,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): IssueLoad {
  const weight = factsFromIssue(issue, capabilities, settings).weight;
  if (weight !== null) return { weight, source: 'weight' };
  const { backendWeight, frontendWeight } = settings.scopes;
  const split = issueSplitWeights(issue, { backend: backendWeight, frontend: frontendWeight });
  if (split.backend.status === 'set' && split.frontend.status === 'set') {
    return { weight: split.backend.value + split.frontend.value, source: 'split' };
  }
  return { weight: null, source: null };
}

export interface CapacityItem {
  issue: Issue;
  capabilities: Pick<Capabilities, 'weight'>;
}

export interface CapacitySum {
  /** Sum of the weights of the weighted issues. */
  total: number;
  /** Issues counted (weighted or not). */
  count: number;
  weighted: number;
  /** Issues the sum cannot see: no weight (and not a complete split). */
  unweighted: Issue[];
}

/** Sums one person's issues; the same issue listed twice counts once. Epics are planned through their issues: skipped. */
export function sumCapacity(items: readonly CapacityItem[], settings: Readonly<Settings> = DEFAULT_SETTINGS): CapacitySum {
  const seen = new Set<string>();
  const out: CapacitySum = { total: 0, count: 0, weighted: 0, unweighted: [] };
  for (const { issue, capabilities } of items) {
    const key = `${issue.ref.path.toLowerCase()}#${issue.ref.iid}`;
    if (seen.has(key) || issue.type === 'epic' || issue.ref.kind === 'epic') continue;
    seen.add(key);
    out.count += 1;
    const load = issueLoad(issue, capabilities, settings);
    if (load.weight === null) out.unweighted.push(issue);
    else {
      out.total += load.weight;
      out.weighted += 1;
    }
  }
  return out;
}

export type CapacityStatus = 'over' | 'full' | 'under';

export function capacityStatus(total: number, budget: number): CapacityStatus {
  return total > budget ? 'over' : total === budget ? 'full' : 'under';
}
