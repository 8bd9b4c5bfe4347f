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

const createCalls = () => callMock.mock.calls.filter(([m]) => m === 'createLabels').map(([, p]) => p as { level: string; labels: LabelDef[] });

beforeEach(() => {
  callMock.mockReset();
});
afterEach(cleanup);

describe('HandbookLabels', () => {
  it('offers the missing labels, how many and which', async () => {
    const have = all.filter((l) => !['spike', 'security'].includes(l.name));
    setup({ listLabels: () => ok(have) });
    const section = await screen.findByRole('region', { name: 'Handbook labels' });
    expect(section.textContent).toContain('This project lacks 2 of the handbook');
    const list = within(section).getAllByRole('listitem').map((li) => li.textContent);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(/^ spike — /);
    expect(within(section).getByRole('button', { name: "Create the handbook's labels" })).toBeTruthy();
  });

  it('GitLab: creates them at the chosen level and reports the counts', async () => {
    const view = makeView();
    const expected = missingLabels([], 'gitlab', view.capabilities, DEFAULT_SETTINGS);
    setup(
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
    const section = await screen.findByRole('region', { name: 'Handbook labels' });
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
    setup({ listLabels: () => ok(all.filter((l) => !l.name.startsWith('weight::'))), createLabels: () => ok({ created: ['x'], existing: [], failed: [] }) }, makeView({}, {}, githubRef));
    const section = await screen.findByRole('region', { name: 'Handbook labels' });
    expect(within(section).queryByRole('radiogroup')).toBeNull();
    await userEvent.click(within(section).getByRole('button', { name: "Create the handbook's labels" }));
    expect(createCalls()[0]!.level).toBe('project');
    expect(createCalls()[0]!.labels.map((l) => l.name)).toEqual(['weight::1', 'weight::2', 'weight::3', 'weight::5']);
  });

  it('says nothing when nothing is missing', async () => {
    setup({ listLabels: () => ok(all) });
    await act(async () => undefined);
    expect(callMock).toHaveBeenCalledWith('listLabels', expect.anything());
    expect(screen.queryByRole('region', { name: 'Handbook labels' })).toBeNull();
  });

  it('explains that a Maintainer is needed when labels cannot be listed', async () => {
    setup({ listLabels: () => fail('forbidden', '403') });
    expect(await screen.findByText(/needs a\s+Maintainer/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a failed creation keeps the offer and says why', async () => {
    setup({ listLabels: () => ok([]), createLabels: () => fail('forbidden', '403 Forbidden') });
    const section = await screen.findByRole('region', { name: 'Handbook labels' });
    await userEvent.click(within(section).getByRole('button', { name: "Create the handbook's labels" }));
    expect(within(section).getByRole('alert').textContent).toMatch(/^Could not create the handbook's labels\..*Creating labels needs a Maintainer\.$/);
    expect(within(section).getByRole('button', { name: "Create the handbook's labels" })).toBeTruthy();
  });
});
