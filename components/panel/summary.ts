// What the panel shows for an issue, derived from the forge's fields with label fallbacks. Pure.
import type { IssueView } from '@/lib/messaging';
import {
  DEFAULT_LABEL_SCOPES,
  healthFromLabels,
  scopeConflicts,
  issueSplitWeights,
  weightFromLabels,
  workflowStage,
  type LabelHealth,
  type LabelReading,
  type LabelScopes,
} from '@/lib/handbook/labels';

export type Row =
  | { kind: 'value'; text: string; source: string | null }
  | { kind: 'empty'; text: string }
  | { kind: 'conflict'; labels: string[] }
  | { kind: 'invalid'; label: string };

export interface IssueSummary {
  weight: Row;
  backendWeight: Row;
  frontendWeight: Row;
  workflow: Row;
  health: Row;
  /** Scopes holding more than one label (possible on GitLab Free and GitHub). */
  conflicts: { scope: string; labels: string[] }[];
}

export const HEALTH_TEXT: Record<LabelHealth, string> = {
  on_track: 'On track',
  needs_attention: 'Needs attention',
  at_risk: 'At risk',
};

function fromReading<T>(
  reading: LabelReading<T>,
  empty: string,
  show: (value: T) => string,
  withSource: boolean,
): Row {
  switch (reading.status) {
    case 'absent':
      return { kind: 'empty', text: empty };
    case 'conflict':
      return { kind: 'conflict', labels: reading.labels };
    case 'invalid':
      return { kind: 'invalid', label: reading.label };
    case 'set':
      return { kind: 'value', text: show(reading.value), source: withSource ? `label ${reading.label}` : null };
  }
}

/**
 * The forge's own field wins when the tier has it and it is set; otherwise the handbook's label is read, so
 * GitLab Free and GitHub (no weight or health fields) still show what the team recorded.
 */
export function summarize(view: IssueView, scopes: LabelScopes = DEFAULT_LABEL_SCOPES): IssueSummary {
  const { issue, capabilities } = view;
  const labels = issue.labels;

  const weight: Row =
    capabilities.weight && issue.weight !== null
      ? { kind: 'value', text: String(issue.weight), source: 'issue weight' }
      : fromReading(weightFromLabels(labels, scopes.weight), 'Not weighted', String, true);

  const health: Row =
    capabilities.healthStatus && issue.healthStatus !== null
      ? { kind: 'value', text: HEALTH_TEXT[issue.healthStatus], source: 'health status' }
      : fromReading(healthFromLabels(labels, scopes.health), 'Not set', (h) => HEALTH_TEXT[h], true);

  const split = issueSplitWeights(issue, { backend: scopes.backendWeight, frontend: scopes.frontendWeight });
  // Where the GitLab namespace has statuses the stage lives there, not in workflow:: labels.
  const workflow: Row = capabilities.statuses?.length
    ? issue.status
      ? { kind: 'value', text: issue.status.name, source: 'GitLab Status' }
      : { kind: 'empty', text: 'No status' }
    : fromReading(workflowStage(labels, scopes.workflow), 'No workflow label', (s) => s, false);

  return {
    weight,
    backendWeight: fromReading(split.backend, '—', String, false),
    frontendWeight: fromReading(split.frontend, '—', String, false),
    workflow,
    health,
    conflicts: scopeConflicts(labels),
  };
}
