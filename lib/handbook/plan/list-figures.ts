// What a list page says about each issue and about all of them: the same rules engine as the issue page (evaluate),
// the findings worth a badge, and the figures of the summary bar. Pure.
import type { Capabilities, Issue } from '@/lib/forge/model';
import { issueLoad, type IssueLoad } from './capacity';
import { evaluate, factsFromIssue, summarizeFindings, type Finding } from '../refinement/rules';
import { DEFAULT_SETTINGS, type RuleId, type Settings } from '../settings';

const OVERSIZED: readonly RuleId[] = ['weight-over-3', 'weight-over-3-refined', 'split-part-over-3'];

export interface IssueVerdict {
  findings: Finding[];
  /** Findings worth a badge: problems, and advice that comes with a fix (a spike without weight). */
  badge: Finding[];
  /** "No weight, ready for development; over 3: break down" — the badge's accessible name. */
  label: string;
  load: IssueLoad;
  unweighted: boolean;
  oversized: boolean;
  readyWithoutWeight: boolean;
}

export function judgeIssue(
  view: { issue: Issue; capabilities: Pick<Capabilities, 'weight'> },
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): IssueVerdict {
  const { issue, capabilities } = view;
  const findings = evaluate(factsFromIssue(issue, capabilities, settings), settings);
  // Explanations without a fix (a split weight "counts as weighted", security advice) would badge healthy issues.
  const badge = findings.filter((f) => f.severity !== 'info' || f.fixes.length > 0);
  const load = issueLoad(issue, capabilities, settings);
  const epic = issue.type === 'epic' || issue.ref.kind === 'epic';
  return {
    findings,
    badge,
    label: summarizeFindings(badge).label,
    load,
    unweighted: load.weight === null && issue.state === 'opened' && !epic,
    oversized: findings.some((f) => OVERSIZED.includes(f.ruleId)),
    readyWithoutWeight: findings.some((f) => f.ruleId === 'missing-weight'),
  };
}

export type ListFilter = 'unweighted' | 'oversized' | 'ready-without-weight';

export function matchesFilter(v: IssueVerdict, filter: ListFilter): boolean {
  if (filter === 'unweighted') return v.unweighted;
  if (filter === 'oversized') return v.oversized;
  return v.readyWithoutWeight;
}

export interface ListFigures {
  /** Issues judged (the rows whose issue could be read). */
  count: number;
  totalWeight: number;
  unweighted: number;
  oversized: number;
  readyWithoutWeight: number;
}

/** Figures over the issues shown, each issue once however many rows show it. */
export function listFigures(verdicts: Iterable<IssueVerdict>): ListFigures {
  const out: ListFigures = { count: 0, totalWeight: 0, unweighted: 0, oversized: 0, readyWithoutWeight: 0 };
  for (const v of verdicts) {
    out.count += 1;
    out.totalWeight += v.load.weight ?? 0;
    if (v.unweighted) out.unweighted += 1;
    if (v.oversized) out.oversized += 1;
    if (v.readyWithoutWeight) out.readyWithoutWeight += 1;
  }
  return out;
}
