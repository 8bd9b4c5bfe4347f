// The chart's points and the "last update" line, from an issue's or epic's comments. Pure.
import type { HealthStatus, Note } from '@/lib/forge/model';
import { epicHistoryFromNotes, type EpicStatus } from '@/lib/handbook/status/epic-update';
import { workflowStage } from '@/lib/handbook/labels';
import { normalizeStage, type Settings } from '@/lib/handbook/settings';
import { HEALTH_TEXT } from '@/lib/handbook/status/status-format';
import { historyFromNotes } from '@/lib/handbook/status/status-parse';
import { isEpicTarget } from './epicTarget';
import type { ChartPoint, Tone } from './HistoryChart';

export { isEpicTarget };

const HEALTH_TONE: Record<HealthStatus, Tone> = { on_track: 'good', needs_attention: 'warn', at_risk: 'bad' };
const EPIC_TONE: Record<EpicStatus, Tone> = { ok: 'good', 'so-so': 'warn', bad: 'bad' };

export function statusPoints(notes: readonly Note[]): ChartPoint[] {
  return historyFromNotes(notes).map((p) => ({
    at: p.createdAt,
    author: p.author,
    complete: p.complete,
    confidence: p.confidence,
    status: p.health === null ? null : { text: HEALTH_TEXT[p.health], tone: HEALTH_TONE[p.health] },
  }));
}

export function epicPoints(notes: readonly Note[]): ChartPoint[] {
  return epicHistoryFromNotes(notes).map((p) => ({
    at: p.createdAt,
    author: p.author,
    complete: null,
    confidence: p.confidence,
    status: { text: `Status ${p.status}`, tone: EPIC_TONE[p.status] },
  }));
}

/** In a stage where daily updates are expected (`workflow::in dev`, `workflow::in review` by default). */
export function isInDevelopment(labels: readonly string[], settings: Readonly<Settings>): boolean {
  const wanted = new Set(settings.statusUpdates.developmentStages.map(normalizeStage));
  const stage = workflowStage(labels, settings.scopes.workflow);
  if (stage.status === 'set') return wanted.has(normalizeStage(stage.value));
  // Two stage labels at once: either one says the work is under way.
  if (stage.status === 'conflict') return stage.labels.some((l) => wanted.has(normalizeStage(l.slice(settings.scopes.workflow.length + 2))));
  return false;
}
