// GitHub issue fields (organisation-level custom fields on issues; REST `GET /orgs/{org}/issue-fields`, values in
// `issue_field_values` on every issue, see @octokit/openapi). Where the organisation has a number field for the
// weight, the weight lives there and no `weight::` label is written. Repositories of personal accounts have none.

import { DEFAULT_WEIGHT_FIELDS } from '../../handbook/settings';

export interface GhIssueFieldJson {
  id: number;
  name: string;
  data_type: string;
}

export interface GhIssueFieldValueJson {
  issue_field_id: number;
  data_type?: string;
  value?: string | number | null;
}

export interface ChosenField {
  id: number;
  name: string;
}

/** The fields Refinery uses in one organisation (by id), or null where it has none of them. */
export interface IssueFieldChoice {
  weight: ChosenField | null;
  /** The handbook's split weights ("Backend and Frontend issues"), number fields only. */
  backend: ChosenField | null;
  frontend: ChosenField | null;
}

export const NO_ISSUE_FIELDS: IssueFieldChoice = Object.freeze({ weight: null, backend: null, frontend: null });

/** Names of the split weights' fields (case-insensitive). */
export const SPLIT_FIELD_NAMES = { backend: 'Backend weight', frontend: 'Frontend weight' } as const;

/**
 * The first number field with one of `names` (tried in order, case-insensitive, trimmed; the team's setting, by default
 * Weight, Estimate, Effort, Story points). Only number fields count: GitHub's default "Effort" field is a single-select
 * (High/Medium/Low), which is not a weight and is never mapped to one.
 */
export function chooseIssueFields(fields: readonly GhIssueFieldJson[], names: readonly string[] = DEFAULT_WEIGHT_FIELDS): IssueFieldChoice {
  const numbers = fields.filter((f) => f.data_type === 'number' && Number.isSafeInteger(f.id) && typeof f.name === 'string');
  const named = (name: string): ChosenField | null => {
    const want = name.trim().toLowerCase();
    const hit = numbers.find((f) => f.name.trim().toLowerCase() === want);
    return hit ? { id: hit.id, name: hit.name } : null;
  };
  const weight = names.reduce<ChosenField | null>((found, name) => found ?? named(name), null);
  return { weight, backend: named(SPLIT_FIELD_NAMES.backend), frontend: named(SPLIT_FIELD_NAMES.frontend) };
}

/** The split weights' field names for Capabilities, or undefined where the organisation has neither. */
export function splitFieldNames(choice: IssueFieldChoice): { backend?: string; frontend?: string } | undefined {
  if (!choice.backend && !choice.frontend) return undefined;
  return { ...(choice.backend ? { backend: choice.backend.name } : {}), ...(choice.frontend ? { frontend: choice.frontend.name } : {}) };
}

/**
 * The weight an issue holds in the field: a whole number ≥ 0, else null. A number field takes any number (2.5, -1,
 * 1e9); such a value is not a weight Refinery can show, so it reads as unset rather than as a wrong weight.
 */
export function fieldWeight(values: readonly GhIssueFieldValueJson[] | null | undefined, fieldId: number): number | null {
  if (!Array.isArray(values)) return null;
  const hit = values.find((v) => v?.issue_field_id === fieldId);
  const raw = hit?.value;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  return Number.isSafeInteger(n) && n >= 0 && n <= 1_000_000 ? n : null;
}
