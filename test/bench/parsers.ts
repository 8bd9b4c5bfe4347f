// Every parser of forge text (comments, descriptions, titles, labels, templates, rendered HTML) run on adversarial
// inputs of 65,536 characters, GitHub's comment limit: whitespace runs, thousands of list items, deep nesting, one long
// line, repeated keys. A parser that backtracks super-linearly freezes the tab on one hostile comment; a linear one
// reads 64 KB in about a millisecond. Used by lib/handbook/parsers-adversarial.test.ts (each case within 50 ms) and by
// the benchmark (worstParserTime).
import type { Issue, Note } from '@/lib/forge/model';
import { applyTick, rebaseTicks } from '@/lib/handbook/refinement/checklist-merge';
import { evaluateChecklist } from '@/lib/handbook/refinement/checklist-evaluate';
import { findChecklistNote, parseChecklist } from '@/lib/handbook/refinement/checklist-parse';
import { itemKey } from '@/lib/handbook/refinement/checklists';
import { isBug, isSecurity, isSpike, normalizeLabel } from '@/lib/handbook/refinement/classify';
import { quote } from '@/lib/handbook/comments';
import { epicHistoryFromNotes, parseEpicStatus, parseEpicUpdate, parseProgress } from '@/lib/handbook/status/epic-update';
import { healthFromLabels, scopeConflicts, weightFromLabels, workflowStage } from '@/lib/handbook/labels';
import { judgeIssue } from '@/lib/handbook/plan/list-figures';
import { cleanTitle, endsPart, findParts, headingTitle, lineTitle, stripComments } from '@/lib/handbook/markdown';
import { DEFAULT_SETTINGS, normalizeStage } from '@/lib/handbook/settings';
import { escapeQuickActions, labelReference } from '@/lib/handbook/status/status-format';
import { markersIn } from '@/lib/handbook/status/status-marker';
import {
  historyFromNotes,
  lastUpdateFor,
  parseChangeLine,
  parseConcern,
  parseHealth,
  parseUpdate,
} from '@/lib/handbook/status/status-parse';
import { sameChange } from '@/lib/handbook/status/status-prefill';
import { renderTemplate, templateProblems } from '@/lib/handbook/status/status-template';
import { keyValue, percentPair, percentValue, plain, visibleLines } from '@/lib/handbook/status/status-text';
import {
  dependencyLabels,
  fillReviewer,
  hasPlanHeading,
  importTemplates,
  isUnfilledPlan,
  unfilledPlaceholders,
} from '@/lib/handbook/templates/templates';
import { workflowStepper } from '@/lib/handbook/workflow/workflow';
import { reportedBlocked, weeklyDraft } from '@/lib/handbook/plan/draft';
import { child as planChild } from '@/lib/handbook/plan/__fixtures__/children';
import { rollUp } from '@/lib/handbook/plan/rollup';
import { taskLinks } from '@/lib/handbook/plan/task-list';
import { childUpdates, looksLikeUpdate } from '@/lib/handbook/plan/updates';
import { labelsWithStatusStage, statusStepper } from '@/lib/handbook/workflow/status-mapping';
import { describeWeightMove, planWeightMove } from '@/lib/handbook/weights/weight-move';
import { describeStatusMove, planStatusMove } from '@/lib/handbook/workflow/status-move';
import { toStatus } from '@/lib/forge/gitlab/status';
import { chooseIssueFields, fieldWeight } from '@/lib/forge/github/issue-fields';
import { titlesOf } from '@/components/weights/SubIssuesForm';
import { splitNames } from '@/components/options/settingsDraft';
import { safeHref, sanitizeParsed } from '@/lib/html/sanitize';
import { projectPathOf } from '@/lib/forge/gitlab/bulk';
import { toLinkedChange } from '@/lib/forge/gitlab/map';
import { commandLines } from '@/lib/forge/gitlab/quick-actions';
import { describeFailure } from '@/lib/forge/gitlab/requester';
import { repoOfApiUrl } from '@/lib/forge/github/map';
import { scopeProblems } from '@/lib/forge/github/adapter';

/** GitHub's comment limit; GitLab allows more, but 64 KB is what a test can demand in 50 ms. */
export const ADVERSARIAL_SIZE = 65_536;
/** A linear parser takes about 1 ms on 64 KB; a quadratic one takes seconds. */
export const PARSER_BUDGET_MS = 50;

export interface ParserCase {
  name: string;
  /** Work done before timing, e.g. the browser's own HTML parsing (not ours to make linear). */
  prepare?: (text: string) => unknown;
  /** Gets the text, or what `prepare` made of it. */
  run: (input: string) => unknown;
  /** Needs a DOM (DOMParser); skipped where there is none. */
  dom?: boolean;
}

export interface AdversarialInput {
  name: string;
  make: (size: number) => string;
}

const user = { id: 1, username: 'dave', name: 'Dave', avatarUrl: null, webUrl: null };
const noteOf = (body: string, id = 1): Note => ({
  id,
  body,
  author: user,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  system: false,
});
const issueOf = (text: string): Issue => ({
  ref: { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: 'acme/app', iid: 1, kind: 'issue' },
  title: text.slice(0, 4096),
  description: text,
  state: 'opened',
  labels: labelsOf(text),
  weight: null,
  healthStatus: null,
  milestone: null,
  assignees: [],
  type: 'issue',
  webUrl: 'https://gitlab.com/acme/app/-/issues/1',
  updatedAt: '2026-01-01T00:00:00Z',
});
/** A label list from a text: one label per line (thousands of labels), and the whole text as one label. */
const labelsOf = (text: string): string[] => [...text.split('\n').slice(0, 5000), text];
const meta = { createdAt: '2026-01-01T00:00:00Z', author: 'dave' };
const mr = (url: string) => ({ iid: 1, project_id: 2, title: 't', state: 'opened', web_url: url }) as Parameters<typeof toLinkedChange>[0];

/** A case whose input is prepared untimed; it needs a DOM. */
function prepared<T>(name: string, prepare: (text: string) => T, run: (input: T) => unknown): ParserCase {
  return { name, prepare, run: run as unknown as (input: string) => unknown, dom: true };
}

/** Every parser that reads text a forge gave us (or a team pasted), fed the whole input. */
export const PARSERS: readonly ParserCase[] = [
  // Status updates (status-text, status-parse)
  { name: 'visibleLines', run: (t) => visibleLines(t) },
  { name: 'keyValue', run: (t) => keyValue(t) },
  { name: 'percentValue', run: (t) => percentValue(t) },
  { name: 'percentPair', run: (t) => percentPair(t) },
  { name: 'plain', run: (t) => plain(t) },
  { name: 'parseHealth', run: (t) => parseHealth(t) },
  { name: 'parseConcern', run: (t) => parseConcern(t) },
  { name: 'parseChangeLine', run: (t) => parseChangeLine(t) },
  { name: 'parseUpdate', run: (t) => parseUpdate(t, meta) },
  { name: 'historyFromNotes', run: (t) => historyFromNotes([noteOf(t)]) },
  { name: 'lastUpdateFor', run: (t) => lastUpdateFor([noteOf(t)], 'dave') },
  { name: 'markersIn', run: (t) => markersIn(t) },
  { name: 'sameChange', run: (t) => sameChange(t, `${t}!1`) },
  // Epic updates
  { name: 'parseEpicStatus', run: (t) => parseEpicStatus(t) },
  { name: 'parseProgress', run: (t) => parseProgress(t) },
  { name: 'parseEpicUpdate', run: (t) => parseEpicUpdate(t, meta) },
  { name: 'epicHistoryFromNotes', run: (t) => epicHistoryFromNotes([noteOf(t)]) },
  // A parent's plan (issue 18): children's comments, titles and labels; a tracking issue's task list
  { name: 'looksLikeUpdate', run: (t) => looksLikeUpdate(t) },
  { name: 'childUpdates', run: (t) => childUpdates([{ body: t, createdAt: '2026-12-01T00:00:00Z', author: 'dave' }]) },
  { name: 'taskLinks', run: (t) => taskLinks(t, 'acme/widgets', 'github.com') },
  { name: 'reportedBlocked', run: (t) => [reportedBlocked(t, 'acme/app#1'), reportedBlocked(`${t} blocked`, t.slice(0, 1100))] },
  {
    name: 'rollUp + weeklyDraft',
    run: (t) => {
      const c = planChild({ title: t, labels: labelsOf(t), blockedBy: 1, comments: [{ body: t, createdAt: '2026-12-01T00:00:00Z', author: 'dave' }] });
      return weeklyDraft(rollUp({ parent: { weight: 3 }, children: [c] }, DEFAULT_SETTINGS, Date.parse('2026-12-09T00:00:00Z')), { lastWeeklyAt: null, lastText: t });
    },
  },
  // Checklists
  { name: 'parseChecklist', run: (t) => parseChecklist(t) },
  { name: 'findChecklistNote', run: (t) => findChecklistNote([noteOf(t)]) },
  { name: 'itemKey', run: (t) => itemKey(t) },
  { name: 'applyTick', run: (t) => applyTick(t, 'Issue label is ~"workflow::refinement"', true) },
  { name: 'rebaseTicks', run: (t) => rebaseTicks(t, [], [{ key: 'x', id: null, mark: 'checked' }]) },
  // Descriptions and plans (markdown, checklist-evaluate, templates)
  { name: 'stripComments', run: (t) => stripComments(t) },
  { name: 'lineTitle', run: (t) => lineTitle(t) },
  { name: 'headingTitle', run: (t) => headingTitle(t) },
  { name: 'cleanTitle', run: (t) => cleanTitle(t) },
  { name: 'endsPart', run: (t) => endsPart(t) },
  { name: 'findParts', run: (t) => findParts(t, /^requirements?\b/i) },
  {
    name: 'evaluateChecklist',
    run: (t) =>
      evaluateChecklist('bug', {
        issue: { ...issueOf(t), type: 'bug' },
        capabilities: { weight: false },
        notes: [noteOf(t)],
        blockers: 0,
      }),
  },
  { name: 'dependencyLabels', run: (t) => dependencyLabels(t, ['backend']) },
  { name: 'isUnfilledPlan', run: (t) => isUnfilledPlan(t) },
  { name: 'hasPlanHeading', run: (t) => hasPlanHeading(t) },
  { name: 'unfilledPlaceholders', run: (t) => unfilledPlaceholders(t) },
  { name: 'fillReviewer', run: (t) => fillReviewer(t, 'dave') },
  { name: 'quote', run: (t) => quote(t) },
  { name: 'escapeQuickActions', run: (t) => escapeQuickActions(t) },
  // Team templates (options page, imported files)
  { name: 'templateProblems', run: (t) => templateProblems('withChanges', t) },
  { name: 'renderTemplate', run: (t) => renderTemplate(t, { complete: '5', notes: t.slice(0, 1000), title: '' }) },
  {
    name: 'importTemplates',
    run: (t) => importTemplates(JSON.stringify({ format: 'refinery-templates', version: 1, templates: [{ id: 'a', title: 'A', body: t }] })),
  },
  // Labels and titles
  { name: 'labels', run: (t) => [weightFromLabels(labelsOf(t)), healthFromLabels(labelsOf(t)), workflowStage(labelsOf(t))] },
  { name: 'scopeConflicts', run: (t) => scopeConflicts(labelsOf(t)) },
  { name: 'normalizeLabel', run: (t) => normalizeLabel(t) },
  { name: 'labelReference', run: (t) => labelReference(t) },
  { name: 'normalizeStage', run: (t) => normalizeStage(t) },
  { name: 'classify', run: (t) => [isSpike({ title: t, labels: labelsOf(t) }), isBug({ title: t, labels: labelsOf(t) }), isSecurity({ title: t, labels: labelsOf(t) })] },
  { name: 'judgeIssue', run: (t) => judgeIssue({ issue: issueOf(t), capabilities: { weight: false } }) },
  { name: 'workflowStepper', run: (t) => workflowStepper(labelsOf(t), labelsOf(t)) },
  { name: 'planWeightMove', run: (t) => describeWeightMove(planWeightMove({ labels: labelsOf(t), weight: null, hasField: true }, 'weight'), t) },
  // GitLab Status and forge field names/values (native fields)
  {
    name: 'planStatusMove',
    run: (t) => {
      const statuses = [toStatus({ id: 'gid://gitlab/Status/1', name: t, category: 'TO_DO' })!, { id: 'gid://gitlab/Status/2', name: 'In progress', category: 'in_progress' as const }];
      return [
        describeStatusMove(planStatusMove({ labels: [`workflow::${t}`], state: 'opened', status: null, statuses }, DEFAULT_SETTINGS)),
        describeStatusMove(planStatusMove({ labels: labelsOf(t), state: 'opened', status: statuses[1] ?? null, statuses }, DEFAULT_SETTINGS)),
      ];
    },
  },
  {
    name: 'statusStepper',
    run: (t) => {
      const statuses = [toStatus({ id: 'gid://gitlab/Status/1', name: t, category: 'TO_DO' })!, { id: 'gid://gitlab/Status/2', name: 'In progress', category: 'in_progress' as const }];
      return [statusStepper(statuses[0], statuses), labelsWithStatusStage(labelsOf(t), statuses[0], statuses)];
    },
  },
  { name: 'fieldWeight', run: (t) => fieldWeight([{ issue_field_id: 1, value: t }], 1) },
  { name: 'chooseIssueFields', run: (t) => chooseIssueFields([{ id: 1, name: t, data_type: 'number' }], [t, 'Weight']) },
  // Typed or pasted by a team member
  { name: 'titlesOf', run: (t) => titlesOf(t) },
  { name: 'splitNames', run: (t) => splitNames(t) },
  // Forge answers read by the adapters
  { name: 'commandLines', run: (t) => commandLines(t) },
  { name: 'toLinkedChange', run: (t) => toLinkedChange(mr(t), 1) },
  { name: 'toLinkedChange(url)', run: (t) => toLinkedChange(mr(`https://gitlab.com/${t}/-/merge_requests/1`), 1) },
  { name: 'projectPathOf', run: (t) => projectPathOf({ web_url: `https://gitlab.com/${t}`, iid: 1 }, 'https://gitlab.com') },
  { name: 'projectPathOf(full)', run: (t) => projectPathOf({ web_url: t, iid: 1, references: { full: t } }, 'https://gitlab.com') },
  { name: 'repoOfApiUrl', run: (t) => repoOfApiUrl(t) },
  { name: 'scopeProblems', run: (t) => scopeProblems(t) },
  { name: 'describeFailure', run: (t) => describeFailure(t, 'text/plain') },
  // Rendered Markdown shown in the panel
  { name: 'safeHref', run: (t) => safeHref(t, 'https://gitlab.com') },
  prepared(
    'sanitizeHtml (after parsing)',
    (t) => new DOMParser().parseFromString(`<!doctype html><body>${t}`, 'text/html').body,
    (body) => sanitizeParsed(body, { baseUrl: 'https://gitlab.com' }),
  ),
];

/** `unit` repeated to `size` characters, between a prefix and a suffix. */
function fill(unit: string, size: number, prefix = '', suffix = ''): string {
  const room = Math.max(0, size - prefix.length - suffix.length);
  return prefix + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + suffix;
}

const repeated = (name: string, unit: string, prefix = '', suffix = ''): AdversarialInput => ({
  name,
  make: (size) => fill(unit, size, prefix, suffix),
});

/** Units each repeated to the full size; most also come with a trailing character that makes a match fail late. */
const UNITS: readonly [string, string][] = [
  ['spaces', ' '],
  ['tabs and spaces', ' \t'],
  ['newlines', '\n'],
  ['CRs', '\r'],
  ['CRLFs', '\r\n'],
  ['space-newline', ' \n'],
  ['one long line', 'abcdefghij'],
  ['words', 'word '],
  ['key: key:', 'key: '],
  ['key:key:', 'a:'],
  ['Done: Remaining:', 'Done: Remaining: '],
  ['ETA', 'ETA '],
  ['- [ ]', '- [ ] '],
  ['- [ ] items', '- [ ] item\n'],
  ['- [x] ~label items', '- [x] ~backend ~"a b", ~c.\n'],
  ['broken boxes', '[ x] [] -[ ]\n'],
  ['numbered items', '1. step\n'],
  ['bullets', '- '],
  ['bullet lines', '-\n'],
  ['[[[[', '['],
  ['[[ ]]', '[['],
  ['****', '*'],
  ['____', '_'],
  ['**a**', '**a** '],
  ['<<<<', '<'],
  ['<!--', '<!--'],
  ['<!-- -- ', '<!-- refinery:status-update id=abcdefgh '],
  ['{{{{', '{{'],
  ['{{ a', '{{ a '],
  ['((((', '('],
  ['````', '`'],
  ['fences', '```\n'],
  ['####', '#'],
  ['headings', '## a\n'],
  ['quotes', '> '],
  ['::::', '::'],
  ['a::', 'a::'],
  [':emoji:', ':a:'],
  ['~~~~', '~'],
  ['~"', '~"'],
  ['""""', '"'],
  ['....', '.'],
  ['----', '-'],
  ['— — ', '— '],
  ['%%%%', '%'],
  ['1% ', '1% '],
  ['digits', '1'],
  ['? %', '? % '],
  ['!1 ', '!1 '],
  ['a/', 'a/'],
  ['@a.', '@a.'],
  ['@engineer_username', '@engineer_username'],
  ['http://', 'http://a/'],
  ['link', '[a](http://a/'],
  ['/-/merge_requests/', '/-/merge_requests/'],
  ['/issues/', '/issues/1'],
  ['/repos/', '/repos/a/'],
  ['/health_status', '/health_status '],
  ['emoji', '🟡'],
  ['control characters', '\u0000\u0001\u001f'],
  ['commas', ', '],
];

/** The prefixes that steer a text into each parser's deepest path. */
const PREFIXES: readonly [string, string][] = [
  ['', ''],
  ['checklist', '# Issue Refinement Checklist\n\n## Problem verification\n'],
  ['status', '**Status**: so-so — '],
  ['key', '**% Complete**:'],
  ['notes', 'Notes: '],
  ['change', '- !11 - 50% complete, '],
  ['progress', '- Done: '],
  ['dependencies', '**2. Dependencies**\n'],
  ['bold', '**'],
  ['indent', '   '],
];

export const ADVERSARIAL_INPUTS: readonly AdversarialInput[] = [
  ...UNITS.flatMap(([name, unit]) => [repeated(name, unit), repeated(`${name}, then x`, unit, '', 'x')]),
  ...PREFIXES.filter(([p]) => p !== '').flatMap(([pname, prefix]) =>
    UNITS.filter(([name]) => ['spaces', 'tabs and spaces', 'space-newline', 'key: key:', '- [ ] items', '[[[[', '****', 'one long line', '....', '1% '].includes(name)).map(
      ([name, unit]) => repeated(`${pname}: ${name}, then x`, unit, prefix, 'x'),
    ),
  ),
  repeated('spaces around a colon', ' ', '', ': x'),
  { name: 'spaces, colon, spaces', make: (size) => `${' '.repeat(size / 2 - 1)}:${' '.repeat(size / 2 - 2)}x` },
  { name: 'key, spaces, colon', make: (size) => `a${' '.repeat(size - 3)}:x` },
  { name: 'bullet, spaces', make: (size) => `-${' '.repeat(size - 2)}x` },
  { name: '**, spaces, **', make: (size) => `**${' '.repeat(size - 5)}**x` },
  { name: 'nested brackets', make: (size) => `${'['.repeat(size / 2)}${']'.repeat(size / 2)}` },
  { name: 'nested HTML', make: (size) => fill('<div>', size / 2) + fill('</div>', size / 2) },
  { name: 'nested lists', make: (size) => Array.from({ length: 4000 }, (_, i) => `${' '.repeat(i % 40)}- [ ] x`).join('\n').slice(0, size) },
  { name: 'unclosed comment', make: (size) => fill(' ', size, '<!--') },
  { name: 'many markers', make: (size) => fill('<!-- refinery:status-update id=abcdefgh-1234 -->\n', size) },
  { name: 'markers without an end, one at the end', make: (size) => fill('<!-- refinery:status-update id=abcdefgh ', size, '', '-->') },
  { name: 'data lines without an end', make: (size) => fill('<!-- refinery:status-data complete=1 ', size) },
  { name: 'heading, spaces', make: (size) => fill(' ', size, '## a', 'b') },
  { name: 'heading, spaces and hashes', make: (size) => fill(' #', size, '## a', 'b') },
  { name: 'task, spaces', make: (size) => fill(' \t', size, '# Issue Refinement Checklist\n- [ ] a', 'b') },
  { name: 'box, spaces', make: (size) => fill(' ', size, '- [x]', 'b') },
  { name: 'broken box, spaces', make: (size) => fill(' ', size, '# Bug Refinement Checklist\n[', 'b') },
  { name: 'quick action, spaces', make: (size) => fill(' ', size, '/health_status a', 'b') },
  { name: 'line separators', make: (size) => fill('a: b \u2028', size) },
  { name: 'bold title, line separator', make: (size) => fill('**a**', size, '', '\u2028x') },
  { name: 'keywords across lines', make: (size) => fill('Done: Remaining: ETA \n', size, '- Done: ', '\nx') },
  { name: 'label, trailing dots', make: (size) => fill('.', size, '**Dependencies**\n- [x] ~a', 'b') },
  { name: 'link text with brackets', make: (size) => fill('[', size, '', '](http://a/-/merge_requests/1)') },
  { name: 'links, then one closing', make: (size) => fill('[a](http://a/', size, '', ')') },
  { name: 'merge request URLs', make: (size) => fill('http://a/b/-/merge_requests/1', size) },
  { name: 'URL, then a merge request', make: (size) => fill('a/', size, 'https://gitlab.com/', '/-/merge_requests/1') },
  {
    name: 'numbered workflow labels',
    make: (size) => Array.from({ length: 5000 }, (_, i) => `workflow::stage ${i}`).join('\n').slice(0, size),
  },
];

export interface ParserTime {
  parser: string;
  input: string;
  /** Best of up to three runs, in ms. */
  ms: number;
  /** The input size the time is for: smaller than ADVERSARIAL_SIZE when a smaller size already broke the budget. */
  size: number;
}

/** Best of up to `runs` timed runs, stopping at the first run within the budget. */
function bestTime(run: () => unknown, budget: number, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs && best > budget; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The sizes each input is tried at: a super-linear parser breaks the budget early instead of hanging for minutes. */
const SIZES = [1024, 8192, ADVERSARIAL_SIZE];

/** One parser on one input, at growing sizes up to 64 KB, stopping at the first size over the budget. */
export function timeParser(parser: ParserCase, input: AdversarialInput, budget = PARSER_BUDGET_MS): ParserTime {
  let result: ParserTime = { parser: parser.name, input: input.name, ms: 0, size: 0 };
  for (const size of SIZES) {
    const text = input.make(size);
    const arg = (parser.prepare ? parser.prepare(text) : text) as string;
    const ms = bestTime(() => parser.run(arg), budget);
    result = { parser: parser.name, input: input.name, ms, size: text.length };
    if (ms > budget) break;
  }
  return result;
}

/** Runs a parser once on a small text, so the timed runs measure compiled code. */
export function warmUp(parser: ParserCase): void {
  for (let i = 0; i < 20; i++) {
    const text = `- [ ] a\n**Status**: ok — x\nDone: 1. Remaining: 2, ETA 3\n${i}`;
    parser.run((parser.prepare ? parser.prepare(text) : text) as string);
  }
}

function available(parser: ParserCase): boolean {
  return !parser.dom || typeof (globalThis as { DOMParser?: unknown }).DOMParser === 'function';
}

/** Every parser on every adversarial input (parsers that need a DOM only where there is one). */
export function parserTimes(budget = PARSER_BUDGET_MS): ParserTime[] {
  return PARSERS.filter(available).flatMap((p) => {
    warmUp(p);
    return ADVERSARIAL_INPUTS.map((input) => timeParser(p, input, budget));
  });
}

/** The slowest parser and input, for the benchmark's report. */
export function worstParserTime(): ParserTime {
  return parserTimes().reduce((worst, t) => (t.ms > worst.ms ? t : worst));
}
