// The weight picker for one row's issue, opened from its badge: the issue page's own WeightPicker (same writes, same
// tier fallback to labels), in a small non-modal dialog. Escape or "Close" returns focus to the badge.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Issue } from '@/lib/forge/model';
import type { IssueView } from '@/lib/messaging';
import { useSettings } from '../app/useSettings';
import { useWriter } from '../weights/useWriter';
import { WeightPicker } from '../weights/WeightPicker';

export interface PickerPopoverProps {
  view: IssueView;
  onIssue(issue: Issue): void;
  onClose(): void;
}

export function PickerPopover({ view: initial, onIssue, onClose }: PickerPopoverProps) {
  const settings = useSettings();
  const writer = useWriter();
  const [view, setView] = useState(initial);
  const group = useRef<HTMLFieldSetElement>(null);
  const { issue } = view;

  useEffect(() => {
    const g = group.current;
    (g?.querySelector<HTMLInputElement>('input:checked') ?? g?.querySelector<HTMLInputElement>('input'))?.focus();
  }, []);

  const keys = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };

  return (
    <div role="dialog" aria-label={`Weight of #${issue.ref.iid}`} className="popover" onKeyDown={keys}>
      <div className="popover-head">
        <p className="popover-title">
          <a href={issue.webUrl}>#{issue.ref.iid}</a> {issue.title}
        </p>
        <button type="button" className="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="weights">
        <WeightPicker
          view={view}
          settings={settings}
          writer={writer}
          groupRef={group}
          onIssue={(next) => {
            setView((v) => ({ ...v, issue: next }));
            onIssue(next);
          }}
        />
      </div>
    </div>
  );
}

export const popoverStyles = `
.popover { display: grid; gap: 6px; padding: 8px 10px; background: var(--r-bg); border: 1px solid var(--r-border); border-radius: 6px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.2); max-height: 70vh; overflow: auto; font-size: 0.875rem; }
.popover-head { display: flex; gap: 8px; align-items: start; justify-content: space-between; }
.popover-title { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.popover-title a { color: var(--r-accent); }
.popover .weights { border-top: 0; padding-top: 0; }
.close { font: inherit; font-size: 1.1rem; line-height: 1; padding: 0 6px; border: 0; background: none; color: var(--r-fg); cursor: pointer; }
.close:focus-visible { outline: 2px solid var(--r-accent); }
.popover button:not(.close) { font: inherit; padding: 2px 10px; border-radius: 4px; border: 1px solid var(--r-border); background: var(--r-bg-subtle); color: var(--r-fg); cursor: pointer; }
`;
