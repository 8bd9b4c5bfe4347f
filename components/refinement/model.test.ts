import { describe, expect, it } from 'vitest';
import { CHECKLIST_MARKER } from '@/lib/handbook/refinement/checklists';
import { DEFAULT_SETTINGS as S } from '@/lib/handbook/settings';
import { controlFor, dataTicks, displayText, evaluate, kindFor, noteUrl } from './model';
import { makeView, note, pasted, refinementView } from './testing';

const facts = (notes = [note(1, 'Looks good')], blockers: number | null = 0) => ({ notes, blockers, blockersError: null });

describe('which checklist', () => {
  it('the bug checklist for type::bug, a bug label or the Bug issue type; the issue checklist otherwise', () => {
    const issue = (labels: string[], type = 'issue') => ({ title: 'Something', labels, type });
    expect(kindFor(issue(['type::bug']), S)).toBe('bug');
    expect(kindFor(issue(['bug']), S)).toBe('bug');
    expect(kindFor(issue([], 'bug'), S)).toBe('bug');
    expect(kindFor(issue(['type::feature']), S)).toBe('issue');
  });

  it('a readable comment decides, whatever the labels say', () => {
    const view = refinementView({ labels: ['workflow::refinement', 'type::bug'] });
    const out = evaluate(view.issue, view.capabilities, facts([note(5, pasted('issue'))]), S);
    expect(out.kind).toBe('issue');
    expect(out.items.map((i) => i.text)[1]).toBe('Issue title clearly describes the feature or change');
  });
});

describe('evaluate', () => {
  it('without a comment: the handbook items, decided ones from the data, blockers counted', () => {
    const view = refinementView({ weight: 2 });
    const out = evaluate(view.issue, view.capabilities, facts(undefined, 1), S);
    expect(out.found).toBeNull();
    const byText = Object.fromEntries(out.items.map((i) => [i.text, i]));
    expect(byText['Issue label is ~"workflow::refinement"']).toMatchObject({ done: true, decidedBy: 'data', source: 'label workflow::refinement' });
    expect(byText['This issue has a weight']).toMatchObject({ done: true, decidedBy: 'data' });
    expect(byText['There are no blockers']).toMatchObject({ done: false, decidedBy: 'data', source: '1 open blocker' });
    expect(byText['Issue title clearly describes the feature or change']).toMatchObject({ done: false, decidedBy: 'person' });
    expect(dataTicks(out.evaluations)).toEqual(['label-refinement', 'description-requirements', 'weight']);
  });

  it('the comment Refinery posted wins over a hand-written one; a person’s ticks count for judgement items', () => {
    const view = refinementView();
    const mine = note(2, `${pasted('issue', ['title-describes-change'])}\n\n${CHECKLIST_MARKER}`);
    const out = evaluate(view.issue, view.capabilities, facts([note(1, pasted('issue')), mine, note(3, pasted('issue'))]), S);
    expect(out.found?.note.id).toBe(2);
    expect(out.items.find((i) => i.id === 'title-describes-change')).toMatchObject({ done: true, decidedBy: 'person', mark: 'checked' });
  });

  it('an unreadable checklist comment is found but not used', () => {
    const view = refinementView();
    const broken = note(4, `${pasted('issue')}\n[x] Ask the PM`);
    const out = evaluate(view.issue, view.capabilities, facts([broken]), S);
    expect(out.found?.checklist.status).toBe('unrecognised');
    expect(out.checklist).toBeNull();
    expect(out.items.every((i) => i.mark === null)).toBe(true);
  });
});

describe('each item’s control', () => {
  const view = refinementView();
  const items = (blockers: number | null, body = pasted('issue')) =>
    evaluate(view.issue, view.capabilities, facts([note(1, `${body}\n- [x] Ping the PM`)], blockers), S).items;

  it('decided items say where the answer came from and are not editable', () => {
    const label = items(0).find((i) => i.id === 'label-refinement')!;
    expect(controlFor(label, true)).toEqual({ kind: 'decided', checked: true, why: 'From the issue: label workflow::refinement' });
    const weight = items(0).find((i) => i.id === 'weight')!;
    expect(controlFor(weight, true)).toEqual({ kind: 'decided', checked: false, why: 'Not yet, from the issue: no weight' });
  });

  it('judgement items are a person’s; without a comment they wait for one', () => {
    const title = items(0).find((i) => i.id === 'title-describes-change')!;
    expect(controlFor(title, true)).toEqual({ kind: 'manual', checked: false, why: null });
    expect(controlFor(title, false)).toEqual({ kind: 'waiting', checked: false, why: null });
  });

  it('an auto item the data cannot decide (blockers unreadable) is ticked by hand, saying why', () => {
    const blockers = items(null).find((i) => i.id === 'no-blockers')!;
    expect(controlFor(blockers, true)).toEqual({ kind: 'manual', checked: false, why: 'Tick it yourself: blocking links could not be read: check by hand' });
  });

  it('items added to the comment by hand are ticked by hand', () => {
    const added = items(0).find((i) => i.text === 'Ping the PM')!;
    expect(controlFor(added, true)).toEqual({ kind: 'manual', checked: true, why: 'Added to the comment by hand' });
  });
});

describe('text and links', () => {
  it('label references read as the label', () => {
    expect(displayText('Issue has ~"workflow::ready for development" label')).toBe('Issue has workflow::ready for development label');
    expect(displayText('Requires ~backend and ~"UX work"')).toBe('Requires backend and UX work');
    expect(displayText("Issue is small and doesn't need to be broken down")).toBe("Issue is small and doesn't need to be broken down");
  });

  it('links to the comment on GitLab and GitHub', () => {
    const gl = makeView();
    expect(noteUrl(gl.issue, 42)).toBe('https://gitlab.com/group/project/-/issues/7#note_42');
    const gh = makeView({}, {}, { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'acme/widgets', iid: 3, kind: 'issue' });
    expect(noteUrl({ ...gh.issue, webUrl: 'https://github.com/acme/widgets/issues/3' }, 42)).toBe('https://github.com/acme/widgets/issues/3#issuecomment-42');
  });
});
