// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IssueRef } from '@/lib/forge/model';
import type { IssueView, Response, Result } from '@/lib/messaging';
import { parsePageUrl } from '@/lib/page';
import type { ListLikePage } from '@/lib/page/rows';
import { makeView } from '../panel/fixtures';
import { HIDDEN_ATTR, ListController, type ListCall, type ListState } from './controller';

const PAGE = parsePageUrl('https://gitlab.com/g/p/-/issues', []) as ListLikePage;
const BOARD = parsePageUrl('https://gitlab.com/g/p/-/boards/1', []) as ListLikePage;

const ref = (iid: number, path = 'g/p'): IssueRef => ({ forge: 'gitlab', baseUrl: 'https://gitlab.com', container: 'project', path, iid, kind: 'issue' });

/** The forge's issues in this test, by iid: labels and weight (Premium: the weight field). */
const FORGE: Record<number, { labels: string[]; weight: number | null }> = {
  1: { labels: ['workflow::in dev'], weight: 2 },
  4: { labels: ['workflow::ready for development'], weight: null },
  5: { labels: ['workflow::planning breakdown'], weight: 5 },
  8: { labels: ['workflow::in dev', 'workflow::in review'], weight: 2 },
};
const viewOf = (r: IssueRef): IssueView => {
  const known = FORGE[r.iid] ?? { labels: ['workflow::design'], weight: 1 };
  return makeView({ labels: known.labels, weight: known.weight }, { weight: true }, r);
};

function fakeCall(opts: { missing?: number[]; fail?: () => Result<never> | null } = {}) {
  const calls: number[][] = [];
  const fn = vi.fn(async (_m: 'listIssues', { refs }: { refs: IssueRef[] }): Promise<Result<Response<'listIssues'>>> => {
    calls.push(refs.map((r) => r.iid));
    const failure = opts.fail?.();
    if (failure) return failure;
    const missing = refs.filter((r) => opts.missing?.includes(r.iid));
    return { ok: true, data: { issues: refs.filter((r) => !missing.includes(r)).map(viewOf), missing } };
  });
  return { call: fn as unknown as ListCall, calls };
}

const row = (iid: number, path = 'g/p') =>
  `<li class="issue" data-testid="issuable-item-wrapper" id="row-${iid}"><div data-testid="issuable-title"><a data-testid="issuable-title-link" href="/${path}/-/issues/${iid}">Issue ${iid}</a></div></li>`;

let controller: ListController | null = null;
afterEach(() => {
  controller?.stop();
  controller = null;
  document.body.innerHTML = '';
});

function setup(iids: number[], opts: Parameters<typeof fakeCall>[0] & { page?: ListLikePage } = {}) {
  document.body.innerHTML = `<ul id="list">${iids.map((n) => row(n)).join('')}</ul>`;
  const fake = fakeCall(opts);
  const states: ListState[] = [];
  const opened: IssueView[] = [];
  controller = new ListController({
    page: opts.page ?? PAGE,
    root: document,
    call: fake.call,
    theme: 'light',
    settleMs: 0,
    onState: (s) => states.push(s),
    onOpen: (view) => opened.push(view),
  });
  controller.scan();
  return { ...fake, states, opened, last: () => states[states.length - 1]!, c: controller };
}

const badgeOf = (iid: number) => document.querySelector(`#row-${iid} [data-refinery="badge"]`) as HTMLElement | null;
const buttonOf = (iid: number) => badgeOf(iid)?.shadowRoot?.querySelector('button') ?? null;
const settled = (s: () => ListState) => vi.waitFor(() => expect(s().pending).toBe(0));

describe('ListController', () => {
  it('reads every issue of the page in one request and badges the ones with findings, right after the title', async () => {
    const t = setup([1, 4, 5, 8]);
    await settled(t.last);
    expect(t.calls).toEqual([[1, 4, 5, 8]]);
    expect(badgeOf(1)).toBeNull();
    expect(buttonOf(4)!.getAttribute('aria-label')).toBe('#4 weight check: No weight, ready for development');
    expect(buttonOf(5)!.getAttribute('aria-label')).toBe('#5 weight check: Over 3: break down');
    expect(buttonOf(8)!.getAttribute('aria-label')).toBe('#8 weight check: 2 workflow labels');
    expect(badgeOf(4)!.previousElementSibling?.getAttribute('data-testid')).toBe('issuable-title-link');
    expect(t.last().figures).toEqual({ count: 4, totalWeight: 9, unweighted: 1, oversized: 1, readyWithoutWeight: 1 });
  });

  it('reads only new rows when more appear, and nothing when the same issues come back', async () => {
    const t = setup([1, 4]);
    await settled(t.last);
    document.getElementById('list')!.insertAdjacentHTML('beforeend', row(5) + row(8));
    t.c.scan();
    await settled(t.last);
    expect(t.calls).toEqual([[1, 4], [5, 8]]);
    // In-page navigation back to rows already known: their badges come back without a request.
    document.getElementById('list')!.innerHTML = row(4) + row(1);
    t.c.scan();
    await settled(t.last);
    expect(t.calls).toHaveLength(2);
    expect(buttonOf(4)).not.toBeNull();
  });

  it('asks for an issue shown twice once (a board with the issue in two lists)', async () => {
    document.body.innerHTML = `<div><ul><li data-testid="board-card" data-item-iid="8" data-item-path="g/p#8" id="a"><a data-testid="board-card-title-link" href="/g/p/-/issues/8">8</a></li></ul>
      <ul><li data-testid="board-card" data-item-iid="8" data-item-path="g/p#8" id="b"><a data-testid="board-card-title-link" href="/g/p/-/issues/8">8</a></li></ul></div>`;
    const fake = fakeCall();
    const states: ListState[] = [];
    controller = new ListController({ page: BOARD, root: document, call: fake.call, theme: 'light', settleMs: 0, onState: (s) => states.push(s), onOpen: () => undefined });
    controller.scan();
    await settled(() => states[states.length - 1]!);
    expect(fake.calls).toEqual([[8]]);
    expect(document.querySelectorAll('[data-refinery="badge"]')).toHaveLength(2);
    expect(states[states.length - 1]!.issues).toBe(1);
  });

  it('splits a long page into requests of 100, one after the other', async () => {
    const t = setup(Array.from({ length: 150 }, (_, k) => 100 + k));
    await settled(t.last);
    expect(t.calls.map((c) => c.length)).toEqual([100, 50]);
    expect(t.c.state().figures.count).toBe(150);
  });

  it('lists what the token cannot read, and badges the rest', async () => {
    const t = setup([4, 7], { missing: [7] });
    await settled(t.last);
    expect(t.last().missing.map((r) => r.iid)).toEqual([7]);
    expect(badgeOf(7)).toBeNull();
    expect(badgeOf(4)).not.toBeNull();
  });

  it('after a rate limit, keeps what it knows, reads nothing until told, and then reads what failed', async () => {
    let limited = false;
    const retryAt = Date.now() + 60 * 60_000;
    const t = setup([4], { fail: () => (limited ? { ok: false, error: { kind: 'rate-limited', message: 'Rate limited', retryAt } } : null) });
    await settled(t.last);
    limited = true;
    document.getElementById('list')!.insertAdjacentHTML('beforeend', row(5));
    t.c.scan();
    await vi.waitFor(() => expect(t.last().failed).toMatchObject({ count: 1, error: { kind: 'rate-limited' } }));
    expect(badgeOf(4)).not.toBeNull();
    document.getElementById('list')!.insertAdjacentHTML('beforeend', row(8));
    t.c.scan();
    await vi.waitFor(() => expect(t.last().failed?.count).toBe(2));
    expect(t.calls).toEqual([[4], [5]]);
    limited = false;
    t.c.retry();
    await settled(t.last);
    expect(t.calls).toEqual([[4], [5], [5, 8]]);
    expect(t.last().failed).toBeNull();
    expect(badgeOf(5)).not.toBeNull();
  });

  it('filters rows with an attribute it takes back again', async () => {
    const t = setup([1, 4, 5]);
    await settled(t.last);
    t.c.setFilter('oversized');
    const hidden = () => [...document.querySelectorAll(`[${HIDDEN_ATTR}]`)].map((e) => e.id);
    expect(hidden()).toEqual(['row-1', 'row-4']);
    expect(t.last().shown).toBe(1);
    expect(document.querySelector('style[data-refinery="lists-filter"]')).not.toBeNull();
    t.c.setFilter('unweighted');
    expect(hidden()).toEqual(['row-1', 'row-5']);
    t.c.setFilter(null);
    expect(hidden()).toEqual([]);
  });

  it('updates a badge from a write’s answer without reading again', async () => {
    const t = setup([4]);
    await settled(t.last);
    t.c.updateIssue({ ...viewOf(ref(4)).issue, weight: 2 });
    expect(badgeOf(4)).toBeNull();
    expect(t.last().figures).toMatchObject({ totalWeight: 2, readyWithoutWeight: 0 });
    expect(t.calls).toHaveLength(1);
  });

  it('shows a quiet weight chip on healthy issues when asked to', async () => {
    const t = setup([1]);
    await settled(t.last);
    expect(badgeOf(1)).toBeNull();
    t.c.setQuietChip(true);
    expect(buttonOf(1)!.getAttribute('aria-label')).toBe('#1 weight 2: no weighting problems');
    expect(buttonOf(1)!.textContent).toBe('⚖ 2');
  });

  it('opens the picker for the badge’s issue, and leaves the page as it was when stopped', async () => {
    const t = setup([4, 5]);
    await settled(t.last);
    buttonOf(5)!.click();
    expect(t.opened.map((v) => v.issue.ref.iid)).toEqual([5]);
    t.c.setFilter('oversized');
    t.c.stop();
    controller = null;
    expect(document.querySelectorAll('[data-refinery]')).toHaveLength(0);
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
  });

  it('re-inserts a badge the host app dropped when it re-rendered the title', async () => {
    const t = setup([4]);
    await settled(t.last);
    const title = document.querySelector('#row-4 [data-testid="issuable-title"]')!;
    title.innerHTML = '<a data-testid="issuable-title-link" href="/g/p/-/issues/4">Issue 4 renamed</a>';
    t.c.scan();
    expect(badgeOf(4)?.previousElementSibling?.textContent).toBe('Issue 4 renamed');
    expect(document.querySelectorAll('[data-refinery="badge"]')).toHaveLength(1);
  });
});
