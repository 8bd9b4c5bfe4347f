// What kind of issue this is for the weighting rules: spike, security issue, bug. Pure.
import { labelsInScope, scopeOf, valueOf } from '../labels';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

/** The parts of an issue classification looks at. */
export interface Classifiable {
  title: string;
  labels: readonly string[];
  /** The forge's issue type, lower-cased ("issue", "bug"…), when known. */
  type?: string;
}

/** A label in a comparable form: case-insensitive, spaces around `::` ignored (`Bug:: Vulnerability` = `bug::vulnerability`). */
export function normalizeLabel(label: string): string {
  const scope = scopeOf(label);
  const text = scope === null ? label.trim() : `${scope}::${valueOf(label)}`;
  return text.toLowerCase().replace(/\s+/g, ' ');
}

function hasAnyLabel(labels: readonly string[], wanted: readonly string[]): boolean {
  const set = new Set(wanted.map(normalizeLabel));
  return labels.some((label) => set.has(normalizeLabel(label)));
}

function typeIsOneOf(issue: Classifiable, values: readonly string[], settings: Readonly<Settings>): boolean {
  const wanted = new Set(values.map((v) => v.trim().toLowerCase()));
  if (issue.type !== undefined && wanted.has(issue.type.trim().toLowerCase())) return true;
  return labelsInScope(issue.labels, settings.scopes.type).some((label) => wanted.has(valueOf(label).toLowerCase()));
}

/**
 * Titles that announce a spike: "Spike: …", "Spike - …", "[Spike] …", "(Spike) …". A bare leading word is not
 * enough, because bug titles such as "Spike in memory usage after deploy" are common.
 */
export const SPIKE_TITLE = /^\s*(?:\[\s*spike\s*\]|\(\s*spike\s*\)|spike\s*[:|/–—-])/i;

export function isSpike(issue: Classifiable, settings: Readonly<Settings> = DEFAULT_SETTINGS): boolean {
  return SPIKE_TITLE.test(issue.title) || hasAnyLabel(issue.labels, [settings.labels.spike]);
}

/** The security label, its aliases (`bug::vulnerability`), or a security type (`type::security`, `type::vulnerability`). */
export function isSecurity(issue: Classifiable, settings: Readonly<Settings> = DEFAULT_SETTINGS): boolean {
  return (
    hasAnyLabel(issue.labels, [settings.labels.security, ...settings.labels.securityAliases]) ||
    typeIsOneOf(issue, settings.types.security, settings)
  );
}

/** A bug label (`bug`), a bug type (`type::bug`, or the forge's own "bug" issue type). */
export function isBug(issue: Classifiable, settings: Readonly<Settings> = DEFAULT_SETTINGS): boolean {
  return hasAnyLabel(issue.labels, settings.labels.bug) || typeIsOneOf(issue, settings.types.bug, settings);
}
