// After the tracking-issue template is inserted on GitHub: offer the issue types a tracking issue usually has (Task,
// Feature), as the organisation defines them (its own names and descriptions). Nothing is offered where the
// organisation has neither, or the issue already has one of them.
import { useEffect, useState } from 'react';
import type { Issue, IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { failureText } from '@/components/weights/errorText';
import type { Writer } from '@/components/weights/useWriter';
import { refKey } from '@/components/panel/refKey';

/** The types a tracking issue is usually given, in the order offered. */
export const TRACKING_TYPES = ['feature', 'task'];

type State = { status: 'loading' } | { status: 'idle' } | { status: 'setting' } | { status: 'set'; type: string } | { status: 'failed'; text: string };

export interface TypeOfferProps {
  issueRef: IssueRef;
  /** The issue's type now, lower-cased ("issue" when none). */
  currentType: string;
  writer: Writer;
  onIssue: (issue: Issue) => void;
  onDismiss: () => void;
}

export function TypeOffer({ issueRef, currentType, writer, onIssue, onDismiss }: TypeOfferProps) {
  const [types, setTypes] = useState<{ name: string; description: string | null }[]>([]);
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    void call('listIssueTypes', { ref: issueRef }).then((r) => {
      if (!live) return;
      const offered = r.ok ? TRACKING_TYPES.flatMap((want) => r.data.filter((t) => t.name.toLowerCase() === want)) : [];
      setTypes(offered);
      setState((s) => (s.status === 'loading' ? { status: 'idle' } : s));
    });
    return () => {
      live = false;
    };
    // Keyed by the issue, not the object: every issue the panel receives (the write's own answer included) carries a
    // new ref object, and reloading then reset a click in flight to "idle" and hid the offer (a flaky e2e test).
  }, [refKey(issueRef)]); // eslint-disable-line react-hooks/exhaustive-deps

  // Already typed as offered: nothing to offer, unless the user's own click is under way or done (the issue it
  // answers with carries the new type).
  if (state.status === 'loading' || types.length === 0 || (state.status === 'idle' && TRACKING_TYPES.includes(currentType))) return null;

  const set = async (name: string) => {
    if (writer.busy) return;
    setState({ status: 'setting' });
    const r = await writer.run(() => call('setIssueType', { ref: issueRef, type: name }));
    if (r === null) return setState({ status: 'idle' });
    if (!r.ok) return setState({ status: 'failed', text: failureText(`set the type ${name}`, r.error, issueRef.forge) });
    onIssue(r.data);
    setState({ status: 'set', type: name });
  };

  return (
    <div className="label-offer" role="group" aria-label="Issue type for a tracking issue">
      <p>A tracking issue is usually typed {types.map((t) => t.name).join(' or ')} in this organization.</p>
      {state.status !== 'set' && (
        <div className="row">
          {types.map((t) => (
            <button key={t.name} type="button" aria-disabled={writer.busy} title={t.description ?? undefined} onClick={() => void set(t.name)}>
              Set type: {t.name}
            </button>
          ))}
          <button type="button" onClick={onDismiss}>
            Not now
          </button>
        </div>
      )}
      <p className="status" role="status">
        {state.status === 'setting' && 'Setting the type…'}
        {state.status === 'set' && `Type set: ${state.type}.`}
      </p>
      {state.status === 'failed' && (
        <p className="alert" role="alert">
          {state.text}
        </p>
      )}
    </div>
  );
}
