// The Weights part of the issue panel: findings with fixes, the weight picker, split weights, "Can't weight yet"
// and the handbook's labels. All writes go through one Writer, so only one runs at a time.
import { useRef, useState } from 'react';
import type { Issue } from '@/lib/forge/model';
import type { Settings } from '@/lib/handbook/settings';
import type { IssueView } from '@/lib/messaging';
import { CantWeight } from './CantWeight';
import { Findings } from './Findings';
import { HandbookLabels } from './HandbookLabels';
import { SplitWeights } from './SplitWeights';
import { useWriter } from './useWriter';
import { WeightPicker } from './WeightPicker';

export interface WeightSectionProps {
  view: IssueView;
  settings: Readonly<Settings>;
  onIssue: (issue: Issue) => void;
}

/** GitLab computes an epic's weight from its descendants; it cannot be set on the epic itself (a read-only widget). */
function RolledUpWeight({ weight }: { weight: NonNullable<Issue['rolledUpWeight']> }) {
  const closed = weight.completed === null ? '' : `, ${weight.completed} of it closed`;
  return (
    <p className="rolled-up" data-testid="rolled-up-weight">
      Weight {weight.total}
      {closed}: GitLab adds it up from the epic’s child items; weigh those, not the epic.
    </p>
  );
}

export function WeightSection({ view, settings, onIssue }: WeightSectionProps) {
  const writer = useWriter();
  const group = useRef<HTMLFieldSetElement>(null);
  const [cantOpen, setCantOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const parts = { view, settings, onIssue, writer };
  // Epics are weighted through their issues; they only get the label checks.
  const epic = view.issue.ref.kind === 'epic';

  const focusWeight = () => {
    const g = group.current;
    const target = g?.querySelector<HTMLInputElement>('input:checked') ?? g?.querySelector<HTMLInputElement>('input');
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest' });
  };
  const askClarification = () => {
    setCantOpen(true);
    setFocusRequest((n) => n + 1);
  };

  return (
    <div className="weights">
      <Findings {...parts} onPickWeight={focusWeight} onAskClarification={askClarification} />
      {epic && view.issue.rolledUpWeight && <RolledUpWeight weight={view.issue.rolledUpWeight} />}
      {!epic && (
        <>
          <WeightPicker {...parts} groupRef={group} />
          <SplitWeights {...parts} />
          <CantWeight view={view} writer={writer} open={cantOpen} onOpenChange={setCantOpen} focusRequest={focusRequest} />
        </>
      )}
      <HandbookLabels view={view} settings={settings} writer={writer} />
    </div>
  );
}
