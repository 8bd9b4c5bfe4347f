// @vitest-environment happy-dom
import { act, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { parsePageUrl } from '@/lib/page';
import { showsList, type ListSourcePage } from '@/lib/page/rows';
import type { FeatureInstance } from '../app/feature';
import { makeView } from '../panel/fixtures';
import { listFeature } from './listFeature';

vi.mock('@/lib/messaging', () => ({ call: vi.fn() }));
const callMock = vi.mocked(call);

/** The forge's issues in this test: `path#iid` → labels and weight field. */
const FORGE: Record<string, { labels: string[]; weight: number | null }> = {
  'acme/platform/backend#4': { labels: ['workflow::ready for development'], weight: null },
  'acme/platform/frontend#5': { labels: ['workflow::planning breakdown'], weight: 5 },
  'acme/platform/backend#2': { labels: ['workflow::ready for development'], weight: 3 },
};
const asked: string[][] = [];
callMock.mockImplementation((async (_m: string, { refs }: { refs: IssueRef[] }) => {
  asked.push(refs.map((r) => `${r.path}#${r.iid}`));
  return { ok: true, data: { issues: refs.map((r) => makeView(FORGE[`${r.path}#${r.iid}`] ?? { labels: [], weight: 1 }, { weight: true }, r)), missing: [] } };
}) as never);

const EPIC = (() => {
  const p = parsePageUrl('https://gitlab.com/groups/acme/platform/-/epics/2', [])!;
  if (!showsList(p)) throw new Error('an epic page shows a list');
  return p;
})();

const child = (id: string, href: string) =>
  `<li id="${id}" class="tree-item"><div data-testid="links-child" class="item-body"><div class="item-title"><a href="${href}" class="gl-link">Child ${id}</a></div></div></li>`;
const epicDom = (items: string) =>
  `<div id="desc" data-testid="work-item-description-wrapper"></div><section id="tree" data-testid="work-item-tree"><div data-testid="crud-body"><ul id="children">${items}</ul></div></section>`;

let instance: FeatureInstance<ListSourcePage> | undefined;
afterEach(() => {
  act(() => instance?.stop());
  instance = undefined;
  document.body.innerHTML = '';
  asked.length = 0;
});

const summaryHost = () => document.querySelector<HTMLElement>('[data-refinery="summary"]');
const summary = () => within(summaryHost()!.shadowRoot as unknown as HTMLElement);
const badgeLabel = (rowId: string) =>
  document.querySelector(`#${rowId} [data-refinery="badge"]`)?.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? null;

describe('the lists feature on a GitLab epic page', () => {
  it('badges the child issues of every project from one read, and sums them up right above the child items', async () => {
    document.body.innerHTML = epicDom(
      child('b4', '/acme/platform/backend/-/issues/4') + child('e3', '/groups/acme/platform/-/epics/3') + child('f5', '/acme/platform/frontend/-/issues/5'),
    );
    await act(async () => {
      instance = listFeature.start(EPIC);
    });
    await vi.waitFor(() => expect(badgeLabel('f5')).toBe('#5 weight check: Over 3: break down'));
    expect(badgeLabel('b4')).toBe('#4 weight check: No weight, ready for development');
    expect(document.querySelector('#e3 [data-refinery="badge"]')).toBeNull();
    expect(asked).toEqual([['acme/platform/backend#4', 'acme/platform/frontend#5']]);

    expect(summaryHost()!.previousElementSibling?.id).toBe('desc');
    expect(summaryHost()!.nextElementSibling?.id).toBe('tree');
    await vi.waitFor(() => expect(summary().getByRole('status').textContent).toBe('2 issues checked.'));
    expect(summary().getByRole('region').textContent).toContain('Total weight 5');
    expect(summary().getByRole('button', { name: 'Show only the 1 issues ready for development without a weight' })).toBeTruthy();
  });

  it('waits for the child items to load, then reads only the children that appear later', async () => {
    document.body.innerHTML = '<div id="desc" data-testid="work-item-description-wrapper"></div>';
    await act(async () => {
      instance = listFeature.start(EPIC);
    });
    expect(summaryHost()).toBeNull();

    document.body.insertAdjacentHTML('beforeend', epicDom(child('b4', '/acme/platform/backend/-/issues/4')));
    await vi.waitFor(() => expect(badgeLabel('b4')).not.toBeNull());
    await vi.waitFor(() => expect(summaryHost()?.nextElementSibling?.id).toBe('tree'));

    document.getElementById('children')!.insertAdjacentHTML('beforeend', child('b2', '/acme/platform/backend/-/issues/2'));
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual(['acme/platform/backend#2']);
    await vi.waitFor(() => expect(summary().getByRole('status').textContent).toBe('2 issues checked.'));
    expect(badgeLabel('b2')).toBeNull();
  });

  it('shows no bar and asks nothing when the epic’s children are all epics', async () => {
    document.body.innerHTML = epicDom(child('e3', '/groups/acme/platform/-/epics/3') + child('e4', '/groups/acme/platform/-/work_items/4'));
    await act(async () => {
      instance = listFeature.start(EPIC);
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(summaryHost()).toBeNull();
    expect(document.querySelector('[data-refinery="badge"]')).toBeNull();
    expect(asked).toEqual([]);
  });
});
