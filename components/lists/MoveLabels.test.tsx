// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Issue, IssueRef, WorkItemStatus } from '@/lib/forge/model';
import { DEFAULT_SETTINGS } from '@/lib/handbook/settings';
import { planStatusMove, type StatusMove } from '@/lib/handbook/workflow/status-move';
import type { IssueView, Result } from '@/lib/messaging';
import { loadLabelMoveJob } from '@/lib/settings/label-move-job';
import { MoveLabels, statusMoveSpec, type LabelMoveSpec } from './MoveLabels';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const IN_PROGRESS: WorkItemStatus = { id: 'gid://s/2', name: 'In progress', category: 'in_progress' };
const DONE: WorkItemStatus = { id: 'gid://s/3', name: 'Done', category: 'done' };
const ref = (iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path: 'g/p', iid, kind: 'issue' });
const issue = (iid: number, labels: string[]): Issue => ({
  ref: ref(iid),
  title: `Item ${iid}`,
  description: '',
  state: 'opened',
  labels,
  weight: null,
  healthStatus: null,
  milestone: null,
  assignees: [],
  type: 'issue',
  webUrl: `https://gitlab.com/g/p/-/issues/${iid}`,
  updatedAt: '2026-01-01T00:00:00Z',
});
const view = (iid: number, labels: string[]): IssueView => ({ issue: issue(iid, labels), capabilities: { weight: true, healthStatus: false, scopedLabels: true, epics: true, statuses: [IN_PROGRESS, DONE] } });
const VIEWS = [view(3, ['workflow::in dev']), view(2, ['workflow::complete']), view(1, ['workflow::design']), view(4, ['backend'])];

/** statusMoveSpec with a background that plans on the list's copy and fails the calls `failing` names once. */
function spec(failing: number[]) {
  const sent: number[] = [];
  const send = vi.fn(async (r: IssueRef): Promise<Result<{ move: StatusMove; issue: Issue }>> => {
    sent.push(r.iid);
    if (failing.includes(r.iid)) {
      failing.splice(failing.indexOf(r.iid), 1);
      return { ok: false, error: { kind: 'forge', message: 'GitLab answered 500.' } };
    }
    const v = VIEWS.find((x) => x.issue.ref.iid === r.iid)!;
    const move = planStatusMove({ labels: v.issue.labels, state: 'opened', status: null, statuses: v.capabilities.statuses }, DEFAULT_SETTINGS);
    return { ok: true, data: { move, issue: v.issue } };
  });
  return { spec: { ...statusMoveSpec, send } satisfies LabelMoveSpec<StatusMove>, sent };
}

describe('MoveLabels (workflow labels to Status)', () => {
  it('previews each issue, moves one at a time, stops at a failure, and resumes after a remount from storage', async () => {
    const failing = [2];
    const { spec: s, sent } = spec(failing);
    const onIssue = vi.fn();
    const first = render(<MoveLabels spec={s} views={VIEWS} settings={DEFAULT_SETTINGS} baseUrl="https://gitlab.com" onIssue={onIssue} />);
    await userEvent.click(screen.getByRole('button', { name: 'Move 2 workflow labels to GitLab Status…' }));
    const panel = screen.getByRole('region', { name: 'Move workflow labels to Status' });
    const lines = within(within(panel).getByRole('list', { name: 'Preview' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      '#3 Item 3: workflow::in dev → status In progress, workflow::in dev removed',
      '#2 Item 2: workflow::complete → status Done (closes the issue), workflow::complete removed',
      '#1 Item 1: left alone: no status maps to "design"',
    ]);
    await userEvent.click(within(panel).getByRole('button', { name: 'Move 2 labels' }));
    expect(await within(panel).findByText(/^Stopped at #2 after 1 of 2: GitLab answered 500\.$/)).toBeTruthy();
    expect((await loadLabelMoveJob('workflow'))?.done).toEqual(['g/p#3']);
    expect(onIssue).toHaveBeenCalledTimes(1);
    first.unmount();

    render(<MoveLabels spec={s} views={VIEWS} settings={DEFAULT_SETTINGS} baseUrl="https://gitlab.com" onIssue={onIssue} />);
    expect(await screen.findByText('Moving workflow labels stopped after 1 of 2 issues.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText('Moved 2 workflow labels to GitLab Status.')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Workflow labels moved' }).getAttribute('value')).toBe('2');
    // #3 once, #2 twice (the failure, then the resume): nothing sent again that was done.
    expect(sent).toEqual([3, 2, 2]);
    expect(await loadLabelMoveJob('workflow')).toBeNull();
  });

  it('offers nothing where the namespace has no statuses, or no issue carries a workflow label', () => {
    const { spec: s } = spec([]);
    const noStatus = VIEWS.map((v) => ({ ...v, capabilities: { ...v.capabilities, statuses: undefined } }));
    render(<MoveLabels spec={s} views={noStatus} settings={DEFAULT_SETTINGS} baseUrl="https://gitlab.com" onIssue={vi.fn()} />);
    render(<MoveLabels spec={s} views={[view(4, ['backend'])]} settings={DEFAULT_SETTINGS} baseUrl="https://gitlab.com" onIssue={vi.fn()} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
