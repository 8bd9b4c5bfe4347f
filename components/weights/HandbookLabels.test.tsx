// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef, LabelDef } from '@/lib/forge/model';
import { handbookLabels, missingLabels } from '@/lib/handbook/handbookLabels';
import { DEFAULT_SETTINGS } from '@/lib/handbook/settings';
import { call, type IssueView } from '@/lib/messaging';
import { HandbookLabels } from './HandbookLabels';
import { Harness, answer, fail, makeView, ok, type Answers } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

const all = handbookLabels().map(({ name, color, description }): LabelDef => ({ name, color, description }));
const githubRef: IssueRef = { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'o/r', iid: 1, kind: 'issue' };

function setup(answers: Answers, view: IssueView = makeView()) {
  answer(callMock, answers);
  render(<Harness view={view}>{(p) => <HandbookLabels {...p} />}</Harness>);
}

/** Asks for the check, as the user does; the labels are never read before. The check's code loads on that click. */
async function check(answers: Answers, view?: IssueView) {
  setup(answers, view);
  const section = screen.getByRole('region', { name: 'Handbook labels' });
  await userEvent.click(within(section).getByRole('button', { name: "Check the project's labels" }));
  await vi.waitFor(() => expect(callMock).toHaveBeenCalledWith('listLabels', expect.anything()));
  await act(async () => undefined);
  return screen.getByRole('region', { name: 'Handbook labels' });
}

const createCalls = () => callMock.mock.calls.filter(([m]) => m === 'createLabels').map(([, p]) => p as { level: string; labels: LabelDef[] });

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

describe('HandbookLabels', () => {
  it('reads the project\'s labels only when asked', async () => {
    setup({ listLabels: () => ok([]) });
    await act(async () => undefined);
    expect(callMock).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: "Check the project's labels" }));
    expect(await screen.findByRole('button', { name: "Create the handbook's labels" })).toBeTruthy();
    expect(callMock).toHaveBeenCalledTimes(1);
    expect(callMock).toHaveBeenCalledWith('listLabels', { ref: makeView().issue.ref });
  });

  it('offers the missing labels, how many and which', async () => {
    const have = all.filter((l) => !['spike', 'security'].includes(l.name));
    const section = await check({ listLabels: () => ok(have) });
    expect(section.textContent).toContain('This project lacks 2 of the handbook');
    const list = within(section).getAllByRole('listitem').map((li) => li.textContent);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(/^ spike — /);
    expect(within(section).getByRole('button', { name: "Create the handbook's labels" })).toBeTruthy();
  });

  it('GitLab: creates them at the chosen level and reports the counts', async () => {
    const view = makeView();
    const expected = missingLabels([], 'gitlab', view.capabilities, DEFAULT_SETTINGS);
    const section = await check(
      {
        listLabels: () => ok([]),
        createLabels: (p: { labels: LabelDef[] }) =>
          ok({
            created: p.labels.slice(2).map((l) => l.name),
            existing: [p.labels[0]!.name],
            failed: [{ name: p.labels[1]!.name, message: 'Title is invalid' }],
          }),
      },
      view,
    );
    await userEvent.click(within(section).getByRole('radio', { name: 'Group' }));
    await userEvent.click(within(section).getByRole('button', { name: "Create the handbook's labels" }));
    expect(createCalls()).toHaveLength(1);
    expect(createCalls()[0]!.level).toBe('group');
    expect(createCalls()[0]!.labels.map((l) => l.name)).toEqual(expected.map((l) => l.name));
    expect(within(section).getByRole('status').textContent).toBe(`Created ${expected.length - 2}, 1 already existed, 1 failed.`);
    expect(within(section).getByRole('list', { name: 'Labels not created' }).textContent).toContain('Title is invalid');
    // Only the failed one is still offered.
    expect(section.textContent).toContain('This project lacks 1 of the handbook');
  });

  it('GitHub: no level choice, includes the weight:: fallback labels', async () => {
    const section = await check(
      { listLabels: () => ok(all.filter((l) => !l.name.startsWith('weight::'))), createLabels: () => ok({ created: ['x'], existing: [], failed: [] }) },
      makeView({}, {}, githubRef),
    );
    expect(within(section).queryByRole('radiogroup')).toBeNull();
    await userEvent.click(within(section).getByRole('button', { name: "Create the handbook's labels" }));
    expect(createCalls()[0]!.level).toBe('project');
    expect(createCalls()[0]!.labels.map((l) => l.name)).toEqual(['weight::1', 'weight::2', 'weight::3', 'weight::5']);
  });

  it('says so when nothing is missing', async () => {
    const section = await check({ listLabels: () => ok(all) });
    expect(within(section).getByRole('status').textContent).toBe("This project has all of the handbook's labels.");
    expect(within(section).queryByRole('button', { name: "Create the handbook's labels" })).toBeNull();
  });

  it('explains that a Maintainer is needed when labels cannot be listed', async () => {
    await check({ listLabels: () => fail('forbidden', '403') });
    expect(await screen.findByText(/needs a\s+Maintainer/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a failed creation keeps the offer and says why', async () => {
    const section = await check({ listLabels: () => ok([]), createLabels: () => fail('forbidden', '403 Forbidden') });
    await userEvent.click(within(section).getByRole('button', { name: "Create the handbook's labels" }));
    expect(within(section).getByRole('alert').textContent).toMatch(/^Could not create the handbook's labels\..*Creating labels needs a Maintainer\.$/);
    expect(within(section).getByRole('button', { name: "Create the handbook's labels" })).toBeTruthy();
  });
});
