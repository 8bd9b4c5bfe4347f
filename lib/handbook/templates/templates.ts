// The handbook's texts a team posts again and again, as editable templates: the implementation plan (Source Code BE),
// the async issue update and the epic weekly update (Package stage), the tracking issue (Sourcegraph "Planned work"),
// the support request (Sourcegraph Repo Management) and the "can't weight it yet" comments. Pure.
import * as z from '@/lib/zod';
import { normalizeLabel } from '../refinement/classify';
import { clarificationComment, spikeComment } from '../comments';
import { cleanTitle, findParts, headingTitle, splitText, stripComments } from '../markdown';
import { DEFAULT_STATUS_TEMPLATE, renderTemplate } from '../status/status-template';

export interface Template {
  id: string;
  title: string;
  /** Markdown, inserted into the comment or description editor as it is. */
  body: string;
  /** One of Refinery's defaults (possibly edited by the team); false for the team's own. */
  builtIn: boolean;
}

/** The reviewer mention in the handbook's plan template. */
export const REVIEWER_PLACEHOLDER = '@engineer_username';

/** Source Code BE "Implementation plan", verbatim. */
export const IMPLEMENTATION_PLAN_TEMPLATE = `### Implementation Plan

**1. Approach**

<!-- Provide a high-level description of the implementation idea -->

**2. Dependencies**

- [ ] Requires ~backend
- [ ] Requires ~frontend
- [ ] Requires ~database
- [ ] Requires ~documentation
- [ ] Requires ~UX work
- [ ] External service dependencies identified
- [ ] Requires ~API changes

**3. Implementation Steps**

<!-- Provide step by step description of what needs to be done -->

- Task 1
- Task 2
- Task 3

**4. Edge Cases**

<!-- Does the implementation cover all scenarios (success, failure) -->

- Success scenarios:
  - Case 1
  - Case 2

- Error scenarios:
  - Case 1
  - Case 2

- Edge conditions:
  - Case 1
  - Case 2


@engineer_username please review this implementation plan.
<!--
Pick a peer engineer following this criteria:
1. is a subject matter expert.
2. might have some familiarity with the topic. or
3. ask on slack who'd be available to review this plan before the due date of the issue
-->`;

/**
 * Package stage "Async Issue Updates", in the layout the status update form writes (status-template.ts), so an update
 * typed from this template is read back by the history. X and Y are not numbers, so an unfilled one is not.
 */
export const ASYNC_UPDATE_TEMPLATE = renderTemplate(DEFAULT_STATUS_TEMPLATE.withChanges, {
  complete: 'X',
  confidence: 'Y',
  notes: 'what was done, and whether review has started',
  concern: '~backend / ~frontend',
  mr: 'MR',
  changes: renderTemplate(DEFAULT_STATUS_TEMPLATE.change, {
    reference: '!MR_ID',
    complete: 'X',
    confidence: 'Y',
    title: 'what the MR does',
    note: 'next step',
  }),
});

/**
 * Package stage "Epic weekly updates" in the layout the epic update form writes (epic-update.ts). The status stays in
 * brackets until chosen, so an unfilled update is not read as "ok".
 */
export const EPIC_UPDATE_TEMPLATE = `**Status**: (ok, so-so or bad) — is something blocked in the general effort?

- Done: X of N issues. Remaining: what is left, ETA when
- Confidence: Y%
- Next: what is next
- Help needed: @username, what needs help or support (tag people so they know ahead of time)`;

/** Sourcegraph Dev Infra "Planned work": what a tracking issue's description holds. */
export const TRACKING_ISSUE_TEMPLATE = `## Problem

<!-- Articulate the problem space and requirements. -->

## Scope

<!-- Scope the work so that it can be completed in a single cycle. -->

### Boundaries

In scope:

- 

Out of scope (non-goals):

- 

### Definition of done

<!-- The desired end state that needs to be achieved for this work to be considered "done". -->

- [ ] Rollout strategy
- [ ] Non-functional requirements: testing, monitoring and documentation
- [ ] Retrospective: were the goals achieved, is follow-up work needed?

## Implementation plan

<!-- The issues tracked here, with estimates, a rough order of operations and what can be parallelized. -->
<!-- Dependencies on other work are identified and tracked. -->

- [ ] `;

/** Sourcegraph Repo Management "Support Request Guidelines": what a support request issue includes. */
export const SUPPORT_REQUEST_TEMPLATE = `## The ask

<!-- A short description of the ask. -->

## Background

<!-- A more detailed explanation of the background, the context and the challenge that needs solving. -->

## Impact

<!-- Any guidance related to the impact this is having. -->

## Anything else

<!-- Any extra information that could help us solve or prioritize this. -->`;

/** Mentions the templates use as placeholders; the UI should ask for real names before posting. */
export const PLACEHOLDER_MENTIONS = Object.freeze([REVIEWER_PLACEHOLDER, '@em_username', '@pm_username']);

export const NEEDS_CLARIFICATION_TEMPLATE = clarificationComment({
  details: 'What is unclear, and what would settle it.',
  mentions: ['em_username', 'pm_username'],
});

export const NEEDS_SPIKE_TEMPLATE = spikeComment({
  details: 'What the spike would investigate.',
  mentions: ['em_username'],
});

export const DEFAULT_TEMPLATES: readonly Readonly<Template>[] = Object.freeze(
  [
    { id: 'implementation-plan', title: 'Implementation plan', body: IMPLEMENTATION_PLAN_TEMPLATE },
    { id: 'async-update', title: 'Async status update', body: ASYNC_UPDATE_TEMPLATE },
    { id: 'epic-weekly-update', title: 'Epic weekly update', body: EPIC_UPDATE_TEMPLATE },
    { id: 'tracking-issue', title: 'Tracking issue', body: TRACKING_ISSUE_TEMPLATE },
    { id: 'support-request', title: 'Support request', body: SUPPORT_REQUEST_TEMPLATE },
    { id: 'needs-clarification', title: 'Needs clarification', body: NEEDS_CLARIFICATION_TEMPLATE },
    { id: 'needs-spike', title: 'Needs a spike', body: NEEDS_SPIKE_TEMPLATE },
  ].map((t) => Object.freeze({ ...t, builtIn: true })),
);

const USERNAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function placeholderPattern(placeholder: string): RegExp {
  return new RegExp(`${placeholder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-]*[\\w-])`, 'g');
}

/**
 * The template with a placeholder mention replaced by a real one. A username that is empty or not a username leaves
 * the text as it is, rather than mentioning someone else.
 */
export function fillMention(template: string, placeholder: string, username: string): string {
  const name = username.trim().replace(/^@+/, '');
  if (!USERNAME.test(name)) return template;
  return template.replace(placeholderPattern(placeholder), `@${name}`);
}

/** The plan template with the reviewer's username instead of `@engineer_username`. */
export function fillReviewer(template: string, username: string): string {
  return fillMention(template, REVIEWER_PLACEHOLDER, username);
}

/** Placeholder mentions still in a text, so nobody posts "@engineer_username please review". */
export function unfilledPlaceholders(body: string): string[] {
  return PLACEHOLDER_MENTIONS.filter((p) => placeholderPattern(p).test(body));
}

const TICKED = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[xX]\][ \t]+(.*)$/;
const LABEL_REF = /~"([^"]+)"|~([^\s"~]+)/g;

/**
 * The labels a plan's ticked "Dependencies" boxes ask for (~backend, ~frontend, ~database, ~documentation, ~UX, ~API
 * in the handbook's template), in order, without those the issue already has. Boxes outside the Dependencies part
 * count only when the plan has no such part.
 */
export function dependencyLabels(planBody: string, issueLabels: readonly string[] = []): string[] {
  const parts = findParts(planBody, /^dependencies\b/i);
  const lines = parts.length > 0 ? parts.flatMap((p) => p.lines) : splitText(stripComments(planBody));
  const have = new Set(issueLabels.map(normalizeLabel));
  const out: string[] = [];
  for (const line of lines) {
    const task = TICKED.exec(line);
    if (!task) continue;
    for (const m of task[1]!.matchAll(LABEL_REF)) {
      const label = (m[1] ?? m[2]!.replace(/(?<![.,;:!?)])[.,;:!?)]+$/, '')).trim();
      if (label === '' || have.has(normalizeLabel(label))) continue;
      have.add(normalizeLabel(label));
      out.push(label);
    }
  }
  return out;
}

function planLine(line: string): string {
  return line
    .trim()
    .replace(/@[A-Za-z0-9_][A-Za-z0-9_.-]*/g, '@')
    .replace(/\[[xX~]\]/, '[ ]');
}

const TEMPLATE_LINES = new Set(splitText(stripComments(IMPLEMENTATION_PLAN_TEMPLATE)).map(planLine));

/** True for a plan comment that is the template as inserted, with only boxes ticked or the reviewer filled in. */
export function isUnfilledPlan(body: string): boolean {
  let lines = 0;
  for (const raw of splitText(stripComments(body))) {
    if (raw.trim() === '') continue;
    if (!TEMPLATE_LINES.has(planLine(raw))) return false; // a line of the author's own: filled in
    lines++;
  }
  return lines > 0;
}

/** True when the text has the plan template's heading, so "Insert implementation plan" can say it is already there. */
export function hasPlanHeading(body: string): boolean {
  // The heading names a "plan" (cleanTitle drops emphasis marks, which may stand between its letters): a text without
  // the word has none, and most comments are such texts.
  if (!/p[*_`]*l[*_`]*a[*_`]*n/i.test(body)) return false;
  return splitText(stripComments(body)).some((line) => {
    const title = headingTitle(line);
    return title !== null && /^(?:implementation|technical)\s+plan\b/i.test(cleanTitle(title));
  });
}

// ---- The team's templates (options page), stored and exported as JSON ----

const MAX_BODY = 65_536; // GitHub's comment limit; GitLab allows more.

export const userTemplateSchema = z.deferred(() =>
  z.object({
    id: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'the id is empty'),
        z.maxLength(64, 'the id is longer than 64 characters'),
        z.regex(/^[a-z0-9][a-z0-9._-]*$/i, 'the id may only hold letters, digits, ".", "_" and "-"'),
      ),
    title: z.string().check(z.trim(), z.minLength(1, 'the title is empty'), z.maxLength(100, 'the title is longer than 100 characters')),
    body: z
      .string()
      .check(
        z.maxLength(MAX_BODY, `the text is longer than ${MAX_BODY} characters`),
        z.refine((s: string) => s.trim() !== '', 'the text is empty'),
      ),
  }),
);
export type UserTemplate = z.infer<typeof userTemplateSchema>;

export const userTemplatesSchema = z.deferred(() =>
  z.array(userTemplateSchema).check(
    z.maxLength(100, 'more than 100 templates'),
    z.superRefine((list: UserTemplate[], ctx) => {
      const seen = new Map<string, number>();
      list.forEach((t, i) => {
        const key = t.id.toLowerCase();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `the id "${t.id}" is already used by template ${first + 1}`,
          });
      });
    }),
  ),
);

export const TEMPLATES_FORMAT = 'refinery-templates';
export const TEMPLATES_VERSION = 1;

/** The team's templates as a JSON file: a tagged object, so a wrong file is recognised on import. */
export function exportTemplates(list: readonly Pick<Template, 'id' | 'title' | 'body'>[]): string {
  const templates = list.map(({ id, title, body }) => ({ id, title, body }));
  return JSON.stringify({ format: TEMPLATES_FORMAT, version: TEMPLATES_VERSION, templates }, null, 2);
}

export type TemplateImport = { ok: true; templates: UserTemplate[] } | { ok: false; errors: string[] };

function describe(path: readonly PropertyKey[], raw: unknown): string {
  const [index, field] = path;
  if (typeof index !== 'number') return 'The template list';
  const item = Array.isArray(raw) ? (raw[index] as { title?: unknown } | undefined) : undefined;
  const name = typeof item?.title === 'string' && item.title.trim() !== '' ? ` ("${item.title.trim()}")` : '';
  return `Template ${index + 1}${name}${field === undefined ? '' : `, ${String(field)}`}`;
}

/** A templates file read back: the list, or sentences saying what is wrong (bad JSON, wrong shape, duplicate ids). */
export function importTemplates(json: string): TemplateImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`] };
  }
  let list: unknown = data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const file = data as { format?: unknown; version?: unknown; templates?: unknown };
    if (file.format !== TEMPLATES_FORMAT) return { ok: false, errors: ['The file is not a Refinery templates file.'] };
    if (typeof file.version !== 'number' || file.version > TEMPLATES_VERSION)
      return { ok: false, errors: ['The file was made by a newer version of Refinery.'] };
    list = file.templates;
  }
  if (!Array.isArray(list)) return { ok: false, errors: ['The file holds no list of templates.'] };
  const parsed = userTemplatesSchema.safeParse(list);
  if (parsed.success) return { ok: true, templates: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const wrongType = issue.code === 'invalid_type' ? 'is missing or not text' : issue.message;
    return `${describe(issue.path, list)}: ${wrongType}.`;
  });
  return { ok: false, errors: [...new Set(errors)] };
}

/**
 * The template menu: the defaults in their order, each replaced by the team's edit when there is one (still built in),
 * then the team's own templates in their order.
 */
export function mergeTemplates(
  defaults: readonly Readonly<Template>[],
  userTemplates: readonly Pick<Template, 'id' | 'title' | 'body'>[],
): Template[] {
  const user = new Map<string, Pick<Template, 'id' | 'title' | 'body'>>();
  for (const t of userTemplates) if (!user.has(t.id.toLowerCase())) user.set(t.id.toLowerCase(), t);
  const builtInIds = new Set(defaults.map((d) => d.id.toLowerCase()));
  const merged: Template[] = defaults.map((d) => {
    const edit = user.get(d.id.toLowerCase());
    return edit ? { id: d.id, title: edit.title, body: edit.body, builtIn: true } : { ...d, builtIn: true };
  });
  for (const [key, t] of user) {
    if (!builtInIds.has(key)) merged.push({ id: t.id, title: t.title, body: t.body, builtIn: false });
  }
  return merged;
}
