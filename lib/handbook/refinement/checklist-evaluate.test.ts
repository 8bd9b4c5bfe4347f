import { describe, expect, it } from 'vitest';
import { HANDBOOK_BUG_CHECKLIST, HANDBOOK_ISSUE_CHECKLIST } from '../__fixtures__/handbook-checklists';
import {
  boxesToTick,
  decide,
  evaluateChecklist,
  resolveChecklist,
  type ChecklistFacts,
  type NoteFacts,
} from './checklist-evaluate';
import { parseChecklist, type RecognisedChecklist } from './checklist-parse';
import { renderChecklist } from './checklists';
import { mergeSettings } from '../settings';
import { IMPLEMENTATION_PLAN_TEMPLATE, fillReviewer } from '../templates/templates';

const FEATURE_DESCRIPTION = `### Problem to solve

Maintainers cannot see which merge requests touch protected paths.

### Proposal

Show a badge on merge requests that change files matched by CODEOWNERS sections marked as protected.

### Permissions and Security

Only Developer+ see the badge.`;

/** GitLab's default bug template, not filled in. */
const UNFILLED_BUG_TEMPLATE = `### Summary

<!-- Summarize the bug encountered concisely. -->

### Steps to reproduce

<!-- Describe how one can reproduce the issue - this is very important. Please use an ordered list. -->

### What is the current *bug* behavior?

<!-- Describe what actually happens. -->`;

const FILLED_PLAN = fillReviewer(IMPLEMENTATION_PLAN_TEMPLATE, 'bob').replace(
  '<!-- Provide a high-level description of the implementation idea -->',
  'Add a `protected_paths` column and compute it in the diff worker.',
);

function facts(overrides: Partial<ChecklistFacts> & { labels?: string[]; description?: string; type?: string; weight?: number | null } = {}): ChecklistFacts {
  const { labels, description, type, weight, ...rest } = overrides;
  return {
    issue: {
      title: 'Show protected-path badge on merge requests',
      labels: labels ?? ['workflow::refinement', 'type::feature', 'backend'],
      description: description ?? FEATURE_DESCRIPTION,
      type: type ?? 'issue',
      weight: weight ?? null,
    },
    capabilities: { weight: true },
    notes: [],
    blockers: 0,
    ...rest,
  };
}

function note(body: string, username = 'alice', createdAt = '2026-01-28T10:12:00Z', system = false): NoteFacts {
  return { body, author: { username }, createdAt, system };
}

function byId(kind: 'issue' | 'bug', f: ChecklistFacts) {
  return Object.fromEntries(evaluateChecklist(kind, f).map((e) => [e.id, { state: e.state, source: e.source }]));
}

describe('evaluateChecklist', () => {
  it('decides what the data can decide and leaves judgement items to a person', () => {
    const result = byId('issue', facts({ weight: 2, notes: [note(FILLED_PLAN)] }));
    expect(result).toEqual({
      'label-refinement': { state: 'done', source: 'label workflow::refinement' },
      'title-describes-change': { state: 'manual', source: "a person's judgement" },
      'description-requirements': { state: 'done', source: 'description has "Proposal"' },
      'permissions-defined': { state: 'manual', source: "a person's judgement" },
      'implementation-plan': { state: 'done', source: 'comment by @alice on 2026-01-28' },
      'small-enough': { state: 'manual', source: "a person's judgement" },
      weight: { state: 'done', source: 'weight 2 (issue weight)' },
      'no-blockers': { state: 'done', source: 'no open blockers' },
      'label-ready': { state: 'not-done', source: 'label workflow::refinement, before workflow::ready for development' },
    });
  });

  it('keeps the handbook order, sections and texts', () => {
    const list = evaluateChecklist('bug', facts());
    expect(list.map((e) => e.text)).toEqual(recognised(HANDBOOK_BUG_CHECKLIST).items.map((i) => i.text));
    expect(list[0]!.section).toBe('Bug verification');
  });
});

describe('workflow label items', () => {
  it('counts a later stage as at or after refinement', () => {
    expect(decide('workflow-refinement', facts({ labels: ['workflow::in dev'] }))).toEqual({
      state: 'done',
      source: 'label workflow::in dev',
    });
    expect(decide('workflow-ready', facts({ labels: ['workflow::in review'] })).state).toBe('done');
  });

  it('says what is wrong with the workflow label', () => {
    expect(decide('workflow-refinement', facts({ labels: ['workflow::design'] }))).toEqual({
      state: 'not-done',
      source: 'label workflow::design, before workflow::refinement',
    });
    expect(decide('workflow-refinement', facts({ labels: ['type::feature'] })).source).toBe('no workflow:: label');
    expect(decide('workflow-refinement', facts({ labels: ['workflow::needs issue review'] })).source).toBe(
      'label workflow::needs issue review is not one of the workflow stages',
    );
    expect(decide('workflow-refinement', facts({ labels: ['workflow::refinement', 'workflow::in dev'] }))).toEqual({
      state: 'not-done',
      source: '2 workflow labels: workflow::refinement, workflow::in dev',
    });
  });

  it("uses the team's scope and stage names", () => {
    const settings = mergeSettings({
      scopes: { workflow: 'flow' },
      workflow: { stages: ['todo', 'groom', 'ready', 'done'], refinement: 'groom', readyForDevelopment: 'ready', complete: 'done' },
    });
    expect(decide('workflow-refinement', facts({ labels: ['flow::ready'], settings }))).toEqual({
      state: 'done',
      source: 'label flow::ready',
    });
    expect(decide('workflow-ready', facts({ labels: ['workflow::ready for development'], settings })).state).toBe('not-done');
  });
});

describe('bug items', () => {
  it('accepts type::bug, a plain bug label, or the forge issue type', () => {
    expect(decide('type-bug', facts({ labels: ['type::bug'] })).source).toBe('label type::bug');
    expect(decide('type-bug', facts({ labels: ['bug'] })).source).toBe('label bug');
    expect(decide('type-bug', facts({ labels: [], type: 'bug' })).source).toBe('issue type Bug');
    expect(decide('type-bug', facts({ labels: ['type::feature'] }))).toEqual({ state: 'not-done', source: 'no type::bug label' });
  });

  it('needs exactly one severity label', () => {
    expect(decide('severity', facts({ labels: ['severity::2'] }))).toEqual({ state: 'done', source: 'label severity::2' });
    expect(decide('severity', facts({ labels: [] })).state).toBe('not-done');
    expect(decide('severity', facts({ labels: ['severity::2', 'severity::3'] })).source).toBe(
      '2 severity labels: severity::2, severity::3',
    );
  });

  it('finds steps to reproduce under a heading, a bold title or as a numbered list', () => {
    const heading = '### Steps to reproduce\n\n1. Open a merge request\n2. Add a protected file';
    expect(decide('steps-to-reproduce', facts({ description: heading }))).toEqual({
      state: 'done',
      source: 'description has "Steps to reproduce"',
    });
    const github = "**Describe the bug**\nThe badge is missing.\n\n**To Reproduce**\nSteps to reproduce the behavior:\n1. Go to '...'\n2. Click on '....'";
    expect(decide('steps-to-reproduce', facts({ description: github })).source).toBe('description has "To Reproduce"');
    const list = 'The badge disappears.\n\n1. Open !42\n2. Push a commit\n3. Reload';
    expect(decide('steps-to-reproduce', facts({ description: list })).source).toBe('numbered list in the description');
  });

  it("says the template's section is empty when only its hint is there", () => {
    expect(decide('steps-to-reproduce', facts({ description: UNFILLED_BUG_TEMPLATE }))).toEqual({
      state: 'not-done',
      source: '"Steps to reproduce" in the description is empty',
    });
  });

  it('leaves prose without steps to a person rather than failing it', () => {
    expect(decide('steps-to-reproduce', facts({ description: 'It crashes sometimes when I push.' })).state).toBe('manual');
    expect(decide('steps-to-reproduce', facts({ description: '  <!-- nothing -->  ' }))).toEqual({
      state: 'not-done',
      source: 'description is empty',
    });
  });
});

describe('description requirements', () => {
  it.each([
    ['## Acceptance criteria\n\n- Badge shows for protected paths', 'Acceptance criteria'],
    ['Requirements: the badge must show within 1s', 'Requirements'],
    ['**Expected behavior**\nThe badge shows.', 'Expected behavior'],
    ['### :bulb: 2. Proposal\nAdd a badge.', 'Proposal'],
  ])('finds %j', (description, label) => {
    expect(decide('description-requirements', facts({ description }))).toEqual({
      state: 'done',
      source: `description has "${label}"`,
    });
  });

  it('is not done for an empty description or an unfilled Proposal', () => {
    expect(decide('description-requirements', facts({ description: '' })).source).toBe('description is empty');
    expect(decide('description-requirements', facts({ description: '### Proposal\n\n<!-- Use this section to explain the proposed changes -->\n\n### Links' })).state).toBe('not-done');
  });

  it('leaves a description without such a section to a person', () => {
    expect(decide('description-requirements', facts({ description: 'We should show a badge, see thread.' })).state).toBe('manual');
  });

  it('does not take a sentence for a section', () => {
    expect(decide('description-requirements', facts({ description: 'Proposal is still being discussed in Slack.' })).state).toBe(
      'manual',
    );
  });
});

describe('implementation plan', () => {
  it('names the newest filled plan comment', () => {
    const notes = [note(FILLED_PLAN, 'alice', '2026-01-20T08:00:00Z'), note(FILLED_PLAN, 'carol', '2026-01-28T09:00:00Z')];
    expect(decide('implementation-plan', facts({ notes })).source).toBe('comment by @carol on 2026-01-28');
  });

  it('does not count the checklist, whose section is called "Implementation plan"', () => {
    expect(decide('implementation-plan', facts({ notes: [note(HANDBOOK_ISSUE_CHECKLIST)] }))).toEqual({
      state: 'not-done',
      source: 'no comment with an implementation plan',
    });
  });

  it('does not count the template posted unfilled, or a system note', () => {
    const unfilled = fillReviewer(IMPLEMENTATION_PLAN_TEMPLATE, 'bob').replace('- [ ] Requires ~backend', '- [x] Requires ~backend');
    expect(decide('implementation-plan', facts({ notes: [note(unfilled, 'dan', '2026-02-01T00:00:00Z')] }))).toEqual({
      state: 'not-done',
      source: 'comment by @dan on 2026-02-01 holds only the empty plan template',
    });
    expect(decide('implementation-plan', facts({ notes: [note(FILLED_PLAN, 'x', '2026-02-01T00:00:00Z', true)] })).state).toBe('not-done');
  });

  it('accepts close variants of the heading and a plan in the description', () => {
    expect(decide('implementation-plan', facts({ notes: [note('## Implementation plan\n\n1. Add the column\n2. Backfill')] })).state).toBe('done');
    expect(decide('implementation-plan', facts({ notes: [note('**Technical plan:**\nUse the diff worker.')] })).state).toBe('done');
    expect(decide('implementation-plan', facts({ description: `${FEATURE_DESCRIPTION}\n\n### Implementation plan\n\nAdd a column.` })).source).toBe(
      'issue description',
    );
  });
});

describe('weight', () => {
  it('reads the native weight, the weight label, or both split labels', () => {
    expect(decide('weight', facts({ weight: 3 })).source).toBe('weight 3 (issue weight)');
    expect(decide('weight', { ...facts({ labels: ['Weight::2'] }), capabilities: { weight: false } }).source).toBe(
      'weight 2 (label Weight::2)',
    );
    expect(decide('weight', facts({ labels: ['backend-weight::2', 'frontend-weight::1'] }))).toEqual({
      state: 'done',
      source: 'split weights backend-weight::2 and frontend-weight::1',
    });
  });

  it('is not done without a weight, with half a split, or with conflicting labels', () => {
    expect(decide('weight', facts({ labels: [] }))).toEqual({ state: 'not-done', source: 'no weight' });
    expect(decide('weight', facts({ labels: ['backend-weight::2'] })).source).toMatch(/^only backend-weight::2/);
    expect(decide('weight', facts({ labels: ['weight::2', 'weight::3'] })).source).toBe('2 weight labels: weight::2, weight::3');
    expect(decide('weight', facts({ labels: ['weight::big'] })).source).toBe('weight::big is not a weight');
  });

  it('ignores the native field where the tier has none', () => {
    expect(decide('weight', { ...facts({ weight: 3, labels: [] }), capabilities: { weight: false } }).state).toBe('not-done');
  });
});

describe('blockers', () => {
  it('counts open blockers and admits when they are unknown', () => {
    expect(decide('no-blockers', facts({ blockers: 2 }))).toEqual({ state: 'not-done', source: '2 open blockers' });
    expect(decide('no-blockers', facts({ blockers: 1 })).source).toBe('1 open blocker');
    expect(decide('no-blockers', facts({ blockers: null })).state).toBe('manual');
  });
});

function recognised(body: string): RecognisedChecklist {
  const p = parseChecklist(body);
  if (p.status !== 'recognised') throw new Error(JSON.stringify(p));
  return p;
}

describe('resolveChecklist', () => {
  const evaluations = evaluateChecklist('issue', facts({ weight: 2, blockers: 1 }));

  it('lets the data decide decided items and the box decide judgement items', () => {
    const comment = recognised(renderChecklist('issue', ['title-describes-change', 'no-blockers']));
    const resolved = Object.fromEntries(resolveChecklist(evaluations, comment).map((r) => [r.id, r]));
    expect(resolved['title-describes-change']).toMatchObject({ done: true, decidedBy: 'person', mark: 'checked' });
    expect(resolved['permissions-defined']).toMatchObject({ done: false, decidedBy: 'person' });
    expect(resolved.weight).toMatchObject({ done: true, decidedBy: 'data', mark: 'unchecked' });
    // Ticked by someone, but there is an open blocker: the data wins.
    expect(resolved['no-blockers']).toMatchObject({ done: false, decidedBy: 'data', source: '1 open blocker' });
  });

  it('counts an inapplicable box as done, and items a person added by their box', () => {
    const body = renderChecklist('issue')
      .replace('- [ ] There are no blockers', '- [~] There are no blockers')
      .replace('- [ ] This issue has a weight', '- [ ] This issue has a weight\n- [x] Docs team informed');
    const resolved = resolveChecklist(evaluations, recognised(body));
    expect(resolved.find((r) => r.id === 'no-blockers')).toMatchObject({ done: true, decidedBy: 'person' });
    expect(resolved.find((r) => r.text === 'Docs team informed')).toMatchObject({ id: null, done: true, state: 'manual' });
  });

  it('uses the handbook items with empty boxes when there is no comment yet', () => {
    const resolved = resolveChecklist(evaluations, null);
    expect(resolved).toHaveLength(9);
    expect(resolved.filter((r) => r.done).map((r) => r.id)).toEqual(['label-refinement', 'description-requirements', 'weight']);
    expect(resolved.every((r) => r.mark === null)).toBe(true);
  });
});

describe('boxesToTick', () => {
  it('offers to tick what the data says is done, never to untick', () => {
    const evaluations = evaluateChecklist('issue', facts({ weight: 2, blockers: 1 }));
    const comment = recognised(renderChecklist('issue', ['no-blockers']));
    expect(boxesToTick(comment, evaluations)).toEqual([
      'Issue label is ~"workflow::refinement"',
      'Issue description defines requirements and expectations',
      'This issue has a weight',
    ]);
  });
});
