// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelState } from './Panel';
import { clockTime } from './errorContent';
import { makeView } from './fixtures';

afterEach(cleanup);

function field(name: string): string {
  const term = screen.getByText(name, { selector: 'dt' });
  return (term.nextElementSibling as HTMLElement).textContent ?? '';
}

describe('Panel states', () => {
  it('announces loading politely', () => {
    render(<Panel state={{ status: 'loading' }} />);
    const region = screen.getByRole('region', { name: 'Refinery' });
    expect(region.dataset.state).toBe('loading');
    const status = within(region).getByRole('status');
    expect(status).toHaveProperty('textContent', 'Loading issue…');
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('auth: explains and offers to fix the token in options', async () => {
    const onOpenOptions = vi.fn();
    const state: PanelState = { status: 'error', error: { kind: 'auth', message: '401 Unauthorized' }, canRetry: false };
    render(<Panel state={state} forge="gitlab" onOpenOptions={onOpenOptions} onRetry={vi.fn()} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: "Refinery can't sign in to GitLab" })).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Connect / fix your token' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('region').dataset.state).toBe('error');
  });

  it('no-connection: offers to connect this host, naming the forge', async () => {
    const onOpenOptions = vi.fn();
    const state: PanelState = { status: 'error', error: { kind: 'no-connection', message: '' }, canRetry: false };
    render(<Panel state={state} forge="github" onOpenOptions={onOpenOptions} />);
    expect(screen.getByRole('heading', { name: "This GitHub host isn't connected" })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Connect this GitHub host' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('forbidden: read-only notice, keeping data already loaded', () => {
    const view = makeView({ labels: ['workflow::in dev'] });
    const state: PanelState = {
      status: 'error',
      error: { kind: 'forbidden', message: '403 Forbidden', status: 403 },
      canRetry: false,
      view,
    };
    render(<Panel state={state} />);
    expect(screen.getByRole('alert').textContent).toContain('Read-only');
    expect(screen.getByRole('alert').textContent).toContain('403 Forbidden');
    expect(field('Workflow stage')).toBe('in dev');
  });

  it('not-found', () => {
    render(<Panel state={{ status: 'error', error: { kind: 'not-found', message: '404' }, canRetry: false }} />);
    expect(screen.getByRole('heading', { name: 'Issue not found' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('rate-limited: says when to try again', () => {
    const retryAt = new Date(2026, 2, 3, 14, 5).getTime();
    render(<Panel state={{ status: 'error', error: { kind: 'rate-limited', message: '', retryAt }, canRetry: true }} onRetry={vi.fn()} />);
    expect(clockTime(retryAt)).toBe('14:05');
    expect(screen.getByRole('heading', { name: 'Rate limited — try again after 14:05' })).toBeTruthy();
  });

  it('rate-limited without a time still says something useful', () => {
    render(<Panel state={{ status: 'error', error: { kind: 'rate-limited', message: '' }, canRetry: true }} />);
    expect(screen.getByRole('heading', { name: 'Rate limited — try again in a few minutes' })).toBeTruthy();
  });

  it('network: "Network down" with a Retry button', async () => {
    const onRetry = vi.fn();
    render(<Panel state={{ status: 'error', error: { kind: 'network', message: 'fetch failed' }, canRetry: true }} onRetry={onRetry} />);
    expect(screen.getByRole('heading', { name: 'Network down' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('forge (5xx): names the forge and status, with Retry', () => {
    render(
      <Panel
        state={{ status: 'error', error: { kind: 'forge', message: 'Bad gateway', status: 502 }, canRetry: true }}
        forge="gitlab"
        onRetry={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'GitLab had a problem (error 502)' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Bad gateway');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it.each(['invalid', 'unknown'] as const)('%s: shows the message', (kind) => {
    render(<Panel state={{ status: 'error', error: { kind, message: 'The background did not answer' }, canRetry: false }} />);
    expect(screen.getByRole('alert').textContent).toContain('The background did not answer');
    expect(screen.getAllByText('The background did not answer')).toHaveLength(1);
  });
});

describe('Panel ready', () => {
  it('shows the native weight and health when the tier has them', () => {
    const view = makeView(
      { weight: 3, healthStatus: 'needs_attention', labels: ['weight::5', 'health::on track'] },
      { weight: true, healthStatus: true },
    );
    render(<Panel state={{ status: 'ready', view }} />);
    expect(screen.getByRole('region').dataset.state).toBe('ready');
    expect(field('Weight')).toBe('3 (from issue weight)');
    expect(field('Health status')).toBe('Needs attention (from health status)');
  });

  it('falls back to labels without the capability', () => {
    const view = makeView({ weight: null, labels: ['weight::5', 'health::at risk', 'workflow::refinement'] });
    render(<Panel state={{ status: 'ready', view }} />);
    expect(field('Weight')).toBe('5 (from label weight::5)');
    expect(field('Health status')).toBe('At risk (from label health::at risk)');
    expect(field('Workflow stage')).toBe('refinement');
  });

  it('falls back to labels when the native field is empty', () => {
    const view = makeView({ weight: null, labels: ['weight::2'] }, { weight: true });
    render(<Panel state={{ status: 'ready', view }} />);
    expect(field('Weight')).toBe('2 (from label weight::2)');
  });

  it('says what is missing', () => {
    render(<Panel state={{ status: 'ready', view: makeView() }} />);
    expect(field('Weight')).toBe('Not weighted');
    expect(field('Backend weight')).toBe('—');
    expect(field('Frontend weight')).toBe('—');
    expect(field('Workflow stage')).toBe('No workflow label');
    expect(field('Health status')).toBe('Not set');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('where the GitLab namespace has statuses, the workflow stage is the issue’s status, not a label', () => {
    const status = { id: 'gid://gitlab/WorkItems::Statuses::SystemDefined::Status/2', name: 'In progress', category: 'in_progress' as const };
    const base = makeView({ labels: ['workflow::design'] }, { weight: true, statuses: [status] });
    render(<Panel state={{ status: 'ready', view: { ...base, issue: { ...base.issue, status } } }} />);
    expect(field('Workflow stage')).toBe('In progress (from GitLab Status)');
    cleanup();
    render(<Panel state={{ status: 'ready', view: base }} />);
    expect(field('Workflow stage')).toBe('No status');
  });

  it('shows split weights', () => {
    const view = makeView({ labels: ['backend-weight::3', 'frontend-weight::2'] });
    render(<Panel state={{ status: 'ready', view }} />);
    expect(field('Backend weight')).toBe('3');
    expect(field('Frontend weight')).toBe('2');
  });

  it('warns about two labels in one scope instead of picking one', () => {
    const view = makeView({ labels: ['workflow::design', 'bug', 'workflow::in dev', 'weight::1'] });
    render(<Panel state={{ status: 'ready', view }} />);
    expect(field('Workflow stage')).toBe('Conflicting labels: workflow::design, workflow::in dev');
    const note = screen.getByRole('note', { name: 'Label conflicts' });
    expect(note.textContent).toContain('workflow::design and workflow::in dev share the scope “workflow”');
    expect(note.textContent).not.toContain('weight');
  });

  it('reads configured label scopes', () => {
    const view = makeView({ labels: ['estimate::8', 'weight::1'] });
    render(
      <Panel
        state={{ status: 'ready', view }}
        scopes={{ weight: 'estimate', backendWeight: 'be', frontendWeight: 'fe', workflow: 'stage', health: 'h' }}
      />,
    );
    expect(field('Weight')).toBe('8 (from label estimate::8)');
  });
});
