// The settings a team may override (label names, workflow stages, which rules run), with the handbook's defaults.
// Pure: storage and the options page live elsewhere; this only defines, validates and merges.
import * as z from '@/lib/zod';
import { DEFAULT_LABEL_SCOPES } from './labels';
import { DEFAULT_MAX_WORKING_DAYS } from './status/status-staleness';
import { statusTemplateSchema } from './status/status-template';

/** Every rule the engine knows, in the order findings are reported within a severity. */
export const RULE_IDS = [
  'scope-conflict',
  'missing-weight',
  'weight-over-3',
  'weight-over-3-refined',
  'weight-not-in-table',
  'weight-label-mismatch',
  'spike-weight',
  'security-weight',
  'split-part-over-3',
  'split-total-below-part',
  'split-replaces-weight',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What each rule checks, for the options page's switches. */
export const RULE_TITLES: Readonly<Record<RuleId, string>> = Object.freeze({
  'scope-conflict': 'One label per scope (workflow, weights, health)',
  'missing-weight': 'Issues ready for development or later have a weight',
  'weight-over-3': 'Weights above 3 are broken down',
  'weight-over-3-refined': 'A weight above 3 after refinement calls for research',
  'weight-not-in-table': 'Weights are 1, 2, 3 or 5',
  'weight-label-mismatch': 'The weight label agrees with the weight field',
  'spike-weight': 'Spikes have weight 2 (timeboxed)',
  'security-weight': 'Security issues are weighted one level higher',
  'split-part-over-3': 'Backend and frontend weights above 3 are broken down',
  'split-total-below-part': 'The weight is not below a backend or frontend weight',
  'split-replaces-weight': 'Explain that backend and frontend weights replace the weight',
});

/** The handbook's workflow stages in order (Product Development Flow as the Package stage and Source Code list it). */
export const DEFAULT_STAGES = Object.freeze([
  'problem validation',
  'design',
  'solution validation',
  'planning breakdown',
  'refinement',
  'ready for development',
  'in dev',
  'in review',
  'verification',
  'staging',
  'complete',
] as const);

const name = z.deferred(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(255)));
const names = z.deferred(() => z.array(name).check(z.maxLength(50)));
/** A scope may itself contain `::` (nested scopes) but must not start or end with a colon. */
const scope = z.deferred(() =>
  name.check(
    z.refine((s) => !s.startsWith(':') && !s.endsWith(':'), {
      message: 'A scope cannot start or end with ":"',
    }),
  ),
);

/** Stage names compare case-insensitively, with runs of spaces counting as one. */
export function normalizeStage(stage: string): string {
  return stage.trim().toLowerCase().replace(/\s+/g, ' ');
}

const scopesSchema = z.deferred(() =>
  z
    .object({
      weight: scope,
      backendWeight: scope,
      frontendWeight: scope,
      workflow: scope,
      health: scope,
      type: scope,
    })
    .check(
      z.superRefine((scopes, ctx) => {
        const seen = new Set<string>();
        for (const [key, value] of Object.entries(scopes)) {
          const k = value.toLowerCase();
          if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `Scope "${value}" is used twice`, path: [key] });
          seen.add(k);
        }
      }),
    ),
);

const labelsSchema = z.deferred(() =>
  z.object({
    /** The label that marks a spike (titles starting with "Spike" count too). */
    spike: name,
    /** The label that marks a security issue; the one "Create the handbook's labels" adds. */
    security: name,
    /** Other labels that mark a security issue, e.g. GitLab's `bug::vulnerability`. */
    securityAliases: names,
    /** Unscoped labels that mark a bug besides `type::bug` (GitHub's default label set has `bug`). */
    bug: names,
  }),
);

const typesSchema = z.deferred(() =>
  z.object({
    /** Values in the type scope (and forge issue types) that mark a security issue. */
    security: names,
    /** Values in the type scope (and forge issue types) that mark a bug. */
    bug: names,
  }),
);

const workflowSchema = z.deferred(() =>
  z
    .object({
      stages: z.array(name).check(z.minLength(2), z.maxLength(50)),
      refinement: name,
      readyForDevelopment: name,
      complete: name,
    })
    .check(
      z.superRefine((wf, ctx) => {
        const order = wf.stages.map(normalizeStage);
        if (new Set(order).size !== order.length)
          ctx.addIssue({ code: 'custom', message: 'A stage is listed twice', path: ['stages'] });
        const at = (key: 'refinement' | 'readyForDevelopment' | 'complete') => {
          const i = order.indexOf(normalizeStage(wf[key]));
          if (i < 0) ctx.addIssue({ code: 'custom', message: `"${wf[key]}" is not one of the stages`, path: [key] });
          return i;
        };
        const refinement = at('refinement');
        const ready = at('readyForDevelopment');
        const complete = at('complete');
        if (refinement >= 0 && ready >= 0 && refinement >= ready)
          ctx.addIssue({ code: 'custom', message: 'Refinement must come before ready for development', path: ['refinement'] });
        if (ready >= 0 && complete >= 0 && ready >= complete)
          ctx.addIssue({ code: 'custom', message: 'Ready for development must come before complete', path: ['complete'] });
      }),
    ),
);

/** Async status updates: the comment's layout, when an issue counts as stale, and GitHub's stand-in for epics. */
const statusUpdatesSchema = z.deferred(() =>
  z.object({
    /** The team's override of the comment's layout; `{}` is the handbook's format. */
    template: statusTemplateSchema,
    /** An issue in development with no update for more working days than this is flagged. */
    maxWorkingDays: z.number().check(z.int(), z.gte(0), z.lte(60)),
    /** Workflow stages in which updates are expected ("in development"). */
    developmentStages: z.array(name).check(z.minLength(1), z.maxLength(20)),
    /** GitHub has no epics: issues with this label get the weekly epic update form. */
    epicLabel: name,
  }),
);

/**
 * Forge fields Refinery writes instead of labels where the forge has them. `weight`: the names of a GitHub
 * organisation's number issue field tried in order (case-insensitive); empty: always `weight::` labels on GitHub.
 */
const fieldsSchema = z.deferred(() => z.object({ weight: z.array(name).check(z.maxLength(10)) }));

/** GitHub issue field names read as the weight, in order (only number fields count: GitHub's default "Effort" is a single-select). */
export const DEFAULT_WEIGHT_FIELDS = Object.freeze(['Weight', 'Estimate', 'Effort', 'Story points']);

/**
 * GitLab Status (18.2+): per handbook stage the status name a team picked (a stage left out takes the default match,
 * see status-mapping.ts), and whether moves also write the workflow:: label while a team migrates.
 */
const nativeStatusSchema = z.deferred(() =>
  z.object({
    mapping: z.record(z.string().check(z.maxLength(255)), z.string().check(z.trim(), z.maxLength(255))),
    alsoWriteLabels: z.boolean(),
  }),
);

const rulesSchema = z.deferred(() =>
  z.object(
    Object.fromEntries(RULE_IDS.map((id) => [id, z.boolean()])) as Record<RuleId, z.ZodMiniBoolean>,
  ),
);

const sectionSchemas = {
  scopes: scopesSchema,
  labels: labelsSchema,
  types: typesSchema,
  workflow: workflowSchema,
  rules: rulesSchema,
  statusUpdates: statusUpdatesSchema,
  fields: fieldsSchema,
  nativeStatus: nativeStatusSchema,
} as const;

/** A complete, valid settings object (what the options page saves). */
export const settingsSchema = z.deferred(() => z.object(sectionSchemas));
export type Settings = z.infer<typeof settingsSchema>;
type Section = keyof Settings;

/** Settings with some sections partly given; arrays replace the default, they are not appended to. */
export type SettingsPatch = { [K in Section]?: Partial<Settings[K]> };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = deepFreeze({
  scopes: { ...DEFAULT_LABEL_SCOPES, type: 'type' },
  labels: { spike: 'spike', security: 'security', securityAliases: ['bug::vulnerability'], bug: ['bug'] },
  types: { security: ['security', 'vulnerability'], bug: ['bug'] },
  workflow: {
    stages: [...DEFAULT_STAGES],
    refinement: 'refinement',
    readyForDevelopment: 'ready for development',
    complete: 'complete',
  },
  rules: Object.fromEntries(RULE_IDS.map((id) => [id, true])) as Record<RuleId, boolean>,
  statusUpdates: { template: {}, maxWorkingDays: DEFAULT_MAX_WORKING_DAYS, developmentStages: ['in dev', 'in review'], epicLabel: 'epic' },
  fields: { weight: [...DEFAULT_WEIGHT_FIELDS] },
  nativeStatus: { mapping: {}, alsoWriteLabels: false },
});

const SECTIONS: readonly Section[] = ['scopes', 'labels', 'types', 'workflow', 'rules', 'statusUpdates', 'fields', 'nativeStatus'];

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The defaults with the given sections' fields replaced. No validation: use parseSettings for stored data. */
export function mergeSettings(patch: SettingsPatch = {}, base: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  const out = copy(base) as Settings;
  for (const section of SECTIONS) {
    const given = patch[section];
    if (!given) continue;
    const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    Object.assign(out[section], copy(defined));
  }
  return out;
}

// Stored settings may come from an older version or be hand-edited: every field that does not validate falls back to
// its default instead of failing the whole object (degrade, never break).
function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

function lenientSection<S extends z.ZodMiniObject>(schema: S) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, lenient(v as z.ZodMiniType)]));
  return lenient(z.object(shape));
}


/** Per section, what storage may hold: each field lenient. Built only for a section a team changed. */
const storedSections = Object.fromEntries(
  SECTIONS.map((section) => [section, z.deferred(() => lenientSection(sectionSchemas[section]))]),
) as unknown as Record<Section, z.ZodMiniType>;

/** Deep equality of plain JSON-like data, key order aside. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Settings read from storage: valid fields are kept, invalid or missing ones take the default, and a section whose
 * fields do not fit together (e.g. a ready stage that is not in the stage list) falls back to its default entirely.
 */
export function parseSettings(raw: unknown): Settings {
  const stored = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const patch: SettingsPatch = {};
  const changed: Section[] = [];
  for (const section of SECTIONS) {
    const value = stored[section];
    // The options page stores every section: one as the handbook has it needs no checking, so a page builds the
    // schemas of the sections a team changed only.
    if (value === undefined || sameData(value, DEFAULT_SETTINGS[section])) continue;
    const parsed = storedSections[section].parse(value) as SettingsPatch[Section] | undefined;
    if (parsed === undefined) continue;
    (patch as Record<Section, unknown>)[section] = parsed;
    changed.push(section);
  }
  const merged = mergeSettings(patch);
  for (const section of changed) {
    if (!sectionSchemas[section].safeParse(merged[section]).success) {
      (merged as Record<Section, unknown>)[section] = copy(DEFAULT_SETTINGS[section]);
    }
  }
  return merged;
}

/** Where a stage sits in the configured order; -1 when it is not a known stage. */
export function stageIndex(stage: string, stages: readonly string[] = DEFAULT_SETTINGS.workflow.stages): number {
  const wanted = normalizeStage(stage);
  return stages.findIndex((s) => normalizeStage(s) === wanted);
}

/** True when `stage` is `target` or a later stage; false when either is not a known stage. */
export function isAtOrAfter(
  stage: string,
  target: string,
  stages: readonly string[] = DEFAULT_SETTINGS.workflow.stages,
): boolean {
  const at = stageIndex(stage, stages);
  const of = stageIndex(target, stages);
  return at >= 0 && of >= 0 && at >= of;
}

/** `workflow::ready for development` with the configured scope and stage names. */
export function stageLabel(stage: string, settings: Readonly<Settings> = DEFAULT_SETTINGS): string {
  return `${settings.scopes.workflow}::${stage}`;
}
