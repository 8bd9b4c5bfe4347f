// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useCallback, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Issue } from '@/lib/forge/model';
import { DEFAULT_SETTINGS } from '@/lib/handbook/settings';
import { call, type IssueView } from '@/lib/messaging';
import { answer, deferred, makeView, ok, withIssue } from '@/components/weights/testing';
import { SidebarSection } from './SidebarSection';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);
afterEach(() => {
  cleanup();
  callMock.mockReset();
});

function Host({ view: initial, onFullPanel = () => undefined }: { view: IssueView; onFullPanel?: (open: boolean) => void }) {
  const [view, setView] = useState(initial);
  const [full, setFull] = useState(false);
  const onIssue = useCallback((issue: Issue) => setView((v) => ({ ...v, issue })), []);
  return (
    <SidebarSection
      view={view}
      settings={DEFAULT_SETTINGS}
      onIssue={onIssue}
      fullPanel={full}
      onFullPanel={(o) => {
        setFull(o);
        onFullPanel(o);
      }}
    />
  );
}

const section = () => screen.getByRole('region', { name: 'Refinery' });
const rowValue = (name: string) => {
  const dt = within(section()).getByText(name, { selector: 'dt' });
  return dt.parentElement!.querySelector('.sb-value')!.textContent;
};

describe('the sidebar section', () => {
  it("shows the weight with its meaning, split weight, stage and health, like the forge's rows", () => {
    render(
      <Host
        view={makeView({ labels: ['weight::3', 'backend-weight::2', 'frontend-weight::3', 'workflow::in dev', 'health::at_risk'] })}
      />,
    );
    expect(rowValue('Weight')).toBe('3 · Medium');
    expect(rowValue('Split weight')).toBe('backend 2 · frontend 3');
    expect(rowValue('Workflow stage')).toBe('in dev');
    expect(rowValue('Health')).toBe('At risk');
    for (const name of ['Edit weight', 'Edit split weight', 'Edit workflow stage', 'Edit health']) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-haspopup')).toBe('listbox');
    }
  });

  it('leaves out the split row without a split weight and says None for unset values', () => {
    render(<Host view={makeView({ labels: [] })} />);
    expect(within(section()).queryByText('Split weight')).toBeNull();
    expect(rowValue('Weight')).toBe('None');
    expect(rowValue('Health')).toBe('None');
  });

  it('edits with the keyboard alone: the picker opens on the current value, arrows move, Enter writes once, focus goes back', async () => {
    const view = makeView({ labels: ['weight::2', 'workflow::ready for development'] });
    const write = deferred<ReturnType<typeof ok>>();
    answer(callMock, { setWeight: () => write.promise as never });
    render(<Host view={view} />);
    const edit = screen.getByRole('button', { name: 'Edit weight' });
    fireEvent.click(edit);
    const list = screen.getByRole('listbox', { name: 'Weight' });
    await waitFor(() => expect(list.ownerDocument.activeElement).toBe(list));
    const active = () => list.ownerDocument.getElementById(list.getAttribute('aria-activedescendant')!)!;
    expect(active().textContent).toContain('2 · Small');
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain('2 · Small');
    expect(active().textContent).toContain('confidence ≥ 75 %');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(active().textContent).toContain('3 · Medium');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(edit.ownerDocument.activeElement).toBe(edit);
    expect(rowValue('Weight')).toBe('3 · Medium');
    expect(callMock).toHaveBeenCalledTimes(1);
    expect(callMock).toHaveBeenCalledWith('setWeight', { ref: view.issue.ref, weight: 3 });
    await act(async () => write.resolve(ok({ via: 'label', issue: withIssue(view, { labels: ['weight::3', 'workflow::ready for development'] }) })));
    expect(rowValue('Weight')).toBe('3 · Medium');
    expect(screen.getByRole('status').textContent).toBe('Saved: 3 · Medium');
    expect(callMock).toHaveBeenCalledTimes(1);
  });

  it('Escape closes without writing, and picking the current value writes nothing', () => {
    render(<Host view={makeView({ labels: ['weight::2'] })} />);
    const edit = screen.getByRole('button', { name: 'Edit weight' });
    fireEvent.click(edit);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(edit.ownerDocument.activeElement).toBe(edit);
    fireEvent.click(edit);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Enter' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(callMock).not.toHaveBeenCalled();
  });

  it('a click on an option picks it; health and stage write through their own methods', async () => {
    const view = makeView({ labels: ['weight::2'] });
    answer(callMock, {
      setHealthStatus: () => ok({ via: 'label', issue: withIssue(view, { labels: ['weight::2', 'health::on_track'] }) }),
      changeLabels: () => ok(withIssue(view, { labels: ['weight::2', 'health::on_track', 'workflow::in dev'] })),
    });
    render(<Host view={view} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit health' }));
    fireEvent.click(screen.getByRole('option', { name: /On track/ }));
    await waitFor(() => expect(rowValue('Health')).toBe('On track'));
    expect(callMock).toHaveBeenCalledWith('setHealthStatus', { ref: view.issue.ref, status: 'on_track' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit workflow stage' }));
    fireEvent.click(screen.getByRole('option', { name: 'in dev' }));
    await waitFor(() => expect(rowValue('Workflow stage')).toBe('in dev'));
    expect(callMock).toHaveBeenCalledWith('changeLabels', { ref: view.issue.ref, change: { add: ['workflow::in dev'], remove: [] } });
  });

  it('the split picker has a list per side; Tab goes from one to the other', async () => {
    const view = makeView({ labels: ['weight::3', 'backend-weight::2', 'frontend-weight::1'] });
    answer(callMock, {
      setSplitWeight: () => ok({ via: 'label', issue: withIssue(view, { labels: ['weight::3', 'backend-weight::2', 'frontend-weight::2'] }) }),
    });
    render(<Host view={view} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit split weight' }));
    const front = screen.getByRole('listbox', { name: 'Frontend weight' });
    expect(screen.getByRole('listbox', { name: 'Backend weight' })).toBeTruthy();
    fireEvent.keyDown(front, { key: 'ArrowDown' });
    fireEvent.keyDown(front, { key: 'Enter' });
    await waitFor(() => expect(rowValue('Split weight')).toBe('backend 2 · frontend 2'));
    expect(callMock).toHaveBeenCalledWith('setSplitWeight', { ref: view.issue.ref, side: 'frontend', weight: 2 });
  });

  it('shows one line per finding with its fix, which writes once; a fix that needs a form opens the full panel', async () => {
    const view = makeView({ labels: ['workflow::in dev', 'workflow::in review', 'weight::2'] });
    answer(callMock, { changeLabels: () => ok(withIssue(view, { labels: ['workflow::in review', 'weight::2'] })) });
    render(<Host view={view} />);
    const findings = screen.getByRole('list', { name: 'Handbook checks' });
    const item = within(findings).getAllByRole('listitem')[0]!;
    const fix = within(item).getByRole('button');
    fireEvent.click(fix);
    fireEvent.click(fix);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved: /));
    expect(callMock).toHaveBeenCalledTimes(1);
    expect(callMock.mock.calls[0]![0]).toBe('changeLabels');
    cleanup();
    const onFull = vi.fn();
    render(<Host view={makeView({ labels: ['weight::5'] })} onFullPanel={onFull} />);
    fireEvent.click(within(screen.getByRole('list', { name: 'Handbook checks' })).getByRole('button', { name: 'Break down' }));
    expect(onFull).toHaveBeenCalledWith(true);
  });

  it('a failed write says so and the row shows the old value again', async () => {
    const view = makeView({ labels: ['weight::2'] });
    answer(callMock, { setWeight: () => ({ ok: false, error: { kind: 'forbidden', message: 'nope' } }) });
    render(<Host view={view} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit weight' }));
    fireEvent.click(screen.getByRole('option', { name: /1 · Trivial/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Could not save the weight'));
    expect(rowValue('Weight')).toBe('2 · Small');
  });

  it('"Open Refinery" asks for the full panel and says when it is open', () => {
    const onFull = vi.fn();
    render(<Host view={makeView()} onFullPanel={onFull} />);
    const open = screen.getByRole('button', { name: 'Open Refinery' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    expect(onFull).toHaveBeenCalledWith(true);
    expect(screen.getByRole('button', { name: 'Close full panel' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('the picker popover', () => {
  it('a click on Edit while its picker is open closes it, focus on Edit', () => {
    render(<Host view={makeView({ labels: ['weight::2'] })} />);
    const edit = screen.getByRole('button', { name: 'Edit weight' });
    fireEvent.click(edit);
    expect(screen.getByRole('listbox')).toBeTruthy();
    expect(edit.getAttribute('aria-expanded')).toBe('true');
    fireEvent.mouseDown(edit);
    fireEvent.click(edit);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(edit.ownerDocument.activeElement).toBe(edit);
    expect(callMock).not.toHaveBeenCalled();
  });
});
