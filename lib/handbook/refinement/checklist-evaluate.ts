// Which checklist items the issue's own data decides (labels, description, comments, weight, blockers), and where the
// answer came from. Judgement items ("title clearly describes…") stay with a person. Pure.
import type { Capabilities, Issue, Note } from '@/lib/forge/model';
import { normalizeLabel } from './classify';
import { checklistDefinition, type AutoCheck, type ChecklistKind } from './checklists';
import { parseChecklist, type Mark, type RecognisedChecklist } from './checklist-parse';
import { effectiveWeight } from './facts';
import { issueSplitWeights, labelsInScope, valueOf, weightFromLabels, workflowStage } from '../labels';
import { partHasContent, partsIn, splitText, stripComments } from '../markdown';
import { DEFAULT_SETTINGS, isAtOrAfter, stageIndex, stageLabel, type Settings } from '../settings';
import { hasPlanHeading, isUnfilledPlan } from '../templates/templates';

/** The handbook's severity labels (`severity::1` … `severity::4`), as GitLab names them; not configurable yet. */
export const SEVERITY_SCOPE = 'severity';

export interface NoteFacts extends Pick<Note, 'body'> {
  system?: boolean;
  author?: { username: string } | null;
  createdAt?: string;
}

export interface ChecklistFacts {
  issue: Pick<Issue, 'labels' | 'description' | 'title' | 'type' | 'weight' | 'splitWeights'>;
  capabilities: Pick<Capabilities, 'weight'>;
  /** The issue's comments, oldest first or in any order. */
  notes: readonly NoteFacts[];
  /** Open "is blocked by" links (GitLab) or blocking issues (GitHub dependencies); null when they could not be read. */
  blockers: number | null;
  settings?: Readonly<Settings>;
}

export type ItemState = 'done' | 'not-done' | 'manual';

export interface Decision {
  state: ItemState;
  /** Where the answer came from, for a person: "label workflow::refinement", "2 open blockers". */
  source: string;
}

export interface ItemEvaluation extends Decision {
  id: string;
  text: string;
  section: string;
  auto: AutoCheck | null;
}

const done = (source: string): Decision => ({ state: 'done', source });
const notDone = (source: string): Decision => ({ state: 'not-done', source });
const manual = (source: string): Decision => ({ state: 'manual', source });

function stageDecision(labels: readonly string[], target: string, settings: Readonly<Settings>): Decision {
  const reading = workflowStage(labels, settings.scopes.workflow);
  const wanted = stageLabel(target, settings);
  if (reading.status === 'conflict') return notDone(`${reading.labels.length} workflow labels: ${reading.labels.join(', ')}`);
  if (reading.status !== 'set') return notDone(`no ${settings.scopes.workflow}:: label`);
  if (stageIndex(reading.value, settings.workflow.stages) < 0)
    return notDone(`label ${reading.label} is not one of the workflow stages`);
  if (isAtOrAfter(reading.value, target, settings.workflow.stages)) return done(`label ${reading.label}`);
  return notDone(`label ${reading.label}, before ${wanted}`);
}

function typeBugDecision(issue: ChecklistFacts['issue'], settings: Readonly<Settings>): Decision {
  const bugValues = new Set(settings.types.bug.map((v) => v.trim().toLowerCase()));
  const typed = labelsInScope(issue.labels, settings.scopes.type).find((l) => bugValues.has(valueOf(l).toLowerCase()));
  if (typed) return done(`label ${typed}`);
  const bugLabels = new Set(settings.labels.bug.map(normalizeLabel));
  const plain = issue.labels.find((l) => bugLabels.has(normalizeLabel(l)));
  if (plain) return done(`label ${plain}`);
  if (bugValues.has(issue.type.trim().toLowerCase())) return done(`issue type ${cap(issue.type.trim())}`);
  return notDone(`no ${settings.scopes.type}::${settings.types.bug[0] ?? 'bug'} label`);
}

function severityDecision(labels: readonly string[]): Decision {
  const found = [...new Set(labelsInScope(labels, SEVERITY_SCOPE))];
  if (found.length === 1) return done(`label ${found[0]}`);
  if (found.length > 1) return notDone(`${found.length} severity labels: ${found.join(', ')}`);
  return notDone(`no ${SEVERITY_SCOPE}:: label`);
}

function weightDecision(facts: ChecklistFacts, settings: Readonly<Settings>): Decision {
  const eff = effectiveWeight(facts.issue, facts.capabilities, settings);
  if (eff.weight !== null) {
    if (eff.source === 'field') return done(`weight ${eff.weight} (issue weight)`);
    const reading = weightFromLabels(facts.issue.labels, settings.scopes.weight);
    return done(`weight ${eff.weight} (label ${reading.status === 'set' ? reading.label : `${settings.scopes.weight}::${eff.weight}`})`);
  }
  const split = issueSplitWeights(facts.issue, {
    backend: settings.scopes.backendWeight,
    frontend: settings.scopes.frontendWeight,
  });
  const parts = [split.backend, split.frontend];
  if (split.backend.status === 'set' && split.frontend.status === 'set')
    return done(`split weights ${split.backend.label} and ${split.frontend.label}`);
  if (eff.conflict?.kind === 'labels')
    return notDone(`${eff.conflict.labels.length} weight labels: ${eff.conflict.labels.join(', ')}`);
  for (const p of parts) {
    if (p.status === 'conflict') return notDone(`${p.labels.length} split weight labels: ${p.labels.join(', ')}`);
  }
  const set = parts.flatMap((p) => (p.status === 'set' ? [p.label] : []));
  if (set.length === 1) return notDone(`only ${set[0]}: add the other part's weight, or a single weight`);
  if (eff.invalidLabel) return notDone(`${eff.invalidLabel} is not a weight`);
  return notDone('no weight');
}

function blockersDecision(blockers: number | null): Decision {
  if (blockers === null) return manual('blocking links could not be read: check by hand');
  if (blockers === 0) return done('no open blockers');
  return notDone(`${blockers} open blocker${blockers === 1 ? '' : 's'}`);
}

// ---- The description ----

interface Found {
  /** The title as written (cleaned). */
  label: string;
  filled: boolean;
}

/**
 * The description without comments, and its lines: several checks read them, so they are made once per description
 * (a 64 KB description of blank lines took most of the 50 ms a parser may take, split again for each check).
 */
let described: { text: string; stripped: string; lines: string[] } | null = null;
function description(text: string): { stripped: string; lines: string[] } {
  if (described?.text !== text) {
    const stripped = stripComments(text);
    described = { text, stripped, lines: splitText(stripped) };
  }
  return described;
}

/** The first part named by `keyword` with content, else the first one without (an unfilled template). */
function findSection(text: string, keyword: RegExp): Found | null {
  const parts = partsIn(description(text).lines, keyword);
  const filled = parts.find(partHasContent);
  if (filled) return { label: filled.title, filled: true };
  return parts[0] ? { label: parts[0].title, filled: false } : null;
}

const REQUIREMENTS =
  /^(?:requirements?|acceptance criteria|proposal|proposed solution|expected (?:behaviou?r|outcome|results?)|expectations?|definition of done|what does success look like|describe the solution you'?d like|user stor(?:y|ies)|solution)\b/i;
const STEPS = /^(?:steps to reproduce|to reproduce|how to reproduce|reproduction steps|repro steps)\b/i;

function descriptionEmpty(text: string): boolean {
  return description(text).stripped.trim() === '';
}

function requirementsDecision(description: string): Decision {
  if (descriptionEmpty(description)) return notDone('description is empty');
  const found = findSection(description, REQUIREMENTS);
  if (found?.filled) return done(`description has "${found.label}"`);
  if (found) return notDone(`"${found.label}" in the description is empty`);
  return manual('no requirements, acceptance criteria or proposal section found in the description');
}

function numberedSteps(text: string): boolean {
  let items = 0;
  for (const l of description(text).lines) if (/^\s{0,3}\d{1,3}[.)]\s+\S/.test(l) && ++items >= 2) return true;
  return false;
}

function stepsDecision(description: string): Decision {
  if (descriptionEmpty(description)) return notDone('description is empty');
  const found = findSection(description, STEPS);
  if (found?.filled) return done(`description has "${found.label}"`);
  if (numberedSteps(description)) return done('numbered list in the description');
  if (found) return notDone(`"${found.label}" in the description is empty`);
  return manual('no steps to reproduce found in the description');
}

// ---- The implementation plan ----

function byline(note: NoteFacts): string {
  const who = note.author?.username ? `comment by @${note.author.username}` : 'a comment';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(note.createdAt ?? '')?.[0];
  return day ? `${who} on ${day}` : who;
}

function newestFirst(notes: readonly NoteFacts[]): NoteFacts[] {
  const time = (n: NoteFacts) => {
    const t = Date.parse(n.createdAt ?? '');
    return Number.isNaN(t) ? -Infinity : t;
  };
  return notes.map((n, i) => ({ n, i })).sort((a, b) => time(b.n) - time(a.n) || b.i - a.i).map(({ n }) => n);
}

function planDecision(facts: ChecklistFacts, settings: Readonly<Settings>): Decision {
  // The refinement checklist itself has an "Implementation plan" section: it is not a plan.
  const plans = newestFirst(facts.notes).filter(
    (n) => !n.system && hasPlanHeading(n.body) && parseChecklist(n.body, settings).status === 'not-a-checklist',
  );
  const filled = plans.find((n) => !isUnfilledPlan(n.body));
  if (filled) return done(byline(filled));
  if (hasPlanHeading(facts.issue.description)) return done('issue description');
  if (plans[0]) return notDone(`${byline(plans[0])} holds only the empty plan template`);
  return notDone('no comment with an implementation plan');
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One auto check against the issue's data. */
export function decide(check: AutoCheck, facts: ChecklistFacts): Decision {
  const settings = facts.settings ?? DEFAULT_SETTINGS;
  const { issue } = facts;
  switch (check) {
    case 'workflow-refinement':
      return stageDecision(issue.labels, settings.workflow.refinement, settings);
    case 'workflow-ready':
      return stageDecision(issue.labels, settings.workflow.readyForDevelopment, settings);
    case 'type-bug':
      return typeBugDecision(issue, settings);
    case 'severity':
      return severityDecision(issue.labels);
    case 'description-requirements':
      return requirementsDecision(issue.description);
    case 'steps-to-reproduce':
      return stepsDecision(issue.description);
    case 'implementation-plan':
      return planDecision(facts, settings);
    case 'weight':
      return weightDecision(facts, settings);
    case 'no-blockers':
      return blockersDecision(facts.blockers);
  }
}

const JUDGEMENT = "a person's judgement";

/** Every handbook item of the checklist with the data's answer; judgement items are 'manual'. */
export function evaluateChecklist(kind: ChecklistKind, facts: ChecklistFacts): ItemEvaluation[] {
  const definition = checklistDefinition(kind, facts.settings ?? DEFAULT_SETTINGS);
  return definition.sections.flatMap((section) =>
    section.items.map((item) => ({
      id: item.id,
      text: item.text,
      section: section.title,
      auto: item.auto ?? null,
      ...(item.auto ? decide(item.auto, facts) : manual(JUDGEMENT)),
    })),
  );
}

export interface ResolvedItem {
  /** The handbook item; null for an item a person added to the comment. */
  id: string | null;
  /** As the comment has it, or the handbook's text when there is no comment. */
  text: string;
  section: string | null;
  auto: AutoCheck | null;
  state: ItemState;
  source: string;
  /** The box in the comment; null when there is no comment. */
  mark: Mark | null;
  /** Counts as done for "Finish refinement". */
  done: boolean;
  /** Who settled it: the data for decided items, else whoever ticked the box. */
  decidedBy: 'data' | 'person';
}

/**
 * The checklist as "Finish refinement" sees it: the data decides where it can; elsewhere the box does. A box marked
 * inapplicable (GitLab's `[~]`) counts as done: a person said it does not apply. With a comment, its items are the
 * checklist (handbook items someone deleted no longer count); without one, the handbook's items with empty boxes.
 */
export function resolveChecklist(
  evaluations: readonly ItemEvaluation[],
  checklist: RecognisedChecklist | null,
): ResolvedItem[] {
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  const resolve = (
    base: Omit<ResolvedItem, 'done' | 'decidedBy' | 'state' | 'source'>,
    decision: Decision,
  ): ResolvedItem => {
    if (base.mark === 'inapplicable') return { ...base, ...decision, done: true, decidedBy: 'person' };
    if (decision.state !== 'manual') return { ...base, ...decision, done: decision.state === 'done', decidedBy: 'data' };
    return { ...base, ...decision, done: base.mark === 'checked', decidedBy: 'person' };
  };
  if (!checklist) {
    return evaluations.map((e) =>
      resolve({ id: e.id, text: e.text, section: e.section, auto: e.auto, mark: null }, e),
    );
  }
  return checklist.items.map((item) => {
    const e = item.id ? byId.get(item.id) : undefined;
    const base = { id: item.id, text: item.text, section: item.section, auto: e?.auto ?? null, mark: item.mark };
    return resolve(base, e ?? manual('added to the comment by a person'));
  });
}

/**
 * Boxes the data says are done but nobody has ticked: ticking them keeps the comment true for teammates without
 * Refinery. The data never unticks a box a person ticked.
 */
export function boxesToTick(checklist: RecognisedChecklist, evaluations: readonly ItemEvaluation[]): string[] {
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  return checklist.items
    .filter((item) => item.mark === 'unchecked' && item.id !== null && byId.get(item.id)?.state === 'done')
    .map((item) => item.text);
}
