// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { SubIssuesForm, titlesOf } from './SubIssuesForm';
import { fail, makeView, ok } from './testing';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);
beforeEach(() => callMock.mockReset());
afterEach(cleanup);

const parent: IssueRef = { forge: 'github', baseUrl: 'https://github.com', container: 'project', path: 'acme/app', iid: 12, kind: 'issue' };
const child = (iid: number, title: string) => ({ issue: { ...makeView().issue, ref: { ...parent, iid }, title, webUrl: `https://github.com/acme/app/issues/${iid}` }, linked: true, problem: null });
const box = () => screen.getByRole('textbox', { name: 'Sub-issues to create, one title per line' }) as HTMLTextAreaElement;

describe('SubIssuesForm', () => {
  it('reads one title per line, blank lines left out', () => {
    expect(titlesOf(' One \n\n  Two\n ')).toEqual(['One', 'Two']);
  });

  it('a title leaves the box only once its issue exists: after a failure, only the rest is created', async () => {
    callMock.mockResolvedValueOnce(ok(child(40, 'One'))).mockResolvedValueOnce(fail('forge', 'Server Error'));
    render(<SubIssuesForm parent={parent} />);
    await userEvent.type(box(), 'One\nTwo\nThree');
    await userEvent.click(screen.getByRole('button', { name: 'Create 3 sub-issues' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Could not create "Two"'));
    expect(box().value).toBe('Two\nThree');
    callMock.mockResolvedValueOnce(ok(child(41, 'Two'))).mockResolvedValueOnce(ok(child(42, 'Three')));
    await userEvent.click(screen.getByRole('button', { name: 'Create 2 sub-issues' }));
    expect(await screen.findByText('Created 3 sub-issues; weight each one.')).toBeTruthy();
    expect(callMock.mock.calls.map(([, p]) => (p as { title: string }).title)).toEqual(['One', 'Two', 'Two', 'Three']);
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['#40 One', '#41 Two', '#42 Three']);
  });

  it('refuses more than 20 at once', async () => {
    render(<SubIssuesForm parent={parent} />);
    await userEvent.type(box(), Array.from({ length: 21 }, (_, k) => `T${k}`).join('\n'));
    expect(screen.getByText('At most 20 at once.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create 21 sub-issues' }));
    expect(callMock).not.toHaveBeenCalled();
  });
});
