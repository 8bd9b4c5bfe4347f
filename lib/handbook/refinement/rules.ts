// The handbook's weighting rules as one pure function, shared by the issue page and the list pages.
// Sources: GitLab Package stage "Issue Weighting" / "Issue size"; Source Code BE "Issue refinement", "Weighting issues".
import { isSecurity, isSpike } from './classify';
import type { Fix, SplitPart } from './fixes';
import type { IssueFacts } from './facts';
import { issueSplitWeights, labelsInScope, weightFromLabels, workflowStage, type LabelReading } from '../labels';
import {
  DEFAULT_SETTINGS,
  isAtOrAfter,
  normalizeStage,
  stageIndex,
  stageLabel,
  type RuleId,
  type Settings,
} from '../settings';
import {
  MAX_WEIGHT_BEFORE_BREAKDOWN,
  WEIGHT_3_MAX_WEEKS,
  isHandbookWeight,
  nearestWeightUp,
  nextWeightUp,
  type HandbookWeight,
} from '../weights/weights';

export { effectiveWeight, factsFromIssue, type EffectiveWeight, type IssueFacts, type WeightConflict } from './facts';
export { fixLabel, fixSchema, type Fix, type FixKind, type SplitPart } from './fixes';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** A sentence or two a person understands, giving the handbook's reason. */
  message: string;
  /** A few words for badges and summaries ("No weight, in dev"). */
  short: string;
  /** Buttons to offer, the recommended one first; empty when the fix is a judgement call. */
  fixes: Fix[];
}

const BREAK_DOWN =
  'Anything larger than 3 should be broken down: promote the issue to an epic with sub-issues, or split the work into related issues.';
const THREE = `A 3 should take no more than ${WEIGHT_3_MAX_WEEKS} weeks.`;

interface Part {
  part: SplitPart;
  name: string;
  reading: LabelReading<number>;
}

/** Everything the rules share, read once. */
interface Context {
  facts: IssueFacts;
  settings: Readonly<Settings>;
  weightLabel: LabelReading<number>;
  /** facts.weight, or the weight:: label when the caller left the weight unresolved. */
  weight: number | null;
  parts: Part[];
  /** The workflow stage in the configured spelling; null when absent, unknown or conflicting. */
  stage: string | null;
  /** At or after "ready for development": refinement is done. */
  refined: boolean;
  spike: boolean;
}

interface Rule {
  id: RuleId;
  /** Label hygiene runs on every issue; planning advice only on open, unfinished issues that are not epics. */
  planning: boolean;
  check(ctx: Context): Omit<Finding, 'ruleId'>[];
}

function readStage(labels: readonly string[], settings: Readonly<Settings>): string | null {
  const reading = workflowStage(labels, settings.scopes.workflow);
  if (reading.status !== 'set') return null;
  const at = stageIndex(reading.value, settings.workflow.stages);
  return at < 0 ? null : (settings.workflow.stages[at] as string);
}

function isStage(stage: string | null, wanted: string): boolean {
  return stage !== null && normalizeStage(stage) === normalizeStage(wanted);
}

function partLabel(part: Part): string {
  return part.reading.status === 'set' || part.reading.status === 'invalid' ? part.reading.label : part.name;
}

function setParts(ctx: Context): (Part & { value: number })[] {
  return ctx.parts.flatMap((p) => (p.reading.status === 'set' ? [{ ...p, value: p.reading.value }] : []));
}

/** Scopes whose labels must be exclusive for Refinery to read them. */
const exclusiveScopes = (s: Readonly<Settings>) => [
  s.scopes.workflow,
  s.scopes.weight,
  s.scopes.backendWeight,
  s.scopes.frontendWeight,
  s.scopes.health,
];

/** At most this many "keep this one" fixes for a scope conflict. */
const MAX_KEEP_CHOICES = 20;

const RULES: Rule[] = [
  {
    id: 'scope-conflict',
    planning: false,
    check: ({ facts, settings }) =>
      exclusiveScopes(settings).flatMap((scope) => {
        const found = [...new Set(labelsInScope(facts.labels, scope))];
        if (found.length < 2) return [];
        return [
          {
            severity: 'error' as const,
            message:
              `This issue has ${found.length} ${scope}:: labels (${found.join(', ')}). A scoped label means one value per ` +
              'scope; GitLab Premium enforces that, GitLab Free and GitHub do not, so nobody can tell which one holds. Keep one.',
            short: `${found.length} ${scope} labels`,
            // One "keep" choice per label, each removing the others, is quadratic: a hostile issue may carry thousands.
            fixes: found
              .slice(0, MAX_KEEP_CHOICES)
              .map((keep): Fix => ({ kind: 'keep-one-label', scope, keep, remove: found.filter((l) => l !== keep) })),
          },
        ];
      }),
  },
  {
    id: 'missing-weight',
    planning: true,
    check: (ctx) => {
      const { settings, stage } = ctx;
      if (!ctx.refined || stage === null || ctx.weight !== null) return [];
      // A conflict is reported as such; a split with both parts counts as weighted.
      if (ctx.weightLabel.status === 'conflict' || ctx.parts.some((p) => p.reading.status === 'conflict')) return [];
      const parts = setParts(ctx);
      if (parts.length === ctx.parts.length) return [];
      const ready = stageLabel(settings.workflow.readyForDevelopment, settings);
      const fixes: Fix[] = [];
      if (ctx.spike) fixes.push({ kind: 'set-weight', weight: 2 });
      else {
        const only = parts[0];
        if (only && isHandbookWeight(only.value)) fixes.push({ kind: 'set-weight', weight: only.value });
        fixes.push({ kind: 'pick-weight' });
      }
      fixes.push({ kind: 'ask-clarification' });
      if (isStage(stage, settings.workflow.readyForDevelopment))
        fixes.push({ kind: 'set-workflow', stage: settings.workflow.refinement });
      const partNote = parts[0]
        ? ` Only ${partLabel(parts[0])} is set: set both split labels, or a single weight when all the work is on one side.`
        : '';
      return [
        {
          severity: 'warning',
          message:
            `This issue is labelled ${stageLabel(stage, settings)} but has no weight. The handbook adds a weight once refinement ` +
            `is done, before labelling an issue ${ready}; if what is needed is not clear, don't weight it: comment what needs ` +
            `clarification and ping the EM and PM.${partNote}`,
          short: `No weight, ${stage}`,
          fixes,
        },
      ];
    },
  },
  {
    id: 'weight-over-3',
    planning: true,
    check: (ctx) => {
      const w = ctx.weight;
      if (w === null || w <= MAX_WEIGHT_BEFORE_BREAKDOWN) return [];
      if (ctx.refined && ctx.settings.rules['weight-over-3-refined']) return [];
      const why =
        w === 5
          ? 'A weight of 5 generally means the problem is not clear, or the work should be an epic with sub-issues.'
          : `Weight ${w} is above 3.`;
      return [
        {
          severity: 'warning',
          message: `${why} ${BREAK_DOWN} ${THREE}`,
          short: 'Over 3: break down',
          fixes: [{ kind: 'break-down' }, { kind: 'ask-clarification' }],
        },
      ];
    },
  },
  {
    id: 'weight-over-3-refined',
    planning: true,
    check: (ctx) => {
      const { weight: w, stage, settings } = ctx;
      if (w === null || w <= MAX_WEIGHT_BEFORE_BREAKDOWN || !ctx.refined || stage === null) return [];
      const fixes: Fix[] = [{ kind: 'break-down' }];
      if (isStage(stage, settings.workflow.readyForDevelopment))
        fixes.push({ kind: 'set-workflow', stage: settings.workflow.refinement });
      fixes.push({ kind: 'ask-clarification' });
      return [
        {
          severity: 'warning',
          message:
            `Weight ${w} after refinement (${stageLabel(stage, settings)}). The handbook notes that a weight above 3 after ` +
            'refinement may indicate the IC does not have a full idea of what is needed, and further research is needed. ' +
            BREAK_DOWN,
          short: 'Over 3 after refinement: research first',
          fixes,
        },
      ];
    },
  },
  {
    id: 'weight-not-in-table',
    planning: true,
    check: (ctx) => {
      const out: Omit<Finding, 'ruleId'>[] = [];
      const table = "The handbook's weights are 1 (trivial), 2 (small), 3 (medium) and 5 (larger).";
      const offTable = (subject: string, w: number, short: string, fix: (up: HandbookWeight) => Fix) => {
        if (isHandbookWeight(w)) return;
        const up = nearestWeightUp(w);
        const next =
          up === null
            ? ' The table ends at 5; anything larger than 3 should be broken down.'
            : ` The nearest weight up is ${up}.`;
        const message = `${subject} is not in the weight table. ${table}${next}`;
        out.push({ severity: 'warning', message, short, fixes: up === null ? [] : [fix(up)] });
      };
      const invalid = (label: string, fixes: Fix[]) =>
        out.push({ severity: 'warning', message: `${label} is not a weight. ${table}`, short: `Invalid ${label}`, fixes });

      const { weight, weightLabel } = ctx;
      if (weight !== null)
        offTable(`Weight ${weight}`, weight, `Weight ${weight} not in table`, (up) => ({ kind: 'set-weight', weight: up }));
      else if (weightLabel.status === 'invalid')
        invalid(weightLabel.label, [{ kind: 'pick-weight' }, { kind: 'remove-labels', labels: [weightLabel.label] }]);
      for (const { part, reading } of ctx.parts) {
        if (reading.status === 'set') {
          const { value, label } = reading;
          const short = `${cap(part)} weight ${value} not in table`;
          offTable(`The ${part} weight ${value} (${label})`, value, short, (up) => ({ kind: 'set-split-weight', part, weight: up }));
        } else if (reading.status === 'invalid') {
          invalid(reading.label, [{ kind: 'remove-labels', labels: [reading.label] }]);
        }
      }
      return out;
    },
  },
  {
    id: 'weight-label-mismatch',
    planning: false,
    check: ({ facts, weightLabel }) => {
      if (facts.weight === null || weightLabel.status !== 'set' || weightLabel.value === facts.weight) return [];
      const fixes: Fix[] = [{ kind: 'remove-labels', labels: [weightLabel.label] }];
      if (isHandbookWeight(weightLabel.value)) fixes.push({ kind: 'set-weight', weight: weightLabel.value });
      return [
        {
          severity: 'warning',
          message:
            `The weight field says ${facts.weight} but the label ${weightLabel.label} says ${weightLabel.value}. Boards and ` +
            'burndown charts use the field; remove the label or set the field to match it.',
          short: 'Weight label differs',
          fixes,
        },
      ];
    },
  },
  {
    id: 'spike-weight',
    planning: true,
    check: ({ spike, weight }) => {
      if (!spike || weight === 2) return [];
      const now = weight === null ? 'It has no weight yet.' : `It has weight ${weight}.`;
      return [
        {
          severity: weight === null ? 'info' : 'warning',
          message: `This is a spike. The handbook schedules spikes with a weight of 2 (timeboxed). ${now}`,
          short: 'Spike: weight 2',
          fixes: [{ kind: 'set-weight', weight: 2 }],
        },
      ];
    },
  },
  {
    id: 'security-weight',
    planning: true,
    check: ({ facts, settings, weight, spike }) => {
      if (!isSecurity(facts, settings)) return [];
      let advice = '';
      if (spike) advice = ' Spikes keep their timeboxed weight of 2.';
      else if (weight !== null && isHandbookWeight(weight)) {
        const step = nextWeightUp(weight);
        advice =
          weight === 5
            ? ` ${step.note}`
            : ` If ${weight} is what the work would normally get, weight it ${step.weight}.${step.note ? ` ${step.note}` : ''}`;
      }
      return [
        {
          severity: 'info',
          message:
            'Security issues are typically weighted one level higher than the table suggests, to account for the extra ' +
            `work and backports of the patch release process.${advice}`,
          short: 'Security: one level up',
          // No fix: nothing tells whether the weight already includes the extra level.
          fixes: [],
        },
      ];
    },
  },
  {
    id: 'split-part-over-3',
    planning: true,
    check: (ctx) =>
      setParts(ctx)
        .filter((p) => p.value > MAX_WEIGHT_BEFORE_BREAKDOWN)
        .map((p) => ({
          severity: 'warning' as const,
          message: `The ${p.part} weight is ${p.value} (${partLabel(p)}). ${BREAK_DOWN}`,
          short: `${cap(p.part)} over 3: break down`,
          fixes: [{ kind: 'break-down' }],
        })),
  },
  {
    id: 'split-total-below-part',
    planning: true,
    check: (ctx) => {
      const parts = setParts(ctx);
      const w = ctx.weight;
      if (w === null || parts.length === 0) return [];
      const largest = parts.reduce((a, b) => (b.value > a.value ? b : a));
      if (w >= largest.value) return [];
      const fixes: Fix[] = [];
      if (isHandbookWeight(largest.value)) fixes.push({ kind: 'set-weight', weight: largest.value });
      const sum = parts.reduce((n, p) => n + p.value, 0);
      if (parts.length === 2 && sum !== largest.value && isHandbookWeight(sum) && sum <= MAX_WEIGHT_BEFORE_BREAKDOWN)
        fixes.push({ kind: 'set-weight', weight: sum });
      return [
        {
          severity: 'warning',
          message:
            `The weight is ${w}, lower than the ${largest.part} weight ${largest.value} (${partLabel(largest)}). The weight ` +
            'covers the whole issue, so it cannot be smaller than one of its parts.',
          short: `Weight below ${largest.part} weight`,
          fixes,
        },
      ];
    },
  },
  {
    id: 'split-replaces-weight',
    planning: true,
    check: (ctx) => {
      const parts = setParts(ctx);
      if (ctx.weight !== null || parts.length !== ctx.parts.length) return [];
      return [
        {
          severity: 'info',
          message:
            `No single weight, but ${parts.map(partLabel).join(' and ')} are set. An issue can only have a single weight, so ` +
            'the handbook uses these labels instead when backend and frontend work differ; the issue counts as weighted.',
          short: 'Split weight',
          fixes: [],
        },
      ];
    },
  },
];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding for one issue, errors first, then in rule order. Disabled rules are skipped. */
export function evaluate(facts: IssueFacts, settings: Readonly<Settings> = DEFAULT_SETTINGS): Finding[] {
  const weightLabel = weightFromLabels(facts.labels, settings.scopes.weight);
  const { backendWeight, frontendWeight } = settings.scopes;
  const split = issueSplitWeights(facts, { backend: backendWeight, frontend: frontendWeight });
  const stage = readStage(facts.labels, settings);
  const done =
    facts.closed === true || (stage !== null && isAtOrAfter(stage, settings.workflow.complete, settings.workflow.stages));
  const ctx: Context = {
    facts,
    settings,
    weightLabel,
    weight: facts.weight ?? (weightLabel.status === 'set' ? weightLabel.value : null),
    parts: [
      { part: 'backend', name: backendWeight, reading: split.backend },
      { part: 'frontend', name: frontendWeight, reading: split.frontend },
    ],
    stage,
    refined: stage !== null && isAtOrAfter(stage, settings.workflow.readyForDevelopment, settings.workflow.stages),
    spike: isSpike(facts, settings),
  };
  const epic = facts.type?.trim().toLowerCase() === 'epic';

  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!settings.rules[rule.id]) continue;
    if (rule.planning && (done || epic)) continue;
    for (const f of rule.check(ctx)) findings.push({ ruleId: rule.id, ...f });
  }
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** The order rules run in; exported so tests can hold the table and RULE_IDS together. */
export const RULE_ORDER: readonly RuleId[] = RULES.map((r) => r.id);

export interface FindingSummary {
  error: number;
  warning: number;
  info: number;
  /** The most severe level present; null when there are no findings. */
  worst: Severity | null;
  /** For a badge's accessible name: "No weight, ready for development; over 3: break down". */
  label: string;
}

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const label =
    sorted.length === 0
      ? 'No weighting problems'
      : sorted.map((f, i) => (i === 0 ? f.short : f.short.charAt(0).toLowerCase() + f.short.slice(1))).join('; ');
  const worst = sorted[0]?.severity ?? null;
  return { error: count('error'), warning: count('warning'), info: count('info'), worst, label };
}
