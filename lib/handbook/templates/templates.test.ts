import { describe, expect, it } from 'vitest';
import { clarificationComment } from '../comments';
import { parseEpicUpdate } from '../status/epic-update';
import { parseUpdate } from '../status/status-parse';
import {
  DEFAULT_TEMPLATES,
  IMPLEMENTATION_PLAN_TEMPLATE,
  REVIEWER_PLACEHOLDER,
  TEMPLATES_FORMAT,
  dependencyLabels,
  exportTemplates,
  fillReviewer,
  hasPlanHeading,
  importTemplates,
  isUnfilledPlan,
  mergeTemplates,
  unfilledPlaceholders,
} from './templates';

function tick(plan: string, ...items: string[]): string {
  return items.reduce((body, item) => body.replace(`- [ ] ${item}`, `- [x] ${item}`), plan);
}

describe('IMPLEMENTATION_PLAN_TEMPLATE', () => {
  it("is the handbook's template: heading, four parts, dependency boxes, reviewer mention and hint", () => {
    const t = IMPLEMENTATION_PLAN_TEMPLATE;
    expect(t.startsWith('### Implementation Plan\n\n**1. Approach**\n\n<!-- Provide a high-level description')).toBe(true);
    expect(t).toContain(
      [
        '**2. Dependencies**',
        '',
        '- [ ] Requires ~backend',
        '- [ ] Requires ~frontend',
        '- [ ] Requires ~database',
        '- [ ] Requires ~documentation',
        '- [ ] Requires ~UX work',
        '- [ ] External service dependencies identified',
        '- [ ] Requires ~API changes',
      ].join('\n'),
    );
    expect(t).toContain('**3. Implementation Steps**');
    expect(t).toContain('**4. Edge Cases**');
    expect(t).toContain('\n\n\n@engineer_username please review this implementation plan.\n<!--\nPick a peer engineer');
    expect(t.endsWith("3. ask on slack who'd be available to review this plan before the due date of the issue\n-->")).toBe(true);
  });
});

describe('fillReviewer', () => {
  it('replaces the placeholder mention with the reviewer', () => {
    const body = fillReviewer(IMPLEMENTATION_PLAN_TEMPLATE, 'bob.smith');
    expect(body).toContain('@bob.smith please review this implementation plan.');
    expect(body).not.toContain(REVIEWER_PLACEHOLDER);
  });

  it('accepts a leading @ and spaces', () => {
    expect(fillReviewer('@engineer_username please review', ' @carol ')).toBe('@carol please review');
  });

  it('leaves the text alone for an empty or impossible username', () => {
    expect(fillReviewer('@engineer_username please review', '')).toBe('@engineer_username please review');
    expect(fillReviewer('@engineer_username please review', 'not a user')).toBe('@engineer_username please review');
  });

  it('does not touch a longer name that starts like the placeholder', () => {
    expect(fillReviewer('@engineer_username2 and @engineer_username.', 'dan')).toBe('@engineer_username2 and @dan.');
  });
});

describe('unfilledPlaceholders', () => {
  it('lists the placeholder mentions still in a text', () => {
    expect(unfilledPlaceholders(IMPLEMENTATION_PLAN_TEMPLATE)).toEqual(['@engineer_username']);
    expect(unfilledPlaceholders(fillReviewer(IMPLEMENTATION_PLAN_TEMPLATE, 'bob'))).toEqual([]);
    const clarify = DEFAULT_TEMPLATES.find((t) => t.id === 'needs-clarification')!.body;
    expect(unfilledPlaceholders(clarify)).toEqual(['@em_username', '@pm_username']);
  });
});

describe('dependencyLabels', () => {
  it('gives the labels of the ticked Dependencies boxes, as GitLab names them', () => {
    const plan = tick(IMPLEMENTATION_PLAN_TEMPLATE, 'Requires ~backend', 'Requires ~UX work', 'Requires ~API changes');
    expect(dependencyLabels(plan)).toEqual(['backend', 'UX', 'API']);
  });

  it('gives all six when every box is ticked, and none for the external services box', () => {
    const plan = IMPLEMENTATION_PLAN_TEMPLATE.replace(/- \[ \]/g, '- [x]');
    expect(dependencyLabels(plan)).toEqual(['backend', 'frontend', 'database', 'documentation', 'UX', 'API']);
    expect(dependencyLabels(tick(IMPLEMENTATION_PLAN_TEMPLATE, 'External service dependencies identified'))).toEqual([]);
  });

  it('skips labels the issue already has (any case)', () => {
    const plan = tick(IMPLEMENTATION_PLAN_TEMPLATE, 'Requires ~backend', 'Requires ~database');
    expect(dependencyLabels(plan, ['Backend', 'workflow::refinement'])).toEqual(['database']);
  });

  it('reads quoted label references and [X] from a hand-edited plan', () => {
    const plan = '### Implementation Plan\n\n**2. Dependencies**\n\n* [X] Requires ~"group::source code"\n- [ ] Requires ~frontend\n\n**3. Implementation Steps**\n\n- [x] Talk to ~database folks';
    expect(dependencyLabels(plan)).toEqual(['group::source code']);
  });

  it('reads boxes anywhere when the plan has no Dependencies part', () => {
    expect(dependencyLabels('Plan:\n- [x] Requires ~frontend.\n- [ ] Requires ~backend')).toEqual(['frontend']);
  });

  it('gives nothing for an unticked template', () => {
    expect(dependencyLabels(IMPLEMENTATION_PLAN_TEMPLATE)).toEqual([]);
  });
});

describe('isUnfilledPlan / hasPlanHeading', () => {
  it('recognises the template as inserted, with only boxes ticked and the reviewer filled', () => {
    expect(isUnfilledPlan(IMPLEMENTATION_PLAN_TEMPLATE)).toBe(true);
    expect(isUnfilledPlan(tick(fillReviewer(IMPLEMENTATION_PLAN_TEMPLATE, 'bob'), 'Requires ~backend'))).toBe(true);
  });

  it('takes any written line as a filled plan', () => {
    const filled = IMPLEMENTATION_PLAN_TEMPLATE.replace('- Task 1', '- Add the `protected_paths` column');
    expect(isUnfilledPlan(filled)).toBe(false);
    expect(isUnfilledPlan('')).toBe(false);
  });

  it('finds the plan heading and its variants', () => {
    expect(hasPlanHeading(IMPLEMENTATION_PLAN_TEMPLATE)).toBe(true);
    expect(hasPlanHeading('## implementation plan:\n...')).toBe(true);
    expect(hasPlanHeading('We need an implementation plan first.')).toBe(false);
  });
});

describe('DEFAULT_TEMPLATES', () => {
  it('offers the handbook texts, all built in, with unique ids', () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.id)).toEqual([
      'implementation-plan',
      'async-update',
      'epic-weekly-update',
      'tracking-issue',
      'support-request',
      'needs-clarification',
      'needs-spike',
    ]);
    expect(DEFAULT_TEMPLATES.every((t) => t.builtIn && t.title !== '' && t.body.trim() !== '')).toBe(true);
  });

  const body = (id: string) => DEFAULT_TEMPLATES.find((t) => t.id === id)!.body;

  it('async update: the handbook format, read back by the status history once filled in', () => {
    const t = body('async-update');
    expect(t).toBe(
      'Issue status: X% complete, Y% confident\nNotes: what was done, and whether review has started\n' +
        'Concern: ~backend / ~frontend\n\nMR statuses:\n!MR_ID - X% complete, Y% confident - what the MR does - next step',
    );
    const meta = { createdAt: '2026-01-28T10:00:00Z', author: 'alice' };
    expect(parseUpdate(t, meta)).toBeNull();
    const filled = t.replace('X% complete, Y% confident\nNotes', '80% complete, 90% confident\nNotes');
    expect(parseUpdate(filled, meta)).toMatchObject({ complete: 80, confidence: 90 });
  });

  it('epic weekly update: status, progress and ETA, confidence, next, help; read back once a status is chosen', () => {
    const t = body('epic-weekly-update');
    for (const part of ['**Status**:', 'ETA', 'Confidence: Y%', 'Next:', 'Help needed:']) expect(t).toContain(part);
    const meta = { createdAt: '2026-01-28T10:00:00Z', author: 'alice' };
    expect(parseEpicUpdate(t, meta)).toBeNull();
    const filled = t.replace('(ok, so-so or bad)', 'so-so').replace('Confidence: Y%', 'Confidence: 70%');
    expect(parseEpicUpdate(filled, meta)).toMatchObject({ status: 'so-so', confidence: 70 });
  });

  it('tracking issue: problem, scope with boundaries and definition of done', () => {
    const t = body('tracking-issue');
    const order = ['## Problem', '## Scope', '### Boundaries', 'Out of scope (non-goals):', '### Definition of done', '- [ ] Rollout strategy'];
    const at = order.map((h) => t.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('support request: the ask, background, impact, anything else', () => {
    expect(body('support-request')).toMatch(/## The ask[\s\S]*## Background[\s\S]*## Impact[\s\S]*## Anything else/);
  });

  it("reuses the can't-weight comments, pinging the EM and PM", () => {
    expect(body('needs-clarification')).toBe(
      clarificationComment({ details: 'What is unclear, and what would settle it.', mentions: ['em_username', 'pm_username'] }),
    );
    expect(body('needs-spike')).toMatch(/^@em_username this issue needs a spike[\s\S]*weight of 2/);
  });
});

describe('export / import', () => {
  const mine = [
    { id: 'implementation-plan', title: 'Plan (ours)', body: '### Implementation Plan\n\nOur version' },
    { id: 'release-note', title: 'Release note', body: '### Release notes\n\n' + 'Describe the change.' },
  ];

  it('round-trips a list through JSON', () => {
    const json = exportTemplates(mine);
    expect(JSON.parse(json)).toMatchObject({ format: TEMPLATES_FORMAT, version: 1 });
    expect(importTemplates(json)).toEqual({ ok: true, templates: mine });
  });

  it('drops the builtIn flag and unknown fields', () => {
    const json = exportTemplates([{ ...mine[0]!, builtIn: true } as (typeof mine)[number]]);
    expect(JSON.parse(json).templates[0]).toEqual(mine[0]);
    const extra = JSON.stringify([{ ...mine[1], color: 'red' }]);
    expect(importTemplates(extra)).toEqual({ ok: true, templates: [mine[1]] });
  });

  it('says when the file is not JSON', () => {
    const result = importTemplates('{"format": "refinery-templates",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^The file is not valid JSON/);
  });

  it('says when the file is something else or from a newer version', () => {
    expect(importTemplates('{"format":"refinery-settings","templates":[]}')).toEqual({
      ok: false,
      errors: ['The file is not a Refinery templates file.'],
    });
    expect(importTemplates(`{"format":"${TEMPLATES_FORMAT}","version":2,"templates":[]}`)).toEqual({
      ok: false,
      errors: ['The file was made by a newer version of Refinery.'],
    });
    expect(importTemplates('"hello"')).toEqual({ ok: false, errors: ['The file holds no list of templates.'] });
  });

  it('names the template and field that are wrong', () => {
    const json = JSON.stringify([
      { id: 'ok', title: 'Fine', body: 'x' },
      { id: 'bad id!', title: 'Broken', body: '' },
      { id: 'no-title', body: 'x' },
    ]);
    const result = importTemplates(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Template 2 ("Broken"), id: the id may only hold letters, digits, ".", "_" and "-".',
      'Template 2 ("Broken"), body: the text is empty.',
      'Template 3, title: is missing or not text.',
    ]);
  });

  it('refuses duplicate ids, compared without case', () => {
    const json = JSON.stringify([
      { id: 'standup', title: 'A', body: 'a' },
      { id: 'Standup', title: 'B', body: 'b' },
    ]);
    expect(importTemplates(json)).toEqual({
      ok: false,
      errors: ['Template 2 ("B"), id: the id "Standup" is already used by template 1.'],
    });
  });
});

describe('mergeTemplates', () => {
  it("replaces a default by the team's edit, keeps it built in, then appends the team's own", () => {
    const merged = mergeTemplates(DEFAULT_TEMPLATES, [
      { id: 'retro', title: 'Retro', body: '## What went well' },
      { id: 'async-update', title: 'Daily update', body: 'Complete: X%' },
    ]);
    expect(merged.map((t) => [t.id, t.title, t.builtIn])).toEqual([
      ['implementation-plan', 'Implementation plan', true],
      ['async-update', 'Daily update', true],
      ['epic-weekly-update', 'Epic weekly update', true],
      ['tracking-issue', 'Tracking issue', true],
      ['support-request', 'Support request', true],
      ['needs-clarification', 'Needs clarification', true],
      ['needs-spike', 'Needs a spike', true],
      ['retro', 'Retro', false],
    ]);
    expect(merged[1]!.body).toBe('Complete: X%');
  });

  it('gives the defaults when the team has nothing, without sharing objects', () => {
    const merged = mergeTemplates(DEFAULT_TEMPLATES, []);
    expect(merged).toEqual(DEFAULT_TEMPLATES);
    merged[0]!.title = 'changed';
    expect(DEFAULT_TEMPLATES[0]!.title).toBe('Implementation plan');
  });
});
