// Which forge write a finding's fix is. Label fixes only add or remove named labels (never replace the whole set),
// so labels someone else added meanwhile survive. Fixes that need a person (pick a weight, ask, break down) are null.
import type { LabelChange, SplitSide, WeightValue } from '@/lib/forge/model';
import type { Fix } from '@/lib/handbook/refinement/fixes';
import { stageLabel, type Settings } from '@/lib/handbook/settings';

export type FixWrite =
  | { method: 'setWeight'; weight: WeightValue }
  /** The background writes the native field where there is one, else the part's scoped label. */
  | { method: 'setSplitWeight'; side: SplitSide; weight: WeightValue }
  | { method: 'changeLabels'; change: LabelChange };

export function fixWrite(fix: Fix, settings: Readonly<Settings>): FixWrite | null {
  const labels = (add: string[], remove: string[]): FixWrite => ({ method: 'changeLabels', change: { add, remove } });
  switch (fix.kind) {
    case 'set-weight':
      return { method: 'setWeight', weight: fix.weight };
    case 'set-split-weight':
      return { method: 'setSplitWeight', side: fix.part, weight: fix.weight };
    case 'keep-one-label':
      return labels([], fix.remove);
    case 'remove-labels':
      return labels([], fix.labels);
    case 'set-workflow':
      // The adapters drop the scope's other labels when adding one (GitLab Free and GitHub included).
      return labels([stageLabel(fix.stage, settings)], []);
    case 'pick-weight':
    case 'ask-clarification':
    case 'break-down':
      return null;
  }
}
