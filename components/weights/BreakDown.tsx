// "Anything larger than 3 should be broken down": promote to an epic with sub-issues (GitLab Premium+, behind a
// confirm step, as the `/promote_to epic` quick action in a comment), create sub-issues (GitHub), or split work into a
// new, related issue.
import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/messaging';
import { failureText } from './errorText';
import { splitIssueUrl } from './splitUrl';
import { SubIssuesForm } from './SubIssuesForm';
import type { WeightPartProps } from './types';

type State = { status: 'idle' } | { status: 'promoting' } | { status: 'failed'; text: string };

export interface BreakDownProps extends Omit<WeightPartProps, 'settings'> {
  onClose: () => void;
  /** Success: the finding may be gone after it (a promoted issue is closed), so the caller shows the message. */
  onDone: (message: string) => void;
}

export function BreakDown({ view, onIssue, writer, onClose, onDone }: BreakDownProps) {
  const { issue, capabilities } = view;
  const canPromote = issue.ref.forge === 'gitlab' && capabilities.epics && issue.ref.kind !== 'epic';
  const [state, setState] = useState<State>({ status: 'idle' });
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []); // land on the explanation, not on the confirm button

  const promote = async () => {
    if (writer.busy) return;
    setState({ status: 'promoting' });
    const r = await writer.run(async () => {
      // GitLab 17+ runs `/promote_to epic`; older versions only know `/promote`. A command GitLab did not run comes
      // back as `invalid` (the adapter removes the stray comment), so the older spelling is tried once.
      let posted = await call('createNote', { ref: issue.ref, body: '/promote_to epic' });
      if (!posted.ok && posted.error.kind === 'invalid') posted = await call('createNote', { ref: issue.ref, body: '/promote' });
      if (!posted.ok) return posted;
      const fresh = await call('getIssue', { ref: issue.ref }); // the issue is closed now; show it as it is
      if (fresh.ok) onIssue(fresh.data.issue);
      return posted;
    });
    if (r === null) return setState({ status: 'idle' });
    // The adapter answers with GitLab's system note ("promoted to epic &4"), which says where the epic is.
    const where = r.ok && r.data.system ? ` (GitLab: “${r.data.body}”)` : '';
    if (r.ok) return onDone(`Promoted: GitLab turned this issue into an epic${where}. Break the work into sub-issues there.`);
    setState({ status: 'failed', text: failureText('promote the issue', r.error, issue.ref.forge) });
  };

  const split = () => {
    window.open(splitIssueUrl(issue), '_blank', 'noopener,noreferrer');
    onDone('Opened the new issue form in a new tab, with a link back to this issue.');
  };

  return (
    <div className="break-down" role="group" aria-label="Break down" tabIndex={-1} ref={box}>
      {canPromote ? (
        <p>
          Promote to epic comments <code>/promote_to epic</code>: GitLab turns this issue into an epic, where the work
          is broken into sub-issues that are weighted one by one. Then ping the EM and PM with the reason. Or split part
          of the work into a new issue.
        </p>
      ) : issue.ref.forge === 'github' ? (
        <p>Create sub-issues under this issue (GitHub lists them on it, with their progress), and weight each part. Or split part of the work into a new issue linked to this one.</p>
      ) : (
        <p>Split part of the work into a new issue linked to this one, and weight each part.</p>
      )}
      {issue.ref.forge === 'github' && <SubIssuesForm parent={issue.ref} />}
      <div className="row">
        {canPromote && (
          <button type="button" className="primary" aria-disabled={writer.busy} onClick={() => void promote()}>
            Promote to epic
          </button>
        )}
        <button type="button" onClick={split}>
          Split into a new issue
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      <p className="status" role="status">
        {state.status === 'promoting' && 'Promoting…'}
      </p>
      {state.status === 'failed' && (
        <p className="alert" role="alert">
          {state.text}
        </p>
      )}
    </div>
  );
}
