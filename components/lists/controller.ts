// The lists feature's engine, without React: finds the issue rows, reads their issues in bulk (≤100 per request, one
// request at a time, each issue once per page), judges them with the handbook's rules, keeps a badge next to each title,
// filters rows on request, and reports the figures for the summary bar. Everything it adds to the page can be removed.
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { Issue, IssueRef } from '@/lib/forge/model';
import { judgeIssue, listFigures, matchesFilter, type IssueVerdict, type ListFigures, type ListFilter } from '@/lib/handbook/plan/list-figures';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/handbook/settings';
import type { IssueView, Response, Result } from '@/lib/messaging';
import { findIssueRows, type IssueRow, type ListLikePage, type RowCache } from '@/lib/page/rows';
import type { Theme } from '../shadow/mountShadowUi';
import { createBadge, type Badge, type BadgeModel } from './badge';

export const MAX_BATCH = 100;
/** Rows render over a few frames: wait this long for the rest before asking, so one page costs one request. */
const SETTLE_MS = 120;
/** Longest wait for an automatic retry after a rate limit; longer ones wait for "Try again". */
const MAX_AUTO_RETRY_MS = 10 * 60_000;
export const HIDDEN_ATTR = 'data-refinery-hidden';

export type ListCall = (method: 'listIssues', params: { refs: IssueRef[] }) => Promise<Result<Response<'listIssues'>>>;

type Entry =
  | { status: 'pending'; ref: IssueRef }
  | { status: 'loaded'; ref: IssueRef; view: IssueView; verdict: IssueVerdict }
  | { status: 'missing'; ref: IssueRef }
  | { status: 'failed'; ref: IssueRef; error: ForgeErrorData };

export interface ListState {
  /** Issues shown on the page (a board may show one issue twice: counted once). */
  issues: number;
  figures: ListFigures;
  /** Issues on the page still being read. */
  pending: number;
  /** On the page, but they do not exist or the token cannot read them. */
  missing: IssueRef[];
  failed: { count: number; error: ForgeErrorData } | null;
  filter: ListFilter | null;
  /** Rows the filter leaves visible. */
  shown: number;
  /** The rows belong to several projects (a group list, a search): references need their project. */
  spansProjects: boolean;
}

export interface ListControllerOptions {
  page: ListLikePage;
  root: Document;
  call: ListCall;
  theme: Theme;
  onState(state: ListState): void;
  /** A badge was activated: open the weight picker for this issue. */
  onOpen(view: IssueView, badge: HTMLElement, row: HTMLElement): void;
  settleMs?: number;
}

interface Placed {
  badge: Badge;
  key: string;
  title: HTMLElement;
  model: string;
}

export const issueKey = (r: { path: string; iid: number }): string => `${r.path.toLowerCase()}#${r.iid}`;

export class ListController {
  private page: ListLikePage;
  private settings: Readonly<Settings> = DEFAULT_SETTINGS;
  private quietChip = false;
  private theme: Theme;
  private readonly entries = new Map<string, Entry>();
  private rows: (IssueRow & { key: string })[] = [];
  private readonly placed = new Map<HTMLElement, Placed>();
  private readonly rowCache: RowCache = new WeakMap();
  private readonly hidden = new Set<HTMLElement>();
  private filter: ListFilter | null = null;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing = false;
  private stopped = false;
  /** While rate limited: new rows are not read before this (epoch ms) unless the user asks. */
  private blocked: ForgeErrorData | null = null;
  private style: HTMLStyleElement | null = null;

  constructor(private readonly o: ListControllerOptions) {
    this.page = o.page;
    this.theme = o.theme;
  }

  /** Another page of the same kind (in-page navigation): what is known stays known. */
  setPage(page: ListLikePage): void {
    this.page = page;
    this.scan();
  }

  setSettings(settings: Readonly<Settings>): void {
    this.settings = settings;
    for (const [key, e] of this.entries) {
      if (e.status === 'loaded') this.entries.set(key, { ...e, verdict: judgeIssue(e.view, settings) });
    }
    this.render();
  }

  setQuietChip(on: boolean): void {
    this.quietChip = on;
    this.render();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    for (const p of this.placed.values()) p.badge.setTheme(theme);
  }

  setFilter(filter: ListFilter | null): void {
    this.filter = filter;
    this.render();
  }

  /** A write returned the issue as the forge now has it: no need to read it again. */
  updateIssue(issue: Issue): void {
    const key = issueKey(issue.ref);
    const e = this.entries.get(key);
    if (e?.status !== 'loaded') return;
    const view = { ...e.view, issue };
    this.entries.set(key, { ...e, view, verdict: judgeIssue(view, this.settings) });
    this.render();
  }

  /** The issues shown on the page that have been read, in page order, and the settings they were judged with. */
  loadedViews(): { views: IssueView[]; settings: Readonly<Settings> } {
    const keys = [...new Set(this.rows.map((r) => r.key))];
    const views = keys.flatMap((k) => {
      const e = this.entries.get(k);
      return e?.status === 'loaded' ? [e.view] : [];
    });
    return { views, settings: this.settings };
  }

  /** Reads again what failed (not what is missing: the token still could not read it). */
  retry(): void {
    clearTimeout(this.retryTimer);
    this.blocked = null;
    for (const [key, e] of this.entries) if (e.status === 'failed') this.entries.set(key, { status: 'pending', ref: e.ref });
    this.render();
    this.schedule(0);
  }

  /** The issue rows found on the page by the last scan. */
  rowsOnPage(): readonly IssueRow[] {
    return this.rows;
  }

  /** Looks for rows; new issues are read after the page settles. */
  scan(): void {
    if (this.stopped) return;
    this.rows = findIssueRows(this.o.root, this.page, this.rowCache).map((r) => ({ ...r, key: issueKey(r) }));
    let added = false;
    for (const r of this.rows) {
      if (this.entries.has(r.key)) continue;
      const ref: IssueRef = { forge: this.page.forge, baseUrl: this.page.baseUrl, container: 'project', path: r.path, iid: r.iid, kind: 'issue' };
      this.entries.set(r.key, { status: 'pending', ref });
      added = true;
    }
    this.render();
    if (added) this.schedule(this.o.settleMs ?? SETTLE_MS);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.settle);
    clearTimeout(this.retryTimer);
    for (const p of this.placed.values()) p.badge.remove();
    this.placed.clear();
    for (const row of this.hidden) row.removeAttribute(HIDDEN_ATTR);
    this.hidden.clear();
    this.style?.remove();
  }

  private schedule(ms: number): void {
    if (this.flushing) return; // the running flush picks new issues up when it is done
    clearTimeout(this.settle);
    this.settle = setTimeout(() => void this.flush(), ms);
  }

  /** Pending issues on the page, in page order, 100 per request, one request at a time. */
  private async flush(): Promise<void> {
    if (this.flushing || this.stopped) return;
    this.flushing = true;
    try {
      for (;;) {
        const onPage = new Set(this.rows.map((r) => r.key));
        const batch = [...onPage].flatMap((k) => {
          const e = this.entries.get(k);
          return e?.status === 'pending' ? [e.ref] : [];
        });
        if (batch.length === 0) break;
        if (this.blocked?.retryAt !== undefined && this.blocked.retryAt > Date.now()) {
          this.fail(this.blocked);
          break;
        }
        const refs = batch.slice(0, MAX_BATCH);
        const answer = await this.o.call('listIssues', { refs });
        if (this.stopped) return;
        if (!answer.ok) {
          this.fail(answer.error);
          break;
        }
        for (const view of answer.data.issues) {
          this.entries.set(issueKey(view.issue.ref), { status: 'loaded', ref: view.issue.ref, view, verdict: judgeIssue(view, this.settings) });
        }
        for (const ref of answer.data.missing) this.entries.set(issueKey(ref), { status: 'missing', ref });
        this.render();
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Nothing more is read until the user (or, for a short rate limit, the clock) says so: no hammering. */
  private fail(error: ForgeErrorData): void {
    for (const [key, e] of this.entries) if (e.status === 'pending') this.entries.set(key, { status: 'failed', ref: e.ref, error });
    if (error.kind === 'rate-limited' && error.retryAt !== undefined && this.blocked === null) {
      this.blocked = error;
      const wait = error.retryAt - Date.now();
      if (wait <= MAX_AUTO_RETRY_MS) this.retryTimer = setTimeout(() => this.retry(), Math.max(0, wait) + 500);
    }
    this.render();
  }

  private modelFor(r: IssueRow & { key: string }): BadgeModel | null {
    const e = this.entries.get(r.key);
    if (e?.status !== 'loaded') return null;
    const { verdict } = e;
    const first = verdict.badge[0];
    if (first) {
      const more = verdict.badge.length > 1 ? ` +${verdict.badge.length - 1}` : '';
      return { tone: first.severity, text: `${first.short}${more}`, label: `#${r.iid} weight check: ${verdict.label}` };
    }
    if (!this.quietChip) return null;
    const w = verdict.load.weight;
    return { tone: 'quiet', text: `⚖ ${w ?? '–'}`, label: `#${r.iid} weight ${w ?? 'not set'}: no weighting problems` };
  }

  private render(): void {
    if (this.stopped) return;
    const live = new Set(this.rows.map((r) => r.row));
    for (const [row, p] of this.placed) {
      if (!live.has(row) || !row.isConnected) {
        p.badge.remove();
        this.placed.delete(row);
      }
    }
    const stopClicks = this.page.type !== 'board';
    for (const r of this.rows) {
      const model = this.modelFor(r);
      const was = this.placed.get(r.row);
      if (!model) {
        was?.badge.remove();
        this.placed.delete(r.row);
        continue;
      }
      const json = JSON.stringify(model);
      if (was && was.key === r.key && was.title === r.title && r.title.nextElementSibling === was.badge.host) {
        // Touch the page only when something changed: our own insertions must not feed the DOM watcher forever.
        if (was.model !== json) {
          was.badge.update(model);
          was.model = json;
        }
        continue;
      }
      was?.badge.remove();
      const row = r.row;
      const key = r.key;
      const badge = createBadge(model, this.theme, (host) => this.open(key, host, row), stopClicks);
      r.title.after(badge.host);
      this.placed.set(row, { badge, key, title: r.title, model: json });
    }
    this.applyFilter();
    this.o.onState(this.state());
  }

  private open(key: string, host: HTMLElement, row: HTMLElement): void {
    const e = this.entries.get(key);
    if (e?.status === 'loaded') this.o.onOpen(e.view, host, row);
  }

  private applyFilter(): void {
    const keep = (key: string) => {
      if (this.filter === null) return true;
      const e = this.entries.get(key);
      return e?.status === 'loaded' && matchesFilter(e.verdict, this.filter);
    };
    if (this.filter !== null && !this.style) {
      this.style = this.o.root.createElement('style');
      this.style.dataset.refinery = 'lists-filter';
      this.style.textContent = `[${HIDDEN_ATTR}] { display: none !important; }`;
      (this.o.root.head ?? this.o.root.body).append(this.style);
    }
    const nowHidden = new Set<HTMLElement>();
    for (const r of this.rows) if (!keep(r.key)) nowHidden.add(r.row);
    for (const row of this.hidden) if (!nowHidden.has(row)) row.removeAttribute(HIDDEN_ATTR);
    for (const row of nowHidden) if (!row.hasAttribute(HIDDEN_ATTR)) row.setAttribute(HIDDEN_ATTR, '');
    this.hidden.clear();
    for (const row of nowHidden) this.hidden.add(row);
  }

  state(): ListState {
    const keys = [...new Set(this.rows.map((r) => r.key))];
    const entries = keys.flatMap((k) => this.entries.get(k) ?? []);
    const verdicts = entries.flatMap((e) => (e.status === 'loaded' ? [e.verdict] : []));
    const failed = entries.filter((e): e is Extract<Entry, { status: 'failed' }> => e.status === 'failed');
    return {
      issues: keys.length,
      figures: listFigures(verdicts),
      pending: entries.filter((e) => e.status === 'pending').length,
      missing: entries.flatMap((e) => (e.status === 'missing' ? [e.ref] : [])),
      failed: failed[0] ? { count: failed.length, error: failed[0].error } : null,
      filter: this.filter,
      shown: this.rows.filter((r) => !this.hidden.has(r.row)).length,
      spansProjects: new Set(this.rows.map((r) => r.path.toLowerCase())).size > 1,
    };
  }
}
