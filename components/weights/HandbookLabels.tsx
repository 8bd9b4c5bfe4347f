// "Create the handbook's labels": on request, checks which of the process's labels the project lacks and offers to
// create them. Not on every page view: listing a project's labels costs one request per 100 labels, and once a project
// has them there is nothing to offer. So the check's code, too, loads on the first click (HandbookLabelsCheck.tsx).
import { lazy, useState } from 'react';
import { SectionBoundary } from '@/components/panel/SectionBoundary';
import type { HandbookLabelsProps } from './HandbookLabelsCheck';

const HandbookLabelsCheck = lazy(() => import('./HandbookLabelsCheck').then((m) => ({ default: m.HandbookLabelsCheck })));

export function HandbookLabels(props: HandbookLabelsProps) {
  const [asked, setAsked] = useState(false);
  if (asked) {
    return (
      <SectionBoundary title="the label check">
        <HandbookLabelsCheck {...props} />
      </SectionBoundary>
    );
  }
  return (
    <section className="handbook-labels" aria-label="Handbook labels">
      <div className="row">
        <button type="button" onClick={() => setAsked(true)}>
          Check the project&apos;s labels
        </button>
      </div>
    </section>
  );
}
