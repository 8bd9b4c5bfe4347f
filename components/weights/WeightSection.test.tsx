// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Issue } from '@/lib/forge/model';
import { mergeSettings } from '@/lib/handbook/settings';
import { call, type IssueView } from '@/lib/messaging';
import { WeightSection } from './WeightSection';
import { answer, gitlabRef, makeView, ok } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

function Host({ initial }: { initial: IssueView }) {
  const [view, setView] = useState(initial);
  return <WeightSection view={view} settings={mergeSettings()} onIssue={(issue: Issue) => setView({ ...view, issue })} />;
}

beforeEach(() => {
  callMock.mockReset();
  answer(callMock, { listLabels: () => ok([]), listMembers: () => ok([]) });
});
afterEach(cleanup);

describe('WeightSection', () => {
  it('"Choose a weight" moves focus into the Weight radio group', async () => {
    render(<Host initial={makeView({ labels: ['workflow::in dev'] })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Choose a weight' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '1 Trivial' }));
  });

  it('"Ask for clarification" opens the Can\'t weight yet form and focuses it', async () => {
    render(<Host initial={makeView({ labels: ['workflow::in dev'] })} />);
    expect(screen.queryByRole('form', { name: "Can't weight yet" })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Ask for clarification' }));
    expect(await screen.findByRole('form', { name: "Can't weight yet" })).toBeTruthy(); // its code loads now
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Needs clarification' }));
  });

  it('epics get the label checks only, no weight controls', () => {
    render(<Host initial={makeView({ labels: ['workflow::design', 'workflow::in dev'] }, {}, { ...gitlabRef, container: 'group', kind: 'epic' })} />);
    expect(screen.getByRole('list', { name: 'Weighting findings' })).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: 'Weight' })).toBeNull();
    expect(screen.queryByRole('button', { name: "Can't weight yet" })).toBeNull();
  });
});
