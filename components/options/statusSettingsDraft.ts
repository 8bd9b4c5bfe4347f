// The options form's async status update settings: the comment template (shown as the handbook's text until a team
// changes it), working days before an issue in development is flagged, its stages, and GitHub's epic label. Pure.
import type { Settings } from '@/lib/handbook/settings';
import { DEFAULT_STATUS_TEMPLATE, templateProblems, type StatusTemplateOverride, type TemplatePart } from '@/lib/handbook/status/status-template';

export const TEMPLATE_FIELDS: readonly (readonly [TemplatePart, string])[] = [
  ['single', 'Update without merge requests'],
  ['withChanges', 'Update with merge requests'],
  ['change', 'One merge request line'],
];

export interface StatusDraft {
  maxWorkingDays: string;
  developmentStages: string;
  epicLabel: string;
  template: Record<TemplatePart, string>;
}

export type StatusFieldKey = 'status.maxWorkingDays' | 'status.developmentStages' | 'status.epicLabel' | `status.template.${TemplatePart}`;

export function statusDraftFrom(settings: Readonly<Settings>): StatusDraft {
  const s = settings.statusUpdates;
  return {
    maxWorkingDays: String(s.maxWorkingDays),
    developmentStages: s.developmentStages.join(', '),
    epicLabel: s.epicLabel,
    template: {
      single: s.template.single ?? DEFAULT_STATUS_TEMPLATE.single,
      withChanges: s.template.withChanges ?? DEFAULT_STATUS_TEMPLATE.withChanges,
      change: s.template.change ?? DEFAULT_STATUS_TEMPLATE.change,
    },
  };
}

export type StatusApplied =
  | { ok: true; statusUpdates: Settings['statusUpdates'] }
  | { ok: false; fields: Partial<Record<StatusFieldKey, string>> };

const normal = (text: string) => text.replace(/\r\n/g, '\n').trim();

export function statusFromDraft(d: StatusDraft): StatusApplied {
  const fields: Partial<Record<StatusFieldKey, string>> = {};
  const days = d.maxWorkingDays.trim();
  if (!/^\d{1,2}$/.test(days) || Number(days) > 60) fields['status.maxWorkingDays'] = 'Enter a whole number of working days from 0 to 60.';
  const stages = d.developmentStages
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (stages.length === 0) fields['status.developmentStages'] = 'Name at least one stage, e.g. in dev, in review.';
  if (d.epicLabel.trim() === '') fields['status.epicLabel'] = 'Enter a label name.';
  // Only parts that differ from the handbook's are stored: a later change of the default then reaches everyone else.
  const template: StatusTemplateOverride = {};
  for (const [part] of TEMPLATE_FIELDS) {
    const text = normal(d.template[part]);
    if (text === normal(DEFAULT_STATUS_TEMPLATE[part])) continue;
    const problems = text === '' ? ['A template part cannot be empty.'] : templateProblems(part, text);
    if (problems.length) fields[`status.template.${part}`] = problems.join(' ');
    else template[part] = text;
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, statusUpdates: { template, maxWorkingDays: Number(days), developmentStages: stages, epicLabel: d.epicLabel.trim() } };
}
