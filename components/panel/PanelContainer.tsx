// Loads an issue through the background and feeds Panel. Answers for a previous issue never reach the screen.
import { useCallback, useEffect, useState } from 'react';
import type { ForgeErrorKind } from '@/lib/forge/errors';
import type { IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import type { LabelScopes } from '@/lib/handbook/labels';
import { Panel, type PanelState } from './Panel';

/** Failures a plain retry can fix; the others need the user to change something first. */
const RETRYABLE: ReadonlySet<ForgeErrorKind> = new Set(['network', 'forge', 'rate-limited', 'conflict', 'unknown']);
/** Failures fixed in the options page: reload when the user comes back to this tab. */
const FIXED_ELSEWHERE: ReadonlySet<ForgeErrorKind> = new Set(['auth', 'no-connection', 'forbidden']);

/** A stable identity for a ref, whatever object the caller passes on each render. */
export function refKey(ref: IssueRef): string {
  const { forge, baseUrl, container, path, iid, kind } = ref;
  return JSON.stringify({ forge, baseUrl, container, path, iid, kind: kind ?? 'issue' });
}

interface Loaded {
  key: string;
  attempt: number;
  state: PanelState;
}

export function PanelContainer({ issueRef, scopes }: { issueRef: IssueRef; scopes?: LabelScopes }) {
  const key = refKey(issueRef);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let live = true;
    const ref = JSON.parse(key) as IssueRef;
    call('getIssue', { ref }).then((result) => {
      if (!live) return; // the ref changed or the panel went away: drop the stale answer
      const state: PanelState = result.ok
        ? { status: 'ready', view: result.data }
        : { status: 'error', error: result.error, canRetry: RETRYABLE.has(result.error.kind) };
      setLoaded({ key, attempt, state });
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

  const openOptions = useCallback(() => {
    call('openOptions', {});
  }, []);

  return <Panel state={state} forge={issueRef.forge} scopes={scopes} onRetry={retry} onOpenOptions={openOptions} />;
}
