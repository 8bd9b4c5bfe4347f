// After a plan is posted: its ticked "Dependencies" boxes (Requires ~backend, ~database…) offered as labels.
import { useState } from 'react';
import type { Issue, IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { failureText } from '@/components/weights/errorText';
import type { Writer } from '@/components/weights/useWriter';
import { labelRefs } from './labelText';

type State = { status: 'idle' } | { status: 'adding' } | { status: 'added' } | { status: 'failed'; text: string };

export interface LabelOfferProps {
  issueRef: IssueRef;
  labels: readonly string[];
  writer: Writer;
  onIssue: (issue: Issue) => void;
  onDismiss: () => void;
}

export function LabelOffer({ issueRef, labels, writer, onIssue, onDismiss }: LabelOfferProps) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const text = labelRefs(labels);

  const add = async () => {
    if (writer.busy || state.status === 'added') return;
    setState({ status: 'adding' });
    const r = await writer.run(() => call('changeLabels', { ref: issueRef, change: { add: [...labels], remove: [] } }));
    if (r === null) return setState({ status: 'idle' });
    if (!r.ok) return setState({ status: 'failed', text: failureText('add the labels', r.error, issueRef.forge) });
    onIssue(r.data);
    setState({ status: 'added' });
  };

  return (
    <div className="label-offer" role="group" aria-label="Labels from the plan">
      <p>The plan&apos;s Dependencies ask for {labels.length === 1 ? 'a label' : 'these labels'} the issue does not have yet.</p>
      {state.status !== 'added' && (
        <div className="row">
          <button type="button" className="primary" aria-disabled={writer.busy} onClick={() => void add()}>
            Add labels: {text}
          </button>
          <button type="button" onClick={onDismiss}>
            Not now
          </button>
        </div>
      )}
      <p className="status" role="status">
        {state.status === 'adding' && 'Adding labels…'}
        {state.status === 'added' && `Labels added: ${text}.`}
      </p>
      {state.status === 'failed' && (
        <p className="alert" role="alert">
          {state.text}
        </p>
      )}
    </div>
  );
}
