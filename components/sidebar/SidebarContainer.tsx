// The sidebar section's data: the issue and settings read before it is first shown (panelStart.ts, so it appears
// once, at its final height), writes' returned issues from either the section or the full panel (issueBus.ts), and a
// compact error with the same actions as the panel's (connect, fix the token, retry).
import { useCallback, useEffect, useState } from 'react';
import type { Issue, IssueRef } from '@/lib/forge/model';
import { call, type IssueView, type Result } from '@/lib/messaging';
import { useSettings } from '@/components/app/useSettings';
import { errorContent } from '@/components/panel/errorContent';
import { publishIssue, subscribeIssue } from '@/components/panel/issueBus';
import { fetchIssue, type PanelStart } from '@/components/panel/panelStart';
import { refKey } from '@/components/panel/refKey';
import { SidebarSection } from './SidebarSection';

export interface SidebarContainerProps {
  issueRef: IssueRef;
  start: PanelStart;
  fullPanel: boolean;
  onFullPanel: (open: boolean) => void;
}

export function SidebarContainer({ issueRef, start, fullPanel, onFullPanel }: SidebarContainerProps) {
  const key = refKey(issueRef);
  const settings = useSettings(start.settings); // follows the options page saving, like the panel
  const [result, setResult] = useState<Result<IssueView>>(start.issue);
  const [retrying, setRetrying] = useState(false);

  useEffect(
    () =>
      subscribeIssue((issue) =>
        setResult((prev) => (prev.ok && refKey(issue.ref) === key ? { ok: true, data: { ...prev.data, issue } } : prev)),
      ),
    [key],
  );
  const onIssue = useCallback((issue: Issue) => publishIssue(issue), []);
  const retry = () => {
    setRetrying(true);
    void fetchIssue(issueRef).then((r) => {
      setRetrying(false);
      setResult(r);
    });
  };

  if (result.ok) {
    return <SidebarSection view={result.data} settings={settings} onIssue={onIssue} fullPanel={fullPanel} onFullPanel={onFullPanel} />;
  }
  const { title, action } = errorContent(result.error, issueRef.forge);
  const host = issueRef.forge === 'gitlab' ? 'GitLab' : 'GitHub';
  return (
    <section className="refinery-sidebar" aria-label="Refinery" data-state="error">
      <div className="sb-head">
        <h2 className="sb-title">Refinery</h2>
      </div>
      <p className="sb-alert" role="alert" data-kind={result.error.kind}>
        {title}
      </p>
      <div className="sb-actions">
        {(action === 'fix-token' || action === 'connect') && (
          <button type="button" className="sb-link" onClick={() => void call('openOptions', {})}>
            {action === 'connect' ? `Connect this ${host} host` : 'Connect / fix your token'}
          </button>
        )}
        {action === 'retry' && (
          <button type="button" className="sb-link" aria-disabled={retrying} onClick={() => !retrying && retry()}>
            Retry
          </button>
        )}
      </div>
    </section>
  );
}
