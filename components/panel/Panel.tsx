// The issue panel: a pure view of one load state. Data fetching lives in PanelContainer.
import type { ReactNode } from 'react';
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { ForgeKind } from '@/lib/forge/model';
import type { IssueView } from '@/lib/messaging';
import { DEFAULT_LABEL_SCOPES, type LabelScopes } from '@/lib/handbook/labels';
import { errorContent } from './errorContent';
import { LOADING_TEXT } from './placeholder';
import { summarize, type Row } from './summary';

export type PanelState =
  | { status: 'loading' }
  /** `view` is the last good answer for the same issue, kept on screen when a later load fails. */
  | { status: 'error'; error: ForgeErrorData; canRetry: boolean; view?: IssueView }
  | { status: 'ready'; view: IssueView };

export interface PanelProps {
  state: PanelState;
  onRetry?: () => void;
  onOpenOptions?: () => void;
  /** Names the forge in messages ("Connect this GitLab host"). */
  forge?: ForgeKind;
  scopes?: LabelScopes;
  /** A line under the title: why the panel shows here (no sidebar found). */
  note?: string;
  /** Shown below the summary once the issue is loaded (the Weights section). */
  children?: ReactNode;
}

function RowValue({ row }: { row: Row }) {
  switch (row.kind) {
    case 'value':
      return (
        <>
          <span className="value">{row.text}</span>
          {row.source && <span className="source"> (from {row.source})</span>}
        </>
      );
    case 'empty':
      return <span className="empty">{row.text}</span>;
    case 'conflict':
      return <span className="conflict">Conflicting labels: {row.labels.join(', ')}</span>;
    case 'invalid':
      return <span className="conflict">Unreadable label {row.label}</span>;
  }
}

function Details({ view, scopes }: { view: IssueView; scopes: LabelScopes }) {
  const s = summarize(view, scopes);
  const rows: [string, Row][] = [
    ['Weight', s.weight],
    ['Backend weight', s.backendWeight],
    ['Frontend weight', s.frontendWeight],
    ['Workflow stage', s.workflow],
    ['Health status', s.health],
  ];
  return (
    <>
      <dl className="fields">
        {rows.map(([name, row]) => (
          <div className="field" key={name}>
            <dt>{name}</dt>
            <dd>
              <RowValue row={row} />
            </dd>
          </div>
        ))}
      </dl>
      {s.conflicts.length > 0 && (
        <div className="warning" role="note" aria-label="Label conflicts">
          <p className="warning-title">Conflicting scoped labels</p>
          <ul>
            {s.conflicts.map((c) => (
              <li key={c.scope}>
                {c.labels.join(' and ')} share the scope “{c.scope}”; keep only one.
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function ErrorBox({
  error,
  canRetry,
  forge,
  onRetry,
  onOpenOptions,
}: {
  error: ForgeErrorData;
  canRetry: boolean;
  forge?: ForgeKind;
  onRetry?: () => void;
  onOpenOptions?: () => void;
}) {
  const { title, help, action } = errorContent(error, forge);
  const connectLabel = `Connect this ${forge === 'gitlab' ? 'GitLab' : forge === 'github' ? 'GitHub' : 'GitLab/GitHub'} host`;
  return (
    <div className="alert" role="alert" data-kind={error.kind}>
      <h3 className="alert-title">{title}</h3>
      <p>{help}</p>
      {error.message && error.message !== help && <p className="detail">{error.message}</p>}
      {action === 'fix-token' && onOpenOptions && (
        <button type="button" className="primary" onClick={onOpenOptions}>
          Connect / fix your token
        </button>
      )}
      {action === 'connect' && onOpenOptions && (
        <button type="button" className="primary" onClick={onOpenOptions}>
          {connectLabel}
        </button>
      )}
      {action === 'retry' && canRetry && onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Panel({ state, onRetry, onOpenOptions, forge, scopes = DEFAULT_LABEL_SCOPES, note, children }: PanelProps) {
  return (
    <section className="refinery-panel" role="region" aria-label="Refinery" data-state={state.status}>
      <h2 className="title">Refinery</h2>
      {note && (
        <p className="note" role="note">
          {note}
        </p>
      )}
      {state.status === 'loading' && (
        <p className="loading" role="status" aria-live="polite">
          {LOADING_TEXT}
        </p>
      )}
      {state.status === 'error' && (
        <>
          <ErrorBox
            error={state.error}
            canRetry={state.canRetry}
            forge={forge}
            onRetry={onRetry}
            onOpenOptions={onOpenOptions}
          />
          {state.view && <Details view={state.view} scopes={scopes} />}
        </>
      )}
      {state.status === 'ready' && (
        <>
          <Details view={state.view} scopes={scopes} />
          {children}
        </>
      )}
    </section>
  );
}
