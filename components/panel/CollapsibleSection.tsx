// A panel section that reads more than the issue: a disclosure button over its body, and the body (with its
// requests) mounted only once the user opens it. Closing keeps it mounted, so nothing typed in it is lost. The body
// renders in a deferred, interruptible render: a section kept open never lengthens the panel's first frame. Its code
// may still be loading (SectionBoundary).
import { useDeferredValue, useId, type ReactNode } from 'react';
import { useOpenedOnce } from '@/components/app/useOpenedOnce';
import { SectionBoundary } from './SectionBoundary';

export interface CollapsibleSectionProps {
  /** The section's id in PANEL_SECTIONS (`data-section`, for styles and tests). */
  id: string;
  title: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  /** The body, rendered from the first time the section is open. */
  children: ReactNode;
}

export function CollapsibleSection({ id, title, open, onToggle, children }: CollapsibleSectionProps) {
  const bodyId = useId();
  const opened = useOpenedOnce(open);
  // The initial value only when there is a body to defer: React schedules a deferred re-render whenever one is given.
  const mounted = useDeferredValue(opened, opened ? false : undefined);

  return (
    <div className="panel-section" data-section={id}>
      <h3 className="section-toggle">
        <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => onToggle(!open)}>
          <span className="chevron" aria-hidden="true" />
          {title}
        </button>
      </h3>
      <div id={bodyId} className="section-body" hidden={!open}>
        {mounted && <SectionBoundary title={title}>{children}</SectionBoundary>}
      </div>
    </div>
  );
}
