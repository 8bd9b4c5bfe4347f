import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/forge/model';
import {
  HANDBOOK_BUG_CHECKLIST,
  HANDBOOK_ISSUE_CHECKLIST,
  PASTED_WITH_FENCE,
  crlf,
} from '../__fixtures__/handbook-checklists';
import { findChecklistNote, parseChecklist, type ChecklistParse, type RecognisedChecklist } from './checklist-parse';
import { renderChecklist } from './checklists';
import { mergeSettings } from '../settings';

function recognised(parse: ChecklistParse): RecognisedChecklist {
  if (parse.status !== 'recognised') throw new Error(`expected a checklist, got ${JSON.stringify(parse)}`);
  return parse;
}

function state(parse: ChecklistParse): [string | null, boolean][] {
  return recognised(parse).items.map((i) => [i.id, i.checked]);
}

describe('parseChecklist: the handbook text as posted', () => {
  it('reads every item of the issue checklist, in order, with its section', () => {
    const c = recognised(parseChecklist(HANDBOOK_ISSUE_CHECKLIST));
    expect(c.kind).toBe('issue');
    expect(c.title).toBe('Issue Refinement Checklist');
    expect(c.marker).toBe(false);
    expect(c.fenced).toBe(false);
    expect(c.missing).toEqual([]);
    expect(c.items.map((i) => [i.section, i.text, i.checked])).toEqual([
      ['Problem verification', 'Issue label is ~"workflow::refinement"', false],
      ['Problem verification', 'Issue title clearly describes the feature or change', false],
      ['Problem verification', 'Issue description defines requirements and expectations', false],
      ['Problem verification', 'Required permissions and access levels defined', false],
      ['Implementation plan', 'A comment with an implementation plan is created', false],
      ['Implementation plan', "Issue is small and doesn't need to be broken down", false],
      ['Final steps', 'This issue has a weight', false],
      ['Final steps', 'There are no blockers', false],
      ['Final steps', 'Issue has ~"workflow::ready for development" label', false],
    ]);
  });

  it('reads the bug checklist', () => {
    const c = recognised(parseChecklist(HANDBOOK_BUG_CHECKLIST));
    expect(c.kind).toBe('bug');
    expect(c.items).toHaveLength(16);
    expect(c.items.map((i) => i.id)).toContain('root-cause');
  });

  it('reads a checklist pasted with the CRLF line endings some browsers send', () => {
    const body = crlf(HANDBOOK_BUG_CHECKLIST.replace('- [ ] Issue is still reproducible', '- [x] Issue is still reproducible'));
    const c = recognised(parseChecklist(body));
    expect(c.items).toHaveLength(16);
    expect(c.items.find((i) => i.id === 'still-reproducible')?.checked).toBe(true);
    expect(c.items.every((i) => !i.text.endsWith('\r'))).toBe(true);
  });

  it('reads the text pasted with the ```plaintext fence from the handbook page', () => {
    const c = recognised(parseChecklist(PASTED_WITH_FENCE));
    expect(c.fenced).toBe(true);
    expect(c.items).toHaveLength(9);
    expect(c.before).toBe('For issues that need refinement:\n\n```plaintext\n');
    expect(c.after).toBe('```\n');
  });

  it('keeps the text around the list', () => {
    const body = `Starting refinement, cc @pm\n\n${HANDBOOK_ISSUE_CHECKLIST}\n\nPing me if anything is unclear.`;
    const c = recognised(parseChecklist(body));
    expect(c.before).toBe('Starting refinement, cc @pm\n\n');
    expect(c.after).toBe('\nPing me if anything is unclear.');
  });

  it('finds the marker Refinery appends', () => {
    expect(recognised(parseChecklist(renderChecklist('issue'))).marker).toBe(true);
    expect(parseChecklist('<!--refinery:checklist v1-->\n# Bug Refinement Checklist\n- [ ] Severity labels are defined')).toMatchObject({
      status: 'recognised',
      marker: true,
    });
  });
});

describe('parseChecklist: hand-written variants', () => {
  it('accepts *, + and numbered bullets, [X], indentation and extra spaces', () => {
    const body = [
      '## Issue Refinement Checklist',
      '### Problem verification',
      '* [X] Issue label is ~"workflow::refinement"',
      '+ [ ]   Issue title clearly describes the feature or change   ',
      '  1. [x] Issue description defines requirements and expectations',
      '  2) [ ] Required permissions and access levels defined',
      '### Final steps',
      '-\t[x] This issue has a weight',
    ].join('\n');
    expect(state(parseChecklist(body))).toEqual([
      ['label-refinement', true],
      ['title-describes-change', false],
      ['description-requirements', true],
      ['permissions-defined', false],
      ['weight', true],
    ]);
  });

  it('accepts headings with trailing text, closing hashes and other levels', () => {
    for (const heading of [
      '# Issue Refinement Checklist (for #42)',
      '### Issue refinement checklist — @alice',
      '## Issue Refinement Checklist ##',
      '#### ISSUE REFINEMENT CHECKLIST:',
    ]) {
      expect(recognised(parseChecklist(`${heading}\n- [ ] There are no blockers`)).kind).toBe('issue');
    }
  });

  it('matches label references written without ~"…" and a remark after the handbook text', () => {
    const body = [
      '# Bug Refinement Checklist',
      '- [x] Issue label is workflow::refinement',
      '- [x] Issue label is `type::bug`',
      '- [x] This issue has a weight (3, see comment above)',
    ].join('\n');
    expect(state(parseChecklist(body))).toEqual([
      ['label-refinement', true],
      ['label-type-bug', true],
      ['weight', true],
    ]);
  });

  it('keeps reordered items in the comment order and reports deleted ones', () => {
    const body = [
      '# Issue Refinement Checklist',
      '- [ ] There are no blockers',
      '- [x] Issue label is ~"workflow::refinement"',
    ].join('\n');
    const c = recognised(parseChecklist(body));
    expect(c.items.map((i) => i.id)).toEqual(['no-blockers', 'label-refinement']);
    expect(c.missing.map((i) => i.id)).toEqual([
      'title-describes-change',
      'description-requirements',
      'permissions-defined',
      'implementation-plan',
      'small-enough',
      'weight',
      'label-ready',
    ]);
  });

  it('keeps items a person added, with no handbook id', () => {
    const body = HANDBOOK_ISSUE_CHECKLIST.replace(
      '- [ ] There are no blockers',
      '- [ ] There are no blockers\n- [x] Security review requested from @appsec',
    );
    const c = recognised(parseChecklist(body));
    const added = c.items.find((i) => i.text === 'Security review requested from @appsec');
    expect(added).toMatchObject({ id: null, auto: null, checked: true, section: 'Final steps' });
  });

  it("reads GitLab's inapplicable box [~] as neither ticked nor open", () => {
    const body = HANDBOOK_ISSUE_CHECKLIST.replace('- [ ] Required permissions', '- [~] Required permissions');
    const item = recognised(parseChecklist(body)).items.find((i) => i.id === 'permissions-defined');
    expect(item).toMatchObject({ mark: 'inapplicable', checked: false });
  });

  it('reads a checklist under settings with other label names, and the handbook names still', () => {
    const settings = mergeSettings({ scopes: { workflow: 'flow' } });
    const ours = recognised(parseChecklist(renderChecklist('issue', [], { settings }), settings));
    expect(ours.missing).toEqual([]);
    const pasted = recognised(parseChecklist(HANDBOOK_ISSUE_CHECKLIST, settings));
    expect(pasted.items.map((i) => i.id)).toContain('label-ready');
  });

  it('counts an item listed twice with the same state once, remembering both boxes', () => {
    const body = '# Issue Refinement Checklist\n- [x] This issue has a weight\n- [x] This issue has a weight\n';
    const c = recognised(parseChecklist(body));
    expect(c.items).toHaveLength(1);
    expect(c.items[0]!.offsets).toHaveLength(2);
  });

  it('stops at a heading that is not one of its sections', () => {
    const body = `${HANDBOOK_ISSUE_CHECKLIST}\n\n# Notes\n- [ ] Ask the PM about pricing`;
    const c = recognised(parseChecklist(body));
    expect(c.items).toHaveLength(9);
    expect(c.after).toBe('\n# Notes\n- [ ] Ask the PM about pricing');
  });

  it('ignores task lines inside a code block within the checklist', () => {
    const body = `${HANDBOOK_ISSUE_CHECKLIST}\n\n\`\`\`markdown\n- [ ] not a real item\n\`\`\`\n`;
    expect(recognised(parseChecklist(body)).items).toHaveLength(9);
  });
});

describe('parseChecklist: not a checklist', () => {
  it.each([
    ['an ordinary comment', 'Looks good to me, I will pick this up next week.'],
    ['a task list without the heading', '- [ ] This issue has a weight\n- [ ] There are no blockers'],
    ['the heading mentioned in prose', 'Please fill in the Issue Refinement Checklist before Friday.'],
    ['a quoted checklist in a reply', '> # Issue Refinement Checklist\n> - [x] This issue has a weight\n\nAgreed.'],
    ['an implementation plan', '### Implementation Plan\n\n**2. Dependencies**\n\n- [x] Requires ~backend'],
    ['an empty comment', ''],
  ])('%s', (_, body) => {
    expect(parseChecklist(body)).toEqual({ status: 'not-a-checklist' });
  });
});

describe('parseChecklist: malformed, shown as unrecognised', () => {
  it('a heading with no task items', () => {
    expect(parseChecklist('# Issue Refinement Checklist\n\nTODO: fill in')).toMatchObject({
      status: 'unrecognised',
      kind: 'issue',
      reason: expect.stringContaining('no task items'),
    });
  });

  it('the same item ticked and unticked', () => {
    const body = '# Bug Refinement Checklist\n- [x] There are no blockers\n- [ ] There are no blockers';
    expect(parseChecklist(body)).toMatchObject({ status: 'unrecognised', reason: expect.stringContaining('listed twice') });
  });

  it('the same handbook item in two wordings with different states', () => {
    const body = '# Issue Refinement Checklist\n- [x] This issue has a weight\n- [ ] This issue has a weight (backend)';
    expect(parseChecklist(body)).toMatchObject({ status: 'unrecognised', reason: expect.stringContaining('same item') });
  });

  it('two checklists in one comment', () => {
    expect(parseChecklist(`${HANDBOOK_ISSUE_CHECKLIST}\n\n${HANDBOOK_BUG_CHECKLIST}`)).toMatchObject({
      status: 'unrecognised',
      reason: expect.stringContaining('more than one'),
    });
  });

  it.each(['- [ x] There are no blockers', '-[ ] There are no blockers', '- [] There are no blockers', '[x] There are no blockers'])(
    'a box the forge would not render: %s',
    (line) => {
      const body = HANDBOOK_ISSUE_CHECKLIST.replace('- [ ] There are no blockers', line);
      expect(parseChecklist(body)).toMatchObject({ status: 'unrecognised', reason: expect.stringContaining('looks like a checkbox') });
    },
  );

  it("Refinery's marker with the heading edited away", () => {
    const body = renderChecklist('issue').replace('# Issue Refinement Checklist', 'Checklist');
    expect(parseChecklist(body)).toMatchObject({ status: 'unrecognised', kind: null, marker: true });
  });

  it('but a link in the list is not a broken box', () => {
    const body = `${HANDBOOK_ISSUE_CHECKLIST}\n- [x](https://example.com) is a link, not a box`;
    expect(parseChecklist(body).status).toBe('recognised');
  });
});

function note(id: number, body: string, createdAt: string, system = false): Note {
  return {
    id,
    body,
    system,
    createdAt,
    updatedAt: createdAt,
    author: { id: 1, username: 'alice', name: 'Alice', avatarUrl: null, webUrl: null },
  };
}

describe('findChecklistNote', () => {
  const plain = HANDBOOK_ISSUE_CHECKLIST;
  const ours = renderChecklist('issue');

  it('picks the newest checklist among ordinary comments', () => {
    const notes = [
      note(1, plain, '2026-01-10T09:00:00Z'),
      note(2, 'LGTM', '2026-01-11T09:00:00Z'),
      note(3, plain.replace('- [ ] There', '- [x] There'), '2026-01-12T09:00:00Z'),
    ];
    expect(findChecklistNote(notes)?.note.id).toBe(3);
  });

  it("prefers the comment with Refinery's marker over a newer hand-written one", () => {
    const notes = [note(1, ours, '2026-01-10T09:00:00Z'), note(2, plain, '2026-01-12T09:00:00Z')];
    expect(findChecklistNote(notes)?.note.id).toBe(1);
  });

  it('skips system notes even when they quote a checklist', () => {
    expect(findChecklistNote([note(1, ours, '2026-01-10T09:00:00Z', true)])).toBeNull();
  });

  it('returns an unreadable checklist so the UI can say so', () => {
    const found = findChecklistNote([note(1, '# Bug Refinement Checklist\nnothing yet', '2026-01-10T09:00:00Z')]);
    expect(found?.checklist.status).toBe('unrecognised');
  });

  it('returns null when no comment is a checklist', () => {
    expect(findChecklistNote([note(1, 'Hello', '2026-01-10T09:00:00Z')])).toBeNull();
    expect(findChecklistNote([])).toBeNull();
  });

  it('breaks ties in time by note id', () => {
    const at = '2026-01-10T09:00:00Z';
    expect(findChecklistNote([note(7, plain, at), note(5, plain, at)])?.note.id).toBe(7);
  });
});
