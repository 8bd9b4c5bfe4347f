// Loads an issue through the background and feeds Panel. Answers for a previous issue never reach the screen;
// a write's returned issue replaces the loaded one only while that issue is still the one shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ForgeErrorKind } from '@/lib/forge/errors';
import type { Issue, IssueRef } from '@/lib/forge/model';
import { call, type IssueView, type Result } from '@/lib/messaging';
import { useSettings } from '@/components/app/useSettings';
import { CollapsibleSection } from './CollapsibleSection';
import { PANEL_SECTIONS } from './sections';
import { publishIssue, subscribeIssue } from './issueBus';
import { loadOpenSections, saveSectionOpen, type OpenSections } from './sectionState';
import { Panel, type PanelState } from './Panel';
import { fetchIssue, type PanelStart } from './panelStart';
import { refKey } from './refKey';

export { refKey };

/** Failures a plain retry can fix; the others need the user to change something first. */
const RETRYABLE: ReadonlySet<ForgeErrorKind> = new Set(['network', 'forge', 'rate-limited', 'conflict', 'unknown']);
/** Failures fixed in the options page: reload when the user comes back to this tab. */
const FIXED_ELSEWHERE: ReadonlySet<ForgeErrorKind> = new Set(['auth', 'no-connection', 'forbidden']);

interface Loaded {
  key: string;
  attempt: number;
  state: PanelState;
}

function stateOf(result: Result<IssueView>): PanelState {
  return result.ok
    ? { status: 'ready', view: result.data }
    : { status: 'error', error: result.error, canRetry: RETRYABLE.has(result.error.kind) };
}

/**
 * The remembered open sections (null until storage answers, read alongside the issue; `initial` when read before
 * the first render) and how to toggle one.
 */
function useOpenSections(initial?: OpenSections): [OpenSections | null, (id: string, open: boolean) => void] {
  const [open, setOpen] = useState<OpenSections | null>(initial ?? null);
  const given = initial !== undefined;
  useEffect(() => {
    if (given) return;
    let live = true;
    loadOpenSections().then(
      (stored) => live && setOpen(stored),
      () => live && setOpen({}), // unreadable storage: all closed (degrade, never break)
    );
    return () => {
      live = false;
    };
  }, [given]);
  const toggle = useCallback((id: string, value: boolean) => {
    setOpen((o) => ({ ...o, [id]: value }));
    saveSectionOpen(id, value).catch(() => undefined); // not remembered: still toggled on this page
  }, []);
  return [open, toggle];
}

export interface PanelContainerProps {
  issueRef: IssueRef;
  /** What was read before the first render (panelStart.ts); used only if it is for this issue. */
  start?: PanelStart;
  /** A line under the title (why the panel shows here). */
  note?: string;
}

export function PanelContainer({ issueRef, start, note }: PanelContainerProps) {
  const key = refKey(issueRef);
  const [given] = useState(() => (start?.key === key ? start : undefined));
  const settings = useSettings(given?.settings);
  const [openSections, toggleSection] = useOpenSections(given?.openSections);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(() => (given ? { key, attempt: 0, state: stateOf(given.issue) } : null));
  // The first load was done before the first render: the effect's first run has nothing to fetch.
  const fetched = useRef(given !== undefined);

  useEffect(() => {
    if (fetched.current) {
      fetched.current = false;
      return;
    }
    let live = true;
    fetchIssue(JSON.parse(key) as IssueRef).then((result) => {
      if (!live) return; // the ref changed or the panel went away: drop the stale answer
      setLoaded({ key, attempt, state: stateOf(result) });
    });
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const current = loaded && loaded.key === key && loaded.attempt === attempt ? loaded.state : null;
  const state: PanelState = current ?? { status: 'loading' };
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  const fixedElsewhere = state.status === 'error' && FIXED_ELSEWHERE.has(state.error.kind);
  useEffect(() => {
    if (!fixedElsewhere) return;
    const onReturn = () => {
      if (document.visibilityState === 'visible') retry();
    };
    document.addEventListener('visibilitychange', onReturn);
    return () => document.removeEventListener('visibilitychange', onReturn);
  }, [fixedElsewhere, retry]);

  useEffect(() => {
    const stops = PANEL_SECTIONS.flatMap((s) => (s.watchPage ? [s.watchPage()] : []));
    return () => stops.forEach((stop) => stop());
  }, []);

  const openOptions = useCallback(() => {
    call('openOptions', {});
  }, []);

  // Bound to this render's issue: a write that finishes after navigating to another issue is dropped. A write's
  // issue reaches the sidebar section too, and the section's writes come here (issueBus.ts).
  const keep = useCallback(
    (issue: Issue) =>
      setLoaded((prev) => {
        if (!prev || prev.key !== key || prev.state.status !== 'ready' || refKey(issue.ref) !== key) return prev;
        return { ...prev, state: { status: 'ready', view: { ...prev.state.view, issue } } };
      }),
    [key],
  );
  useEffect(() => subscribeIssue(keep), [keep]);
  const onIssue = useCallback((issue: Issue) => publishIssue(issue), []);

  return (
    <Panel state={state} forge={issueRef.forge} scopes={settings.scopes} onRetry={retry} onOpenOptions={openOptions} note={note}>
      {state.status === 'ready' &&
        PANEL_SECTIONS.map(({ id, Component, collapsed }) => {
          const body = <Component key={`${id}:${key}`} view={state.view} settings={settings} onIssue={onIssue} />;
          if (!collapsed) return body;
          if (!openSections) return null;
          return (
            <CollapsibleSection
              key={`${id}:${key}`}
              id={id}
              title={collapsed.title(state.view, settings)}
              open={openSections[id] === true}
              onToggle={(open) => toggleSection(id, open)}
            >
              {body}
            </CollapsibleSection>
          );
        })}
    </Panel>
  );
}
