// "Can't weight yet": instead of a weight, the handbook asks for a comment saying what needs clarification (or that a
// spike is needed) that pings the EM and PM. The form's code loads when it is first opened (most issues get a weight),
// then it stays mounted: typed text and ticks survive closing it.
import { lazy, useId } from 'react';
import { useOpenedOnce } from '@/components/app/useOpenedOnce';
import { SectionBoundary } from '@/components/panel/SectionBoundary';
import type { WeightPartProps } from './types';

const CantWeightForm = lazy(() => import('./CantWeightForm').then((m) => ({ default: m.CantWeightForm })));

export interface CantWeightProps extends Pick<WeightPartProps, 'view' | 'writer'> {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Changes when another part (a finding's "Ask for clarification") opens the form: focus moves into it. */
  focusRequest: number;
}

export function CantWeight({ view, writer, open, onOpenChange, focusRequest }: CantWeightProps) {
  const opened = useOpenedOnce(open);
  const id = useId();
  return (
    <section className="cant-weight">
      <button type="button" aria-expanded={open} aria-controls={opened ? `${id}-form` : undefined} onClick={() => onOpenChange(!open)}>
        Can&apos;t weight yet
      </button>
      {opened && (
        <SectionBoundary title="the form">
          <CantWeightForm id={`${id}-form`} view={view} writer={writer} open={open} focusRequest={focusRequest} />
        </SectionBoundary>
      )}
    </section>
  );
}
