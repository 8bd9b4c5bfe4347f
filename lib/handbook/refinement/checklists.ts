// The handbook's refinement checklists (Source Code BE "Issue Refinement Checklist", "Bug Refinement Checklist") as
// data, and the comment they are posted as. Pure. Parsing, merging and evaluation live in checklist-*.ts.
import { DEFAULT_SETTINGS, stageLabel, type Settings } from '../settings';

export type ChecklistKind = 'issue' | 'bug';

/** Items the issue's own data can decide (see checklist-evaluate.ts); the others are a person's judgement. */
export const AUTO_CHECKS = [
  'workflow-refinement',
  'type-bug',
  'severity',
  'description-requirements',
  'steps-to-reproduce',
  'implementation-plan',
  'weight',
  'no-blockers',
  'workflow-ready',
] as const;
export type AutoCheck = (typeof AUTO_CHECKS)[number];

export interface ChecklistItem {
  /** Stable across label renames and text edits; the same id means the same handbook item in both checklists. */
  id: string;
  /** The handbook's text, with the team's label names. */
  text: string;
  auto?: AutoCheck;
}

export interface ChecklistSection {
  title: string;
  /** The handbook leaves a blank line under this heading ("## Implementation plan" in the issue checklist). */
  gap?: boolean;
  items: ChecklistItem[];
}

export interface ChecklistDefinition {
  kind: ChecklistKind;
  title: string;
  sections: ChecklistSection[];
}

export const CHECKLIST_TITLES: Readonly<Record<ChecklistKind, string>> = Object.freeze({
  issue: 'Issue Refinement Checklist',
  bug: 'Bug Refinement Checklist',
});

/** Hidden in rendered Markdown on GitLab and GitHub; tells Refinery which comment it posted. */
export const CHECKLIST_MARKER = '<!-- refinery:checklist v1 -->';

function labelRef(label: string): string {
  return `~"${label}"`;
}

/** The checklist with the team's label names; with the default settings this is the handbook's text verbatim. */
export function checklistDefinition(
  kind: ChecklistKind,
  settings: Readonly<Settings> = DEFAULT_SETTINGS,
): ChecklistDefinition {
  const refinement = labelRef(stageLabel(settings.workflow.refinement, settings));
  const ready = labelRef(stageLabel(settings.workflow.readyForDevelopment, settings));
  const bug = labelRef(`${settings.scopes.type}::${settings.types.bug[0] ?? 'bug'}`);
  const labelRefinement: ChecklistItem = { id: 'label-refinement', text: `Issue label is ${refinement}`, auto: 'workflow-refinement' };
  const plan: ChecklistItem = {
    id: 'implementation-plan',
    text: 'A comment with an implementation plan is created',
    auto: 'implementation-plan',
  };
  const finalSteps: ChecklistSection = {
    title: 'Final steps',
    items: [
      { id: 'weight', text: 'This issue has a weight', auto: 'weight' },
      { id: 'no-blockers', text: 'There are no blockers', auto: 'no-blockers' },
      { id: 'label-ready', text: `Issue has ${ready} label`, auto: 'workflow-ready' },
    ],
  };
  if (kind === 'issue') {
    return {
      kind,
      title: CHECKLIST_TITLES.issue,
      sections: [
        {
          title: 'Problem verification',
          items: [
            labelRefinement,
            { id: 'title-describes-change', text: 'Issue title clearly describes the feature or change' },
            {
              id: 'description-requirements',
              text: 'Issue description defines requirements and expectations',
              auto: 'description-requirements',
            },
            { id: 'permissions-defined', text: 'Required permissions and access levels defined' },
          ],
        },
        {
          title: 'Implementation plan',
          gap: true,
          items: [plan, { id: 'small-enough', text: "Issue is small and doesn't need to be broken down" }],
        },
        finalSteps,
      ],
    };
  }
  return {
    kind,
    title: CHECKLIST_TITLES.bug,
    sections: [
      {
        title: 'Bug verification',
        items: [
          labelRefinement,
          { id: 'label-type-bug', text: `Issue label is ${bug}`, auto: 'type-bug' },
          { id: 'title-describes-bug', text: 'Issue title clearly describes the bug' },
          { id: 'steps-to-reproduce', text: 'Steps to reproduce are documented', auto: 'steps-to-reproduce' },
          { id: 'still-reproducible', text: 'Issue is still reproducible' },
          { id: 'severity', text: 'Severity labels are defined', auto: 'severity' },
          { id: 'logs-attached', text: 'Related logs or error messages are attached' },
        ],
      },
      {
        title: 'Technical analysis',
        items: [
          { id: 'root-cause', text: 'Root cause has been identified or hypothesized' },
          { id: 'affected-components', text: 'Affected components/services are identified' },
          { id: 'side-effects', text: 'Potential side effects of the fix are considered' },
        ],
      },
      {
        title: 'Implementation plan',
        items: [
          plan,
          { id: 'fix-contained', text: "Fix scope is contained and doesn't require larger refactoring" },
          { id: 'test-cases', text: 'Test cases to verify the fix are defined' },
        ],
      },
      finalSteps,
    ],
  };
}

/** Every item of a checklist, in the handbook's order. */
export function checklistItems(definition: ChecklistDefinition): ChecklistItem[] {
  return definition.sections.flatMap((s) => s.items);
}

/**
 * An item's text in a comparable form, so hand-written variants match: label references with or without `~"…"`,
 * backticks, bold, curly apostrophes, spaces around `::`, runs of spaces, a trailing full stop and case are ignored.
 */
export function itemKey(text: string): string {
  return unquoted(unquoted(text, /~["“]([^"”]*)["”]/g), /["“]([^"”]*)["”]/g)
    .replace(/~(?=\S)/g, '')
    .replace(/[`*]/g, '')
    .replace(/[‘’]/g, "'")
    // A match starts where a whitespace run starts, or at the `::` itself: the same result as `\s*::\s*`, in linear time
    // (that pattern tried every position of a long run of spaces).
    .replace(/(?:(?<!\s)\s+)?::\s*/g, '::')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![.;:!])[.;:!]+$/, '')
    .toLowerCase();
}

/**
 * `text.replace(quoted, '$1')`, where `quoted` ends with a closing `"` or `”`. Only the text up to the last closing
 * quote is searched: an opening quote after it cannot match, and the pattern would rescan to the end from each one.
 */
function unquoted(text: string, quoted: RegExp): string {
  const last = Math.max(text.lastIndexOf('"'), text.lastIndexOf('”'));
  return last < 0 ? text : text.slice(0, last + 1).replace(quoted, '$1') + text.slice(last + 1);
}

export interface RenderOptions {
  /** Append the hidden marker (default true): "Start refinement" posts it so Refinery finds its own comment first. */
  marker?: boolean;
  settings?: Readonly<Settings>;
}

/**
 * The checklist comment: the handbook's Markdown exactly (`# Issue Refinement Checklist`, `## Problem verification`,
 * `- [ ] Issue label is ~"workflow::refinement"` …), with the items whose ids are in `ticks` checked.
 */
export function renderChecklist(kind: ChecklistKind, ticks: Iterable<string> = [], options: RenderOptions = {}): string {
  const checked = new Set(ticks);
  const definition = checklistDefinition(kind, options.settings);
  const lines = [`# ${definition.title}`];
  for (const section of definition.sections) {
    lines.push('', `## ${section.title}`);
    if (section.gap) lines.push('');
    for (const item of section.items) lines.push(`- [${checked.has(item.id) ? 'x' : ' '}] ${item.text}`);
  }
  if (options.marker ?? true) lines.push('', CHECKLIST_MARKER);
  return lines.join('\n');
}
