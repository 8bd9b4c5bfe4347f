import { describe, expect, it } from 'vitest';
import { HANDBOOK_ISSUE_CHECKLIST, PASTED_WITH_FENCE, crlf } from '../__fixtures__/handbook-checklists';
import { applyTick, mergeTicks, rebaseTicks, type TickItem } from './checklist-merge';
import { parseChecklist, type Mark, type RecognisedChecklist } from './checklist-parse';
import { renderChecklist } from './checklists';

function parsed(body: string): RecognisedChecklist {
  const p = parseChecklist(body);
  if (p.status !== 'recognised') throw new Error(JSON.stringify(p));
  return p;
}

/** Positions where two strings of equal length differ. */
function diff(a: string, b: string): number[] {
  expect(b.length).toBe(a.length);
  return [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
}

describe('applyTick', () => {
  it('changes only that box; everything else is byte-identical', () => {
    const body = `Refining this now.\n\n${renderChecklist('issue')}\n\nThanks!`;
    const next = applyTick(body, 'There are no blockers', true)!;
    expect(diff(body, next)).toEqual([body.indexOf('[ ] There are no blockers') + 1]);
    expect(next).toContain('- [x] There are no blockers');
    expect(applyTick(next, 'There are no blockers', false)).toBe(body);
  });

  it('keeps CRLF line endings', () => {
    const body = crlf(HANDBOOK_ISSUE_CHECKLIST);
    const next = applyTick(body, 'This issue has a weight', true)!;
    expect(next).toBe(body.replace('- [ ] This issue has a weight', '- [x] This issue has a weight'));
    expect(next.split('\r\n')).toHaveLength(body.split('\r\n').length);
  });

  it('edits inside the handbook fence when the checklist was pasted with it', () => {
    const next = applyTick(PASTED_WITH_FENCE, 'Issue label is ~"workflow::refinement"', true)!;
    expect(diff(PASTED_WITH_FENCE, next)).toHaveLength(1);
    expect(parsed(next).items[0]!.checked).toBe(true);
  });

  it('returns the same string when the box is already so, so nothing is written twice', () => {
    const body = HANDBOOK_ISSUE_CHECKLIST.replace('- [ ] There are', '- [X] There are');
    expect(applyTick(body, 'There are no blockers', true)).toBe(body);
    expect(applyTick(body, 'This issue has a weight', false)).toBe(body);
  });

  it('finds the item whatever the label reference style, or a handbook item someone reworded', () => {
    const body = HANDBOOK_ISSUE_CHECKLIST.replace('- [ ] This issue has a weight', '- [ ] This issue has a weight (3)');
    expect(applyTick(body, 'Issue label is workflow::refinement', true)).toContain('- [x] Issue label is ~"workflow::refinement"');
    expect(applyTick(body, 'This issue has a weight', true)).toContain('- [x] This issue has a weight (3)');
  });

  it('ticks every line an item appears on', () => {
    const body = '# Issue Refinement Checklist\n- [ ] There are no blockers\n- [ ] There are no blockers';
    expect(applyTick(body, 'There are no blockers', true)).toBe(
      '# Issue Refinement Checklist\n- [x] There are no blockers\n- [x] There are no blockers',
    );
  });

  it('turns an inapplicable box into a ticked one when asked', () => {
    const body = HANDBOOK_ISSUE_CHECKLIST.replace('- [ ] Required', '- [~] Required');
    expect(applyTick(body, 'Required permissions and access levels defined', true)).toContain('- [x] Required');
  });

  it('returns null when the item is gone', () => {
    expect(applyTick(HANDBOOK_ISSUE_CHECKLIST, 'Root cause has been identified or hypothesized', true)).toBeNull();
  });

  it('never rewrites an unreadable checklist or another comment', () => {
    const malformed = '# Issue Refinement Checklist\n- [x] There are no blockers\n- [ ] There are no blockers';
    expect(applyTick(malformed, 'There are no blockers', true)).toBeNull();
    expect(applyTick('- [ ] There are no blockers', 'There are no blockers', true)).toBeNull();
  });
});

function items(body: string): TickItem[] {
  return parsed(body).items;
}

function withMark(list: readonly TickItem[], id: string, mark: Mark): TickItem[] {
  return list.map((i) => (i.id === id ? { ...i, mark } : i));
}

function marks(list: readonly TickItem[]): Record<string, Mark> {
  return Object.fromEntries(list.map((i) => [i.id ?? i.key, i.mark]));
}

describe('mergeTicks', () => {
  const base = items(renderChecklist('issue', ['label-refinement']));

  it('keeps a box someone else ticked meanwhile and applies mine', () => {
    const theirs = withMark(base, 'weight', 'checked');
    const mine = withMark(base, 'no-blockers', 'checked');
    const merged = mergeTicks(base, theirs, mine);
    expect(marks(merged.items)).toMatchObject({ weight: 'checked', 'no-blockers': 'checked', 'label-refinement': 'checked' });
    expect(merged.changes.map((c) => c.id)).toEqual(['no-blockers']);
  });

  it('never unticks their box when I did not touch it, even though my copy is stale', () => {
    const theirs = withMark(base, 'small-enough', 'checked');
    const merged = mergeTicks(base, theirs, base);
    expect(marks(merged.items)['small-enough']).toBe('checked');
    expect(merged.changes).toEqual([]);
  });

  it('applies my untick of a box that was ticked when I loaded it', () => {
    const mine = withMark(base, 'label-refinement', 'unchecked');
    const merged = mergeTicks(base, base, mine);
    expect(marks(merged.items)['label-refinement']).toBe('unchecked');
    expect(merged.changes.map((c) => c.id)).toEqual(['label-refinement']);
  });

  it('keeps their untick when I did not touch the box', () => {
    const theirs = withMark(base, 'label-refinement', 'unchecked');
    expect(marks(mergeTicks(base, theirs, base).items)['label-refinement']).toBe('unchecked');
  });

  it('keeps their inapplicable mark', () => {
    const theirs = withMark(base, 'permissions-defined', 'inapplicable');
    const mine = withMark(base, 'weight', 'checked');
    expect(marks(mergeTicks(base, theirs, mine).items)).toMatchObject({ 'permissions-defined': 'inapplicable', weight: 'checked' });
  });

  it('reports my change to an item they deleted as dropped', () => {
    const theirs = base.filter((i) => i.id !== 'weight');
    const merged = mergeTicks(base, theirs, withMark(base, 'weight', 'checked'));
    expect(merged.dropped.map((d) => d.id)).toEqual(['weight']);
    expect(merged.changes).toEqual([]);
  });

  it('keeps an item they added meanwhile', () => {
    const extra: TickItem = { key: 'ask ux about the empty state', id: null, mark: 'checked' };
    const merged = mergeTicks(base, [...base, extra], withMark(base, 'weight', 'checked'));
    expect(marks(merged.items)['ask ux about the empty state']).toBe('checked');
  });

  it('follows a handbook item someone reworded', () => {
    const theirsBody = renderChecklist('issue', ['label-refinement']).replace(
      '- [ ] This issue has a weight',
      '- [ ] This issue has a weight (split: backend 2, frontend 1)',
    );
    const merged = mergeTicks(base, items(theirsBody), withMark(base, 'weight', 'checked'));
    expect(merged.changes.map((c) => c.key)).toEqual(['this issue has a weight (split: backend 2, frontend 1)']);
  });

  it('only ticks, never unticks, a box it has no base state for', () => {
    const theirs = withMark(base, 'weight', 'checked');
    const noBase = mergeTicks([], theirs, base);
    expect(marks(noBase.items).weight).toBe('checked');
    const tick = mergeTicks([], base, withMark(base, 'weight', 'checked'));
    expect(marks(tick.items).weight).toBe('checked');
  });
});

describe('rebaseTicks', () => {
  const loaded = `Refinement for %18.4\n\n${renderChecklist('bug', ['label-refinement'])}`;

  it("writes my tick onto the comment as it is now, keeping a teammate's tick from meanwhile", () => {
    const base = items(loaded);
    const mine = withMark(base, 'root-cause', 'checked');
    const now = applyTick(loaded, 'Severity labels are defined', true)!;
    const result = rebaseTicks(now, base, mine);
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(result.changed).toEqual(['Root cause has been identified or hypothesized']);
    const after = parsed(result.body);
    expect(marks(after.items)).toMatchObject({ severity: 'checked', 'root-cause': 'checked', 'label-refinement': 'checked' });
    expect(diff(now, result.body)).toHaveLength(1);
  });

  it('returns the comment unchanged when someone already made my change', () => {
    const base = items(loaded);
    const now = applyTick(loaded, 'Test cases to verify the fix are defined', true)!;
    const result = rebaseTicks(now, base, withMark(base, 'test-cases', 'checked'));
    expect(result).toEqual({ status: 'ok', body: now, changed: [], dropped: [] });
  });

  it('leaves a comment that became unreadable alone', () => {
    const base = items(loaded);
    const broken = loaded.replace('- [ ] Issue is still reproducible', '- [ x] Issue is still reproducible');
    expect(rebaseTicks(broken, base, withMark(base, 'weight', 'checked'))).toMatchObject({ status: 'unrecognised' });
    expect(rebaseTicks('deleted', base, base)).toMatchObject({ status: 'unrecognised' });
  });
});
