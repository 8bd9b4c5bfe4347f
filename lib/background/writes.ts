// Handbook writes that depend on the tier: the forge's own field where it has one, else an exclusive scoped label.
import type { Forge } from '../forge/forge';
import type { HealthStatus, Issue, IssueRef, SplitSide, WeightValue } from '../forge/model';
import { healthLabel, labelsInScope } from '../handbook/labels';
import type { Settings } from '../handbook/settings';
import type { WriteResult } from '../messaging';

/** Sets `scope::value` (the adapter removes the scope's other labels, re-read just before writing) or clears the scope. */
async function setScopedLabel(forge: Forge, ref: IssueRef, scope: string, value: string | null): Promise<Issue> {
  if (value !== null) return forge.changeLabels(ref, { add: [`${scope}::${value}`], remove: [] });
  const current = await forge.getIssue(ref); // never remove from a stale copy
  const remove = labelsInScope(current.labels, scope);
  return remove.length ? forge.changeLabels(ref, { add: [], remove }) : current;
}

export async function writeWeight(forge: Forge, ref: IssueRef, weight: WeightValue | null, settings: Settings): Promise<WriteResult> {
  if ((await forge.getCapabilities(ref)).weight) return { issue: await forge.setWeight(ref, weight), via: 'field' };
  return { issue: await setScopedLabel(forge, ref, settings.scopes.weight, weight === null ? null : String(weight)), via: 'label' };
}

export async function writeHealth(forge: Forge, ref: IssueRef, status: HealthStatus | null, settings: Settings): Promise<WriteResult> {
  if ((await forge.getCapabilities(ref)).healthStatus) return { issue: await forge.setHealthStatus(ref, status), via: 'field' };
  const scope = settings.scopes.health;
  const value = status === null ? null : healthLabel(status, scope).slice(scope.length + 2);
  return { issue: await setScopedLabel(forge, ref, scope, value), via: 'label' };
}

export async function writeSplitWeight(forge: Forge, ref: IssueRef, side: SplitSide, weight: WeightValue | null, settings: Settings): Promise<WriteResult> {
  if ((await forge.getCapabilities(ref)).splitWeightFields?.[side]) return { issue: await forge.setSplitWeight(ref, side, weight), via: 'field' };
  const scope = side === 'backend' ? settings.scopes.backendWeight : settings.scopes.frontendWeight;
  return { issue: await setScopedLabel(forge, ref, scope, weight === null ? null : String(weight)), via: 'label' };
}
