// The labels the handbook's process uses, as data for "Create the handbook's labels". Pure.
// Colours are 6-digit hex with `#` (GitLab's format; GitHub wants them without the `#`, the adapter strips it).
// Descriptions stay within GitHub's 100-character limit.
import type { Capabilities, ForgeKind } from '@/lib/forge/model';
import { normalizeLabel } from './refinement/classify';
import { DEFAULT_SETTINGS, normalizeStage, type Settings } from './settings';
import { WEIGHTS } from './weights/weights';

export type LabelGroup =
  | 'workflow'
  | 'type'
  | 'severity'
  | 'priority'
  | 'area'
  | 'process'
  | 'split-weight'
  | 'weight'
  | 'health';

export interface HandbookLabel {
  name: string;
  /** `#rrggbb`. */
  color: string;
  description: string;
  group: LabelGroup;
  /** Set on labels that stand in for a native field; only created where the forge or tier lacks that field. */
  fallbackFor?: 'weight' | 'healthStatus';
}

// From GitLab's suggested label colours.
const C = {
  blueGrey: '#6699cc',
  orange: '#ed9121',
  green: '#009966',
  mediumGreen: '#3cb371',
  lightGreen: '#8fbc8f',
  darkGreen: '#013220',
  red: '#dc143c',
  brightRed: '#ff0000',
  rust: '#cd5b45',
  yellow: '#eee600',
  ruby: '#c21e56',
  pink: '#cc338b',
  violet: '#9400d3',
  lavender: '#e6e6fa',
  indigo: '#330066',
  blue: '#0000ff',
  grey: '#808080',
  charcoal: '#36454f',
  champagne: '#f7e7ce',
  gold: '#c39953',
} as const;

const STAGES: Record<string, { color: string; description: string }> = {
  'problem validation': { color: C.blueGrey, description: 'Needs clarity on the problem to solve.' },
  design: { color: C.blueGrey, description: 'Needs a clear proposal, with mockups for any visual aspects.' },
  'solution validation': { color: C.blueGrey, description: 'Designs are evaluated for usability and feasibility.' },
  'planning breakdown': { color: C.blueGrey, description: 'The proposed solution is viable; break it down as much as possible.' },
  refinement: { color: C.orange, description: 'Needs a weight estimate and clarification before development.' },
  'ready for development': { color: C.green, description: 'Refined and weighted; can be added to a milestone.' },
  'in dev': { color: C.mediumGreen, description: 'Being developed.' },
  'in review': { color: C.mediumGreen, description: 'Merge requests are in review.' },
  verification: { color: C.lightGreen, description: 'Code is merged and pending verification by the DRI engineer.' },
  staging: { color: C.lightGreen, description: 'Code is in staging and has been verified.' },
  complete: { color: C.darkGreen, description: 'The work is in production and has been verified. The issue is closed.' },
};

const HEALTH = [
  { value: 'on track', color: C.green, description: 'Progressing as planned.' },
  { value: 'needs attention', color: C.orange, description: 'Needs attention or intervention to stay on schedule.' },
  { value: 'at risk', color: C.red, description: 'At risk of not being completed on schedule.' },
];

function weightText(w: (typeof WEIGHTS)[number]): string {
  return `${w.name}, confidence ≥ ${w.confidence}%`;
}

/** The handbook's label set with the team's label names. */
export function handbookLabels(settings: Readonly<Settings> = DEFAULT_SETTINGS): HandbookLabel[] {
  const s = settings.scopes;
  const stages = settings.workflow.stages;
  const out: HandbookLabel[] = [];
  const add = (
    name: string,
    color: string,
    description: string,
    group: LabelGroup,
    fallbackFor?: HandbookLabel['fallbackFor'],
  ) => out.push(fallbackFor ? { name, color, description, group, fallbackFor } : { name, color, description, group });

  stages.forEach((stage, i) => {
    const known = STAGES[normalizeStage(stage)];
    const description = known?.description ?? `Workflow stage ${i + 1} of ${stages.length}.`;
    add(`${s.workflow}::${stage}`, known?.color ?? C.blueGrey, description, 'workflow');
  });

  add(`${s.type}::feature`, C.green, 'New functionality or an improvement to existing functionality.', 'type');
  add(`${s.type}::bug`, C.red, 'Something does not work as intended.', 'type');
  add(`${s.type}::maintenance`, C.blueGrey, 'Upkeep: refactoring, technical debt, dependencies, tooling.', 'type');

  const severity = [
    [C.brightRed, 'Blocker: data loss, severe performance impact or a security problem.'],
    [C.rust, 'Critical: important functionality broken with no workaround.'],
    [C.orange, 'Major: a bug with a workaround.'],
    [C.yellow, 'Low: a smaller issue with no significant impact.'],
  ] as const;
  severity.forEach(([color, description], i) => add(`severity::${i + 1}`, color, description, 'severity'));

  const priority = [
    [C.ruby, 'Urgent: address as soon as possible.'],
    [C.pink, 'High: address soon, within the next few releases.'],
    [C.violet, 'Medium: worth addressing; other work may come first.'],
    [C.lavender, 'Low: no timeline yet.'],
  ] as const;
  priority.forEach(([color, description], i) => add(`priority::${i + 1}`, color, description, 'priority'));

  add('backend', C.indigo, 'Needs backend work.', 'area');
  add('frontend', C.violet, 'Needs frontend work.', 'area');
  add('database', C.charcoal, 'Needs database work, such as migrations or query changes.', 'area');
  add('documentation', C.champagne, 'Needs documentation.', 'area');
  add('UX', C.pink, 'Needs UX or design work.', 'area');
  add('API', C.blue, 'Changes the API.', 'area');

  add(settings.labels.spike, C.gold, 'A timeboxed investigation, scheduled with weight 2.', 'process');
  add(settings.labels.security, C.ruby, 'A security issue: weighted one level higher for the patch release work.', 'process');

  for (const w of WEIGHTS)
    add(`${s.backendWeight}::${w.weight}`, C.indigo, `Backend part's weight: ${weightText(w)}.`, 'split-weight');
  for (const w of WEIGHTS)
    add(`${s.frontendWeight}::${w.weight}`, C.violet, `Frontend part's weight: ${weightText(w)}.`, 'split-weight');
  for (const w of WEIGHTS) add(`${s.weight}::${w.weight}`, C.grey, `Issue weight: ${weightText(w)}.`, 'weight', 'weight');
  for (const h of HEALTH) add(`${s.health}::${h.value}`, h.color, h.description, 'health', 'healthStatus');
  return out;
}

export const HANDBOOK_LABELS: readonly Readonly<HandbookLabel>[] = Object.freeze(
  handbookLabels().map((label) => Object.freeze(label)),
);

/**
 * The handbook labels a project lacks, compared case-insensitively (spaces around `::` ignored). Fallback labels
 * (weight::, health::) are only proposed where the forge or tier has no native field; GitHub never has one.
 * `existing` should include labels inherited from GitLab groups.
 */
export function missingLabels(
  existing: readonly string[],
  forge: ForgeKind,
  capabilities: Pick<Capabilities, 'weight' | 'healthStatus'>,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): HandbookLabel[] {
  const native = forge === 'gitlab' ? capabilities : { weight: false, healthStatus: false };
  const have = new Set(existing.map(normalizeLabel));
  return handbookLabels(settings).filter(
    (label) => !(label.fallbackFor && native[label.fallbackFor]) && !have.has(normalizeLabel(label.name)),
  );
}
