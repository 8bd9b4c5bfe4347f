// The handbook's weight table (GitLab Package stage "Issue Weighting", Source Code BE "Weight categories") as data.
// Pure: no forge, no DOM. Texts are short paraphrases sized for a picker tooltip.
import type { WeightValue } from '@/lib/forge/model';

/** A weight the handbook's table defines: 1, 2, 3 or 5 (the same set the protocol accepts). */
export type HandbookWeight = WeightValue;

export interface WeightInfo {
  weight: HandbookWeight;
  name: 'Trivial' | 'Small' | 'Medium' | 'Larger';
  /** The lowest confidence (percent) this weight maps to. */
  confidence: number;
  /** One line: how well the problem is understood, surprises, coordination. */
  meaning: string;
  /** How the handbook describes bugs of this weight, where it does separately. */
  bugs: string | null;
  examples: string;
  /** A handbook remark that comes with choosing this weight (only 5 has one). */
  note: string | null;
}

/** Anything above this should be broken down ("Issue size"). */
export const MAX_WEIGHT_BEFORE_BREAKDOWN = 3;
/** "An issue weight of 3 should describe something that would take no more than 2 weeks to complete." */
export const WEIGHT_3_MAX_WEEKS = 2;
/** "Anything with a confidence percentage lower than 50% should be investigated prior to finalising the issue weight." */
export const MIN_CONFIDENCE_TO_WEIGHT = 50;

const ROWS: WeightInfo[] = [
  {
    weight: 1,
    name: 'Trivial',
    confidence: 90,
    meaning:
      'Very well understood: the exact solution is known and only needs implementing; no surprises, no coordination with others.',
    bugs: null,
    examples:
      'Documentation updates, simple regressions, already investigated bugs fixed in a few lines, technical debt we know exactly how to address.',
    note: null,
  },
  {
    weight: 2,
    name: 'Small',
    confidence: 75,
    meaning:
      'Well understood with a solution outlined; a little investigation is probably still needed; few surprises, no coordination with others.',
    bugs: null,
    examples:
      'Simple features such as a new API endpoint exposing existing data; regular bugs or performance issues already partly investigated.',
    note: null,
  },
  {
    weight: 3,
    name: 'Medium',
    confidence: 60,
    meaning:
      'Well understood and fairly straightforward; most edge cases considered but some investigation needed; some surprises, maybe coordination.',
    bugs: 'Poorly understood bugs with no suggested solution yet: significant investigation, then a fairly straightforward fix.',
    examples: 'Regular features, possibly with a backend and a frontend part; most bugs or performance issues.',
    note: `At most about ${WEIGHT_3_MAX_WEEKS} weeks of work.`,
  },
  {
    weight: 5,
    name: 'Larger',
    confidence: 50,
    meaning:
      'Well understood but known to be hard; major edge cases considered, extra investigation certain; many surprises, coordination likely.',
    bugs: 'Very poorly understood bugs with no suggested solution; once found, the fix may not be straightforward.',
    examples:
      'Large features with a backend and a frontend part; bugs or performance issues investigated but not yet reproduced or figured out.',
    note: 'A 5 generally means the problem is not clear or the work should be an epic with sub-issues: break it down.',
  },
];

export const WEIGHTS: readonly Readonly<WeightInfo>[] = Object.freeze(ROWS.map((row) => Object.freeze(row)));

const BY_WEIGHT = new Map<number, WeightInfo>(WEIGHTS.map((w) => [w.weight, w]));

/** True for 1, 2, 3 and 5. */
export function isHandbookWeight(n: number | null | undefined): n is HandbookWeight {
  return typeof n === 'number' && BY_WEIGHT.has(n);
}

/** The table row for a handbook weight; null for anything else (4, 8, 0…). */
export function weightInfo(n: number): WeightInfo | null {
  return BY_WEIGHT.get(n) ?? null;
}

/** The lowest confidence (percent) a handbook weight maps to; null for weights outside the table. */
export function confidenceFor(n: number): number | null {
  return weightInfo(n)?.confidence ?? null;
}

/**
 * The smallest weight whose confidence the given confidence reaches (90 → 1, 80 → 2, 50 → 5); null below 50%,
 * where the handbook says to investigate before weighting.
 */
export function weightForConfidence(percent: number): HandbookWeight | null {
  for (const info of WEIGHTS) if (percent >= info.confidence) return info.weight;
  return null;
}

/** The smallest handbook weight at or above n (4 → 5, 0 → 1); null above 5, where the table ends. */
export function nearestWeightUp(n: number): HandbookWeight | null {
  for (const info of WEIGHTS) if (info.weight >= n) return info.weight;
  return null;
}

export interface WeightStep {
  weight: HandbookWeight;
  /** The result is larger than 3, so the issue should be broken down. */
  breakDown: boolean;
  note: string | null;
}

/**
 * One level higher in the table (security issues): 1→2, 2→3, 3→5, 5→5. Off-table weights go to the next handbook
 * weight above them, capped at 5.
 */
export function nextWeightUp(n: number): WeightStep {
  const up = WEIGHTS.find((info) => info.weight > n)?.weight ?? 5;
  const breakDown = up > MAX_WEIGHT_BEFORE_BREAKDOWN;
  let note: string | null = null;
  if (n >= 5) note = '5 is already the highest weight in the table: the issue should be broken down.';
  else if (breakDown) note = `${up} is larger than ${MAX_WEIGHT_BEFORE_BREAKDOWN}: the issue should then be broken down.`;
  return { weight: up, breakDown, note };
}

/** Tooltip text for a weight picker: the row's name, confidence, meaning, bug description, examples and note. */
export function weightTooltip(info: WeightInfo): string {
  const lines = [`${info.weight} · ${info.name} (confidence ≥ ${info.confidence}%)`, info.meaning];
  if (info.bugs) lines.push(`Bugs: ${info.bugs}`);
  lines.push(`Examples: ${info.examples}`);
  if (info.note) lines.push(info.note);
  return lines.join('\n');
}
