// What the panel's first render shows, read before React renders anything: the issue, the team's settings and the
// sections kept open. The panel then mounts once with its data instead of mounting "Loading…" and re-rendering as
// each answer comes in. An issue page that is only looked at never runs React's update path, whose code (and the
// machine code V8 compiles for it) would otherwise stay in the page's memory (~0.1 MB, see README "Performance").
import type { IssueRef } from '@/lib/forge/model';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/handbook/settings';
import { call, type IssueView, type Result } from '@/lib/messaging';
import { pageHint } from '@/lib/page/hint';
import { loadSettings } from '@/lib/settings/store';
import { loadOpenSections, type OpenSections } from './sectionState';
import { refKey } from './refKey';

export interface PanelStart {
  /** refKey of the issue it was read for. */
  key: string;
  settings: Readonly<Settings>;
  openSections: OpenSections;
  issue: Result<IssueView>;
}

/** The issue through the background, with what the page shows of it (a cached copy it contradicts is refetched). */
export function fetchIssue(ref: IssueRef): Promise<Result<IssueView>> {
  return call('getIssue', { ref, hint: pageHint(document, ref.forge) });
}

/** Never rejects: unreadable storage gives the handbook's defaults and closed sections (degrade, never break). */
export async function loadPanelStart(ref: IssueRef): Promise<PanelStart> {
  const [settings, openSections, issue] = await Promise.all([
    loadSettings().catch(() => DEFAULT_SETTINGS),
    loadOpenSections().catch((): OpenSections => ({})),
    fetchIssue(ref),
  ]);
  return { key: refKey(ref), settings, openSections, issue };
}
