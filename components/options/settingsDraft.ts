// The options form's editable part of the settings, and how it turns back into valid settings. Pure.
import { RULE_IDS, settingsSchema, type RuleId, type Settings } from '@/lib/handbook/settings';
import { statusDraftFrom, statusFromDraft, type StatusDraft, type StatusFieldKey } from './statusSettingsDraft';

export const SCOPE_FIELDS = [
  ['weight', 'Weight scope'],
  ['backendWeight', 'Backend weight scope'],
  ['frontendWeight', 'Frontend weight scope'],
  ['workflow', 'Workflow scope'],
  ['health', 'Health status scope'],
] as const;
export const LABEL_FIELDS = [
  ['spike', 'Spike label'],
  ['security', 'Security label'],
] as const;

type ScopeKey = (typeof SCOPE_FIELDS)[number][0];
type LabelKey = (typeof LABEL_FIELDS)[number][0];
/** `scopes.weight`, `labels.spike`… */
export type FieldKey = `scopes.${ScopeKey}` | `labels.${LabelKey}` | 'fields.weight' | StatusFieldKey;

/** GitLab Status mapping: stage → status name as typed (empty: the default match). */
export interface NativeStatusDraft {
  mapping: Record<string, string>;
  alsoWriteLabels: boolean;
}

export interface Draft {
  rules: Record<RuleId, boolean>;
  scopes: Record<ScopeKey, string>;
  labels: Record<LabelKey, string>;
  /** Async status updates (components/options/statusSettingsDraft.ts). */
  status: StatusDraft;
  nativeStatus: NativeStatusDraft;
  /** GitHub weight issue field names, comma-separated as typed. */
  weightFields: string;
}

/** "Weight, Story points" → ['Weight', 'Story points']; blanks dropped. */
export function splitNames(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function draftFrom(settings: Readonly<Settings>): Draft {
  const { weight, backendWeight, frontendWeight, workflow, health } = settings.scopes;
  return {
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, settings.rules[id]])) as Record<RuleId, boolean>,
    scopes: { weight, backendWeight, frontendWeight, workflow, health },
    labels: { spike: settings.labels.spike, security: settings.labels.security },
    status: statusDraftFrom(settings),
    weightFields: settings.fields.weight.join(', '),
    nativeStatus: { mapping: { ...settings.nativeStatus.mapping }, alsoWriteLabels: settings.nativeStatus.alsoWriteLabels },
  };
}

export type Applied =
  | { ok: true; settings: Settings }
  /** Field errors go next to their field; `other` holds errors about settings this form does not show. */
  | { ok: false; fields: Partial<Record<FieldKey, string>>; other: string[] };

/** The draft on top of `base` (which keeps what the form does not edit), validated like stored settings are. */
export function applyDraft(base: Readonly<Settings>, draft: Draft): Applied {
  const fields: Partial<Record<FieldKey, string>> = {};
  for (const [key] of SCOPE_FIELDS) if (draft.scopes[key].trim() === '') fields[`scopes.${key}`] = 'Enter a scope name.';
  for (const [key] of LABEL_FIELDS) if (draft.labels[key].trim() === '') fields[`labels.${key}`] = 'Enter a label name.';
  const status = statusFromDraft(draft.status);
  if (!status.ok) Object.assign(fields, status.fields);
  if (Object.keys(fields).length > 0 || !status.ok) return { ok: false, fields, other: [] };

  const candidate = {
    ...structuredClone(base),
    rules: { ...draft.rules },
    scopes: { ...base.scopes, ...draft.scopes },
    labels: { ...base.labels, ...draft.labels },
    statusUpdates: status.statusUpdates,
    fields: { ...base.fields, weight: splitNames(draft.weightFields) },
    nativeStatus: {
      // Only stages with a name typed are stored: the others keep following the default match.
      mapping: Object.fromEntries(Object.entries(draft.nativeStatus.mapping).flatMap(([stage, name]) => (name.trim() ? [[stage, name.trim()]] : []))),
      alsoWriteLabels: draft.nativeStatus.alsoWriteLabels,
    },
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const other: string[] = [];
  for (const issue of parsed.error.issues) {
    const key = issue.path.slice(0, 2).join('.') as FieldKey;
    const shown = [...SCOPE_FIELDS.map(([k]) => `scopes.${k}`), ...LABEL_FIELDS.map(([k]) => `labels.${k}`), 'fields.weight'].includes(key);
    if (shown) fields[key] ??= issue.message;
    else other.push(issue.message);
  }
  return { ok: false, fields, other };
}
