import { describe, expect, it } from 'vitest';
import { HANDBOOK_BUG_CHECKLIST, HANDBOOK_ISSUE_CHECKLIST } from '../__fixtures__/handbook-checklists';
import { parseChecklist } from './checklist-parse';
import {
  AUTO_CHECKS,
  CHECKLIST_MARKER,
  checklistDefinition,
  checklistItems,
  itemKey,
  renderChecklist,
  type ChecklistKind,
} from './checklists';
import { mergeSettings } from '../settings';

describe('renderChecklist', () => {
  it("renders the handbook's issue checklist verbatim", () => {
    expect(renderChecklist('issue', [], { marker: false })).toBe(HANDBOOK_ISSUE_CHECKLIST);
  });

  it("renders the handbook's bug checklist verbatim", () => {
    expect(renderChecklist('bug', [], { marker: false })).toBe(HANDBOOK_BUG_CHECKLIST);
  });

  it('appends the hidden marker on its own line by default, after the handbook text', () => {
    const body = renderChecklist('issue');
    expect(body.startsWith('# Issue Refinement Checklist\n')).toBe(true);
    expect(body.endsWith(`\n\n${CHECKLIST_MARKER}`)).toBe(true);
    expect(body.slice(0, -(CHECKLIST_MARKER.length + 2))).toBe(HANDBOOK_ISSUE_CHECKLIST);
  });

  it('ticks the given items and only those', () => {
    const body = renderChecklist('bug', ['label-type-bug', 'weight'], { marker: false });
    expect(body).toContain('- [x] Issue label is ~"type::bug"');
    expect(body).toContain('- [x] This issue has a weight');
    expect(body.match(/\[x\]/g)).toHaveLength(2);
  });

  it("uses the team's label names", () => {
    const settings = mergeSettings({
      scopes: { workflow: 'flow', type: 'kind' },
      workflow: { stages: ['todo', 'groom', 'ready', 'done'], refinement: 'groom', readyForDevelopment: 'ready', complete: 'done' },
    });
    const body = renderChecklist('bug', [], { settings, marker: false });
    expect(body).toContain('- [ ] Issue label is ~"flow::groom"');
    expect(body).toContain('- [ ] Issue label is ~"kind::bug"');
    expect(body).toContain('- [ ] Issue has ~"flow::ready" label');
  });

  it.each<ChecklistKind>(['issue', 'bug'])('round-trips the %s checklist: render → parse → render is identical', (kind) => {
    const ids = checklistItems(checklistDefinition(kind)).map((i) => i.id);
    for (const ticks of [[], ids, ids.filter((_, i) => i % 2 === 0)]) {
      for (const marker of [true, false]) {
        const body = renderChecklist(kind, ticks, { marker });
        const parsed = parseChecklist(body);
        if (parsed.status !== 'recognised') throw new Error(`not recognised: ${JSON.stringify(parsed)}`);
        expect(parsed.kind).toBe(kind);
        expect(parsed.marker).toBe(marker);
        expect(parsed.missing).toEqual([]);
        const again = parsed.items.filter((i) => i.checked).map((i) => i.id!);
        expect(renderChecklist(kind, again, { marker })).toBe(body);
      }
    }
  });
});

describe('checklistDefinition', () => {
  it('has the handbook sections in order', () => {
    expect(checklistDefinition('issue').sections.map((s) => s.title)).toEqual([
      'Problem verification',
      'Implementation plan',
      'Final steps',
    ]);
    expect(checklistDefinition('bug').sections.map((s) => s.title)).toEqual([
      'Bug verification',
      'Technical analysis',
      'Implementation plan',
      'Final steps',
    ]);
  });

  it('marks what data can decide and leaves judgement to people', () => {
    const auto = (kind: ChecklistKind) =>
      Object.fromEntries(checklistItems(checklistDefinition(kind)).map((i) => [i.text, i.auto ?? null]));
    expect(auto('issue')).toEqual({
      'Issue label is ~"workflow::refinement"': 'workflow-refinement',
      'Issue title clearly describes the feature or change': null,
      'Issue description defines requirements and expectations': 'description-requirements',
      'Required permissions and access levels defined': null,
      'A comment with an implementation plan is created': 'implementation-plan',
      "Issue is small and doesn't need to be broken down": null,
      'This issue has a weight': 'weight',
      'There are no blockers': 'no-blockers',
      'Issue has ~"workflow::ready for development" label': 'workflow-ready',
    });
    const bug = auto('bug');
    expect(bug['Issue label is ~"type::bug"']).toBe('type-bug');
    expect(bug['Steps to reproduce are documented']).toBe('steps-to-reproduce');
    expect(bug['Severity labels are defined']).toBe('severity');
    expect(bug['Root cause has been identified or hypothesized']).toBeNull();
    const used = new Set([...Object.values(auto('issue')), ...Object.values(bug)].filter((a) => a !== null));
    expect([...used].sort()).toEqual([...AUTO_CHECKS].sort());
  });

  it('gives each item a unique id within a checklist', () => {
    for (const kind of ['issue', 'bug'] as const) {
      const ids = checklistItems(checklistDefinition(kind)).map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('itemKey', () => {
  it('matches label references with or without ~"…", backticks and spacing', () => {
    const key = itemKey('Issue label is ~"workflow::refinement"');
    expect(itemKey('Issue label is workflow::refinement')).toBe(key);
    expect(itemKey('Issue label is `workflow::refinement`.')).toBe(key);
    expect(itemKey('issue  label is ~"workflow:: refinement"')).toBe(key);
    expect(itemKey('Issue label is "workflow::refinement"')).toBe(key);
  });

  it('matches curly apostrophes pasted from a rendered page', () => {
    expect(itemKey('Issue is small and doesn’t need to be broken down')).toBe(
      itemKey("Issue is small and doesn't need to be broken down"),
    );
  });

  it('keeps different items apart', () => {
    expect(itemKey('Issue label is ~"type::bug"')).not.toBe(itemKey('Issue label is ~"workflow::refinement"'));
  });
});
