// The minimum the rules need to know about an issue, and how to get it from the forge model. Pure.
import type { Capabilities, Issue } from '@/lib/forge/model';
import { weightFromLabels } from '../labels';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { labelsWithStatusStage } from '../workflow/status-mapping';

/** What the rules read. The issue page builds it from the full issue, list pages from list rows. */
export interface IssueFacts {
  title: string;
  labels: string[];
  /** The effective weight: the forge's weight field where the tier has one and it is set, else the weight:: label. */
  weight: number | null;
  /** The forge's issue type, lower-cased ("issue", "bug", "epic"…). Epics get only the label checks. */
  type?: string;
  /** Closed issues get only the label checks: weighting advice is noise once the work is done. */
  closed?: boolean;
  /** Split weights held in native fields (see Issue.splitWeights); they win over the split labels. */
  splitWeights?: Issue['splitWeights'];
}

export type WeightConflict =
  /** Several weight:: labels (GitLab Free, GitHub): no label wins. */
  | { kind: 'labels'; labels: string[] }
  /** The weight field and the weight:: label disagree; the field wins. */
  | { kind: 'field-vs-label'; field: number; label: string; labelWeight: number };

export interface EffectiveWeight {
  weight: number | null;
  source: 'field' | 'label' | null;
  conflict: WeightConflict | null;
  /** A lone weight:: label whose value is not a number, e.g. `weight::big`. */
  invalidLabel: string | null;
}

/**
 * The weight the handbook's rules should use: the native field when the tier has one and it is set, else the
 * weight:: label (GitLab Free, GitHub, or a Premium issue weighted by label only).
 */
export function effectiveWeight(
  issue: Pick<Issue, 'weight' | 'labels'>,
  capabilities: Pick<Capabilities, 'weight'>,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): EffectiveWeight {
  const reading = weightFromLabels(issue.labels, settings.scopes.weight);
  const field = capabilities.weight ? issue.weight : null;
  const invalidLabel = reading.status === 'invalid' ? reading.label : null;
  const labelsConflict: WeightConflict | null = reading.status === 'conflict' ? { kind: 'labels', labels: reading.labels } : null;

  if (field !== null) {
    const differs = reading.status === 'set' && reading.value !== field;
    const conflict: WeightConflict | null = differs
      ? { kind: 'field-vs-label', field, label: reading.label, labelWeight: reading.value }
      : labelsConflict;
    return { weight: field, source: 'field', conflict, invalidLabel };
  }
  if (reading.status === 'set') return { weight: reading.value, source: 'label', conflict: null, invalidLabel: null };
  return { weight: null, source: null, conflict: labelsConflict, invalidLabel };
}

/** IssueFacts from the forge model, with the effective weight resolved for this tier. */
export function factsFromIssue(
  issue: Pick<Issue, 'title' | 'labels' | 'weight' | 'type' | 'state' | 'status' | 'splitWeights'>,
  capabilities: Pick<Capabilities, 'weight' | 'statuses'>,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): IssueFacts {
  return {
    title: issue.title,
    // Where the GitLab namespace has statuses, the rules read the status's stage as its workflow label.
    labels: labelsWithStatusStage(issue.labels, issue.status, capabilities.statuses, settings),
    weight: effectiveWeight(issue, capabilities, settings).weight,
    type: issue.type,
    closed: issue.state === 'closed',
    ...(issue.splitWeights ? { splitWeights: issue.splitWeights } : {}),
  };
}
