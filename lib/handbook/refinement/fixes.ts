// What a finding offers to do, as data: the UI turns each into a button and the background into forge writes.
// Zod-checked so a fix can cross the messaging boundary unchanged.
import * as z from '@/lib/zod';
import { weightValue } from '@/lib/forge/model';
import { DEFAULT_SETTINGS, stageLabel, type Settings } from '../settings';

export const splitPart = z.deferred(() => z.enum(['backend', 'frontend']));
export type SplitPart = z.infer<typeof splitPart>;

const labelText = z.deferred(() => z.string().check(z.minLength(1), z.maxLength(255)));

export const fixSchema = z.deferred(() =>
  z.discriminatedUnion('kind', [
    /** Set the weight (native field where the tier has one, else the weight:: label). */
    z.object({ kind: z.literal('set-weight'), weight: weightValue }),
    /** Open the weight picker: the rule cannot tell which weight is right. */
    z.object({ kind: z.literal('pick-weight') }),
    z.object({ kind: z.literal('set-split-weight'), part: splitPart, weight: weightValue }),
    /** Promote to an epic with sub-issues (GitLab Premium+) or split into related issues. */
    z.object({ kind: z.literal('break-down') }),
    /** Comment what needs clarification and ping the EM and PM (the handbook's "SSOT is not clear"). */
    z.object({ kind: z.literal('ask-clarification') }),
    /** Replace the workflow label with this stage. */
    z.object({ kind: z.literal('set-workflow'), stage: labelText }),
    /** Keep `keep` and remove the other labels of the same scope. */
    z.object({ kind: z.literal('keep-one-label'), scope: labelText, keep: labelText, remove: z.array(labelText).check(z.minLength(1)) }),
    z.object({ kind: z.literal('remove-labels'), labels: z.array(labelText).check(z.minLength(1)) }),
  ]),
);
export type Fix = z.infer<typeof fixSchema>;
export type FixKind = Fix['kind'];

/** Button text for a fix, with the team's label names. */
export function fixLabel(fix: Fix, settings: Readonly<Settings> = DEFAULT_SETTINGS): string {
  switch (fix.kind) {
    case 'set-weight':
      return `Set weight ${fix.weight}`;
    case 'pick-weight':
      return 'Choose a weight';
    case 'set-split-weight': {
      const scope = fix.part === 'backend' ? settings.scopes.backendWeight : settings.scopes.frontendWeight;
      return `Set ${scope}::${fix.weight}`;
    }
    case 'break-down':
      return 'Break down';
    case 'ask-clarification':
      return 'Ask for clarification';
    case 'set-workflow':
      return `Move to ${stageLabel(fix.stage, settings)}`;
    case 'keep-one-label':
      return `Keep ${fix.keep}`;
    case 'remove-labels':
      return `Remove ${fix.labels.join(', ')}`;
  }
}
