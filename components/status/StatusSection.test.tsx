// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { IssueRef, LinkedChange, Note } from '@/lib/forge/model';
import { draftKey, loadDraft, saveDraft } from '@/lib/drafts/store';
import { mergeSettings, type Settings } from '@/lib/handbook/settings';
import { call, type IssueView, type PostedUpdate, type Result } from '@/lib/messaging';
import { answer, deferred, fail, gitlabRef, makeView, ok, type Answers } from '@/components/weights/testing';
import type { StatusDraftValue } from './formState';
import { StatusSection } from './StatusSection';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const alice = { id: 1, username: 'alice', name: 'Alice Example', avatarUrl: null, webUrl: null };
const erin = { ...alice, id: 5, username: 'erin', name: 'Erin Evans' };
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function note(id: number, body: string, createdAt: string, author = alice): Note {
  return { id, body, author, createdAt, updatedAt: createdAt, system: false };
}

const previous = [
  note(10, 'Complete: 20%\nConfidence: 70%\nNotes: cursor in place\nConcern: ~backend', ago(6)),
  note(11, 'Issue status: 40% complete, 80% confident\n\nMR statuses:\n!11 - 60% complete, 90% confident - api update - specs in progress', ago(3)),
  note(12, 'Complete: 90%\nConfidence: 95%\nNotes: erin is almost done', ago(2), erin),
];
const linked: LinkedChange[] = [
  { reference: '!11', iid: 11, title: 'Add keyset pagination to the repository tree API', state: 'opened', webUrl: 'https://gitlab.com/group/project/-/merge_requests/11' },
  { reference: '!12', iid: 12, title: 'Load repository tree entries page by page', state: 'opened', webUrl: 'https://gitlab.com/group/project/-/merge_requests/12' },
];

const posted = (over: Partial<PostedUpdate> = {}): Result<PostedUpdate> =>
  ok({ note: note(99, 'Issue status: …', new Date().toISOString()), outcome: 'created', healthVia: 'label', issue: null, healthError: null, ...over });

function setup(extra: Answers = {}, notes: Note[] = previous) {
  answer(callMock, {
    listNotes: () => ok(notes),
    listLinkedChanges: () => ok(linked),
    currentUser: () => ok(alice),
    listLabels: () => ok([{ name: 'documentation', color: '#f0ad4e', description: null }, { name: 'workflow::in dev', color: '#1f75cb', description: null }]),
    listMembers: () => ok([alice, erin]),
    ...extra,
  });
}

function show(view: IssueView = makeView({ labels: ['workflow::in dev'] }), settings: Settings = mergeSettings()) {
  render(<StatusSection view={view} settings={settings} onIssue={() => undefined} />);
  return screen.findByRole('form', { name: 'Status update' });
}

const number = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
const postCalls = () => callMock.mock.calls.filter(([m]) => m === 'postStatusUpdate').map(([, p]) => p as { updateId: string; update: Record<string, unknown>; kind: string });
const key = draftKey(gitlabRef, 'status');

beforeEach(() => {
  fakeBrowser.reset();
  callMock.mockReset();
});
afterEach(cleanup);

describe('prefill', () => {
  it("starts from the user's previous update, with a row per related merge request", async () => {
    setup();
    await show();
    // alice's last update, not erin's later one; notes start empty (they say what happened since).
    expect(number('Complete').value).toBe('40');
    expect(number('Confidence').value).toBe('80');
    expect((screen.getByRole('slider', { name: 'Complete slider' }) as HTMLInputElement).value).toBe('40');
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('');
    expect(number('!11 complete').value).toBe('60');
    expect(number('!11 confidence').value).toBe('90');
    expect((screen.getByRole('textbox', { name: '!11 title' }) as HTMLInputElement).value).toBe('api update');
    expect(number('!12 complete').value).toBe('');
    expect((screen.getByRole('textbox', { name: '!12 title' }) as HTMLInputElement).value).toBe('Load repository tree entries page by page');
    // Each row names its merge request as the forge has it, linked.
    expect(screen.getByRole('link', { name: '!11' }).getAttribute('href')).toBe(linked[0]!.webUrl);
    expect(screen.getByRole('group', { name: '!11 status' }).textContent).toContain('Add keyset pagination to the repository tree API');
  });

  it('the slider and the number field are one value', async () => {
    setup();
    await show();
    const slider = screen.getByRole('slider', { name: 'Confidence slider' }) as HTMLInputElement;
    await userEvent.clear(number('Confidence'));
    await userEvent.type(number('Confidence'), '65');
    expect(slider.value).toBe('65');
  });

  it('the concern offers none, ~frontend, ~backend and the other (unscoped) project labels', async () => {
    setup();
    await show();
    const select = screen.getByRole('combobox', { name: 'Concern' }) as HTMLSelectElement;
    await waitFor(() => expect(within(select).getByRole('option', { name: '~documentation' })).toBeTruthy());
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['None', '~frontend', '~backend', '~documentation']);
  });

  it('rows can be removed and added', async () => {
    setup();
    await show();
    await userEvent.click(screen.getByRole('button', { name: 'Remove !12' }));
    expect(screen.queryByRole('spinbutton', { name: '!12 complete' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Add a merge request row' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Row 2 reference' }), '!14');
    await userEvent.type(number('!14 complete'), '10');
    expect(number('!14 complete').value).toBe('10');
  });
});

describe('drafts', () => {
  it('what is typed is saved as the draft and restored on the next visit ("Draft restored")', async () => {
    setup();
    await show();
    await userEvent.type(screen.getByRole('textbox', { name: 'Notes' }), 'specs green');
    await waitFor(async () => expect((await loadDraft<StatusDraftValue>(key))?.value.form.notes).toBe('specs green'));
    expect(screen.getByRole('status', { name: '' }).textContent ?? '').toMatch(/Draft saved/);
    cleanup();
    await show();
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('specs green');
    expect(screen.getByText('Draft restored')).toBeTruthy();
  });

  it('a draft from another tab appears here when nothing is being typed', async () => {
    setup();
    await show();
    const saved = await saveDraft<StatusDraftValue>(key, { v: 1, form: { complete: '70', confidence: '85', notes: 'from the other tab', concern: '', health: null, changes: [] } });
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('from the other tab'));
    expect(saved.updateId).toBeTruthy();
  });
});

describe('posting', () => {
  it('posts once under the draft id, says where the health status went and removes the draft', async () => {
    const answerPost = deferred<Result<PostedUpdate>>();
    setup({ postStatusUpdate: () => answerPost.promise });
    await show();
    await userEvent.type(screen.getByRole('textbox', { name: 'Notes' }), 'pagination merged');
    await userEvent.click(screen.getByRole('radio', { name: 'At risk' }));
    const button = screen.getByRole('button', { name: 'Post update' }) as HTMLButtonElement;
    await userEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(true));
    await userEvent.click(button); // a second click while posting sends nothing
    const draft = await loadDraft(key);
    expect(postCalls()).toHaveLength(1);
    expect(postCalls()[0]).toMatchObject({
      kind: 'status',
      updateId: draft!.updateId,
      update: { complete: 40, confidence: 80, notes: 'pagination merged', health: 'at_risk', concern: null },
    });
    answerPost.resolve(posted({ issue: makeView({ labels: ['health::at risk'] }).issue }));
    expect(await screen.findByText('Update posted. Health status set as label health::at risk.')).toBeTruthy();
    await waitFor(async () => expect(await loadDraft(key)).toBeNull());
    expect(button.disabled).toBe(false);
    // The next update starts from this one, with empty notes.
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('');
    expect(number('Complete').value).toBe('40');
  });

  it('GitLab Ultimate: the hint and the outcome name the health status field', async () => {
    setup({ postStatusUpdate: () => posted({ healthVia: 'field' }) });
    await show(makeView({ labels: ['workflow::in dev'] }, { healthStatus: true }));
    expect(screen.getByText(/Sets the issue's health status field \(GitLab Ultimate\)/)).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'Needs attention' }));
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    expect(await screen.findByText("Update posted. Health status “Needs attention” set on the issue's health status field.")).toBeTruthy();
  });

  it('a failure keeps the draft with a clear message; trying again reuses the same update id', async () => {
    let n = 0;
    setup({ postStatusUpdate: () => (n++ === 0 ? fail('forge', 'The forge had an error (500); nothing was changed. Try again later.') : posted()) });
    await show();
    await userEvent.type(screen.getByRole('textbox', { name: 'Notes' }), 'still here');
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not post the update\. GitLab had a problem.*Your update is kept as a draft\./);
    const kept = await loadDraft<StatusDraftValue>(key);
    expect(kept?.value.form.notes).toBe('still here');
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    await screen.findByText(/Update posted/);
    expect(postCalls().map((c) => c.updateId)).toEqual([kept!.updateId, kept!.updateId]);
  });

  it('401 says to fix the token and offers the options', async () => {
    setup({ postStatusUpdate: () => ({ ok: false, error: { kind: 'auth', message: 'Connect / fix your token: the forge refused it.' } }), openOptions: () => ok({ opened: true }) });
    await show();
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/can't sign in to GitLab\. Fix the token in Refinery’s options/);
    await userEvent.click(screen.getByRole('button', { name: 'Connect / fix your token' }));
    expect(callMock).toHaveBeenCalledWith('openOptions', {});
  });

  it('a comment posted without its health label is said, not hidden', async () => {
    setup({ postStatusUpdate: () => posted({ healthError: 'Your token may read this issue but not change it.' }) });
    await show();
    await userEvent.click(screen.getByRole('radio', { name: 'On track' }));
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/posted, but the health status could not be set: Your token may read/);
  });

  it('refuses percentages outside 0–100 and empty updates before sending anything', async () => {
    setup();
    await show(makeView({ labels: [] }), mergeSettings());
    await userEvent.clear(number('Complete'));
    await userEvent.type(number('Complete'), '150');
    await userEvent.type(number('!12 confidence'), '101');
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    const problems = await screen.findByRole('alert', { name: 'Problems with this update' });
    expect(problems.textContent).toMatch(/Complete cannot be above 100%/);
    expect(problems.textContent).toMatch(/!12: Confidence cannot be above 100%/);
    expect(number('Complete').getAttribute('aria-invalid')).toBe('true');
    expect(postCalls()).toHaveLength(0);
  });

  it('an empty update is refused with the reason', async () => {
    setup({}, []);
    answer(callMock, { listNotes: () => ok([]), listLinkedChanges: () => ok([]), currentUser: () => ok(alice), listLabels: () => ok([]) });
    await show();
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));
    expect((await screen.findByRole('alert', { name: 'Problems with this update' })).textContent).toMatch(/Nothing to post/);
    expect(postCalls()).toHaveLength(0);
  });
});

describe('preview', () => {
  it("renders the comment with the forge's Markdown API and shows it sanitized", async () => {
    setup({ renderMarkdown: () => ok({ html: '<p>Issue status: <strong>40%</strong> complete<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>' }) });
    await show();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const region = await screen.findByRole('region', { name: 'Preview' });
    await waitFor(() => expect(region.querySelector('strong')?.textContent).toBe('40%'));
    expect(region.querySelector('script')).toBeNull();
    expect(region.querySelector('a')?.getAttribute('href')).toBeNull();
    const sent = callMock.mock.calls.find(([m]) => m === 'renderMarkdown')![1] as { text: string; ref: IssueRef };
    expect(sent.text).toMatch(/^Issue status: 40% complete, 80% confident\n/);
    expect(sent.text).toContain('!11 - 60% complete, 90% confident - api update - specs in progress');
    expect(sent.text).not.toContain('<!--');
  });
});

describe('history and staleness', () => {
  it('charts earlier updates (with a text alternative) and says when the last one was', async () => {
    setup();
    await show();
    const chart = screen.getByRole('img', { name: 'Status update history' });
    expect(chart.querySelector('desc')?.textContent).toMatch(/3 updates\. .*20% complete, 70% confident \(alice\); .*40% complete, 80% confident \(alice\); .*90% complete, 95% confident \(erin\)/);
    await userEvent.click(screen.getByText('History as a table'));
    const rows = within(screen.getByRole('table', { name: 'Status update history' })).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(screen.getByText('Last update 2 days ago')).toBeTruthy();
  });

  it('flags an issue in development without an update for more working days than allowed', async () => {
    setup({}, [note(10, 'Complete: 20%\nConfidence: 70%', ago(12))]);
    await show(makeView({ labels: ['workflow::in dev'] }));
    expect(screen.getByRole('note', { name: 'Status update overdue' }).textContent).toMatch(/No status update for \d+ working days/);
  });

  it('does not flag an issue that is not in development, nor within the team limit', async () => {
    setup({}, [note(10, 'Complete: 20%\nConfidence: 70%', ago(12))]);
    await show(makeView({ labels: ['workflow::refinement'] }));
    expect(screen.queryByRole('note', { name: 'Status update overdue' })).toBeNull();
    cleanup();
    await show(makeView({ labels: ['workflow::in review'] }), mergeSettings({ statusUpdates: { maxWorkingDays: 30 } }));
    expect(screen.queryByRole('note', { name: 'Status update overdue' })).toBeNull();
  });
});

describe('epics', () => {
  const epicRef: IssueRef = { ...gitlabRef, container: 'group', path: 'group', iid: 2, kind: 'epic' };
  const epicNotes = [note(20, '**Status**: so-so — pagination in review\n\n- Done: 3 of 8 issues. Remaining: 5, ETA end of 18.11.\n- Confidence: 70%', ago(7), erin)];

  it('GitLab epics get the weekly update form, prefilled from the last weekly update', async () => {
    setup({ postStatusUpdate: () => posted({ healthVia: 'none' }) }, epicNotes);
    render(<StatusSection view={makeView({}, {}, epicRef)} settings={mergeSettings()} onIssue={() => undefined} />);
    const form = await screen.findByRole('form', { name: 'Epic update' });
    expect(within(form).getByRole('radio', { name: 'so-so' })).toHaveProperty('checked', true);
    expect((within(form).getByRole('textbox', { name: 'Done' }) as HTMLInputElement).value).toBe('3 of 8 issues');
    expect((within(form).getByRole('spinbutton', { name: 'Confidence' }) as HTMLInputElement).value).toBe('70');
    expect(callMock.mock.calls.some(([m]) => m === 'listLinkedChanges')).toBe(false);
    await userEvent.click(within(form).getByRole('radio', { name: 'bad' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Help needed' }), 'rollout plan');
    await userEvent.click(await within(form).findByRole('checkbox', { name: /@erin/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Post update' }));
    await screen.findByText('Epic update posted.');
    expect(postCalls()[0]).toMatchObject({ kind: 'epic', update: { status: 'bad', done: '3 of 8 issues', confidence: 70, help: 'rollout plan', mentions: ['erin'] } });
  });

  it("GitHub issues with the team's epic label get the epic form", async () => {
    setup({}, []);
    const ref: IssueRef = { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'acme/widgets', iid: 30, kind: 'issue' };
    render(<StatusSection view={makeView({ labels: ['Epic'] }, {}, ref)} settings={mergeSettings()} onIssue={() => undefined} />);
    expect(await screen.findByRole('form', { name: 'Epic update' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Status update' })).toBeNull();
  });
});
