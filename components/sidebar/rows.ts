// What the sidebar section's rows say, derived from the same reading as the panel's summary (field first, labels
// where the tier has none). Pure.
import { effectiveWeight } from '@/lib/handbook/refinement/facts';
import { healthFromLabels, issueSplitWeights, type LabelHealth, type LabelReading } from '@/lib/handbook/labels';
import { normalizeStage, type Settings } from '@/lib/handbook/settings';
import { WEIGHTS, weightInfo } from '@/lib/handbook/weights/weights';
import type { IssueView } from '@/lib/messaging';
import { HEALTH_TEXT, summarize, type Row } from '@/components/panel/summary';
import type { PickerOption } from './PickerPopover';

export interface SidebarRow {
  /** Shown value ("3 · Medium", "None"). */
  text: string;
  /** True when the row shows no value (muted). */
  empty: boolean;
  /** The picker's current value, or null. */
  selected: string | null;
}

/** "3 · Medium"; a weight outside the handbook's table as the number alone. */
export function weightName(weight: number): string {
  const info = weightInfo(weight);
  return info ? `${weight} · ${info.name}` : String(weight);
}

function fromRow(row: Row, empty: string): Omit<SidebarRow, 'selected'> {
  switch (row.kind) {
    case 'value':
      return { text: row.text, empty: false };
    case 'empty':
      return { text: empty, empty: true };
    case 'conflict':
      return { text: `Conflict: ${row.labels.join(', ')}`, empty: false };
    case 'invalid':
      return { text: `Unreadable: ${row.label}`, empty: false };
  }
}

export function weightRow(view: IssueView, settings: Readonly<Settings>): SidebarRow {
  const { weight, conflict } = effectiveWeight(view.issue, view.capabilities, settings);
  if (weight !== null) return { text: weightName(weight), empty: false, selected: String(weight) };
  const row = fromRow(summarize(view, settings.scopes).weight, 'None');
  return { ...row, empty: row.empty && conflict === null, selected: null };
}

/** "backend 2 · frontend 3" where the issue has a split weight (a field or a label); null without one. */
export function splitRow(view: IssueView, settings: Readonly<Settings>): { text: string; backend: string | null; frontend: string | null } | null {
  const scopes = { backend: settings.scopes.backendWeight, frontend: settings.scopes.frontendWeight };
  const split = issueSplitWeights(view.issue, scopes);
  if (split.backend.status === 'absent' && split.frontend.status === 'absent') return null;
  const show = (r: LabelReading<number>) => (r.status === 'set' ? String(r.value) : r.status === 'absent' ? '—' : '?');
  const value = (r: LabelReading<number>) => (r.status === 'set' ? String(r.value) : null);
  return {
    text: `backend ${show(split.backend)} · frontend ${show(split.frontend)}`,
    backend: value(split.backend),
    frontend: value(split.frontend),
  };
}

export function stageRow(view: IssueView, settings: Readonly<Settings>): SidebarRow {
  const row = fromRow(summarize(view, settings.scopes).workflow, 'None');
  const current = row.empty ? null : settings.workflow.stages.find((s) => normalizeStage(s) === normalizeStage(row.text)) ?? null;
  return { ...row, selected: current };
}

export function healthRow(view: IssueView, settings: Readonly<Settings>): SidebarRow {
  const { issue, capabilities } = view;
  const row = fromRow(summarize(view, settings.scopes).health, 'None');
  let selected: LabelHealth | null = null;
  if (capabilities.healthStatus && issue.healthStatus !== null) selected = issue.healthStatus;
  else {
    const r = healthFromLabels(issue.labels, settings.scopes.health);
    if (r.status === 'set') selected = r.value;
  }
  return { ...row, selected };
}

export const WEIGHT_OPTIONS: readonly PickerOption[] = WEIGHTS.map((w) => ({
  value: String(w.weight),
  text: weightName(w.weight),
  detail: `confidence ≥ ${w.confidence} %. ${w.meaning}`,
}));

export const HEALTH_OPTIONS: readonly PickerOption[] = (Object.keys(HEALTH_TEXT) as LabelHealth[]).map((h) => ({
  value: h,
  text: HEALTH_TEXT[h],
}));

export function stageOptions(settings: Readonly<Settings>): PickerOption[] {
  return settings.workflow.stages.map((s) => ({ value: s, text: s }));
}
