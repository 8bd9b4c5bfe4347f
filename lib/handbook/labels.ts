// Scoped labels (`scope::value`) as the handbook uses them. Pure: no forge, no DOM.
// GitLab splits a scoped label at its LAST `::` (`a::b::c` is scope `a::b`, value `c`). Only GitLab Premium+
// keeps one label per scope; on GitLab Free and GitHub several can coexist, so readers report conflicts.

/** Scope names Refinery reads; the handbook's defaults, overridable from the options later. */
export interface LabelScopes {
  weight: string;
  backendWeight: string;
  frontendWeight: string;
  workflow: string;
  health: string;
}

export const DEFAULT_LABEL_SCOPES: Readonly<LabelScopes> = Object.freeze({
  weight: 'weight',
  backendWeight: 'backend-weight',
  frontendWeight: 'frontend-weight',
  workflow: 'workflow',
  health: 'health',
});

const SEPARATOR = '::';

/** The scope of a scoped label (trimmed), or null when the label is not scoped. */
export function scopeOf(label: string): string | null {
  const at = label.lastIndexOf(SEPARATOR);
  if (at < 0) return null;
  const scope = label.slice(0, at).trim();
  return scope === '' ? null : scope;
}

/** The value after the last `::` (trimmed); the whole label (trimmed) when it is not scoped. */
export function valueOf(label: string): string {
  if (scopeOf(label) === null) return label.trim();
  return label.slice(label.lastIndexOf(SEPARATOR) + SEPARATOR.length).trim();
}

function sameScope(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Labels whose scope is `scope` (case-insensitive), in their original order and spelling. */
export function labelsInScope(labels: readonly string[], scope: string): string[] {
  return labels.filter((label) => {
    const s = scopeOf(label);
    return s !== null && sameScope(s, scope);
  });
}

/** One scope's labels and their values; more than one label means a conflict. */
export interface ScopedValues {
  labels: string[];
  values: string[];
  conflict: boolean;
}

/** The value(s) set in `scope`: null when none, all of them when several (so callers can show a conflict). */
export function scopedValue(labels: readonly string[], scope: string): ScopedValues | null {
  const found = labelsInScope(labels, scope);
  if (found.length === 0) return null;
  return { labels: found, values: found.map(valueOf), conflict: found.length > 1 };
}

/** Every scope that holds more than one label, in order of first appearance. */
export function scopeConflicts(labels: readonly string[]): { scope: string; labels: string[] }[] {
  const byScope = new Map<string, { scope: string; labels: string[] }>();
  for (const label of labels) {
    const scope = scopeOf(label);
    if (scope === null) continue;
    const key = scope.toLowerCase();
    const entry = byScope.get(key) ?? { scope, labels: [] };
    entry.labels.push(label);
    byScope.set(key, entry);
  }
  return [...byScope.values()].filter((e) => e.labels.length > 1);
}

/** What a label scope says about one field. */
export type LabelReading<T> =
  | { status: 'absent' }
  | { status: 'set'; value: T; label: string }
  /** Several labels in the scope: we do not guess which one wins. */
  | { status: 'conflict'; labels: string[] }
  /** One label whose value means nothing here, e.g. `weight::big`. */
  | { status: 'invalid'; label: string };

function read<T>(labels: readonly string[], scope: string, parse: (value: string) => T | null): LabelReading<T> {
  const found = scopedValue(labels, scope);
  if (found === null) return { status: 'absent' };
  if (found.conflict) return { status: 'conflict', labels: found.labels };
  const label = found.labels[0] as string;
  const value = parse(found.values[0] as string);
  return value === null ? { status: 'invalid', label } : { status: 'set', value, label };
}

function parseWeight(value: string): number | null {
  return /^\d{1,4}$/.test(value) ? Number(value) : null;
}

/** `weight::N` → N (a non-negative integer, like the forge's own weight field). */
export function weightFromLabels(labels: readonly string[], scope = DEFAULT_LABEL_SCOPES.weight): LabelReading<number> {
  return read(labels, scope, parseWeight);
}

/** The handbook's split weights for issues with both backend and frontend work. */
export function splitWeights(
  labels: readonly string[],
  scopes: { backend: string; frontend: string } = {
    backend: DEFAULT_LABEL_SCOPES.backendWeight,
    frontend: DEFAULT_LABEL_SCOPES.frontendWeight,
  },
): { backend: LabelReading<number>; frontend: LabelReading<number> } {
  return { backend: read(labels, scopes.backend, parseWeight), frontend: read(labels, scopes.frontend, parseWeight) };
}

/** What readers need of an issue for its split weights: labels, and the native fields' values where it has them. */
export interface SplitSource {
  labels: readonly string[];
  splitWeights?: { backend: number | null; frontend: number | null };
}

/**
 * The issue's split weights: a value in the native field (GitHub issue field, GitLab custom field) wins, as the weight
 * field does over a weight:: label; an unset field leaves the label to be read (an old label is not lost).
 */
export function issueSplitWeights(
  issue: SplitSource,
  scopes: { backend: string; frontend: string } = {
    backend: DEFAULT_LABEL_SCOPES.backendWeight,
    frontend: DEFAULT_LABEL_SCOPES.frontendWeight,
  },
): { backend: LabelReading<number>; frontend: LabelReading<number> } {
  const labels = splitWeights(issue.labels, scopes);
  const native = (value: number | null | undefined, name: string, fallback: LabelReading<number>): LabelReading<number> =>
    typeof value === 'number' ? { status: 'set', value, label: `${name} field: ${value}` } : fallback;
  return {
    backend: native(issue.splitWeights?.backend, 'Backend weight', labels.backend),
    frontend: native(issue.splitWeights?.frontend, 'Frontend weight', labels.frontend),
  };
}

/** `workflow::ready for development` → "ready for development". */
export function workflowStage(labels: readonly string[], scope = DEFAULT_LABEL_SCOPES.workflow): LabelReading<string> {
  return read(labels, scope, (value) => (value === '' ? null : value));
}

export type LabelHealth = 'on_track' | 'needs_attention' | 'at_risk';

const HEALTH: Record<string, LabelHealth> = {
  'on track': 'on_track',
  'needs attention': 'needs_attention',
  'at risk': 'at_risk',
};

/** The label a health status is written as where the forge has no health field: `health::on track`. */
export function healthLabel(status: LabelHealth, scope = DEFAULT_LABEL_SCOPES.health): string {
  const value = Object.keys(HEALTH).find((k) => HEALTH[k] === status)!;
  return `${scope}::${value}`;
}

/** `health::on track|needs attention|at risk` (any case; `_` or `-` accepted for spaces). */
export function healthFromLabels(labels: readonly string[], scope = DEFAULT_LABEL_SCOPES.health): LabelReading<LabelHealth> {
  return read(labels, scope, (value) => HEALTH[value.toLowerCase().replace(/[\s_-]+/g, ' ')] ?? null);
}
