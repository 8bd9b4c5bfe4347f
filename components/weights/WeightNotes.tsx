// The handbook's remarks that change which weight to pick: security issues go one level up, spikes are weight 2.
import type { Issue } from '@/lib/forge/model';
import { isSecurity, isSpike } from '@/lib/handbook/refinement/classify';
import type { Settings } from '@/lib/handbook/settings';
import { nextWeightUp } from '@/lib/handbook/weights/weights';

export function WeightNotes({ issue, settings }: { issue: Issue; settings: Readonly<Settings> }) {
  const spike = isSpike(issue, settings);
  const security = isSecurity(issue, settings);
  if (!spike && !security) return null;
  const steps = ([1, 2, 3] as const).map((w) => `${w} → ${nextWeightUp(w).weight}`).join(', ');
  return (
    <div className="weight-notes" role="note" aria-label="Weighting notes">
      {security && (
        <p>
          <strong>Security issue:</strong> the handbook weights security issues one level higher than the table
          suggests ({steps}), for the extra work and backports of the patch release process.{' '}
          {nextWeightUp(3).note}
        </p>
      )}
      {spike && (
        <p>
          <strong>Spike:</strong> spikes are scheduled with a weight of 2 (timeboxed).
        </p>
      )}
    </div>
  );
}
