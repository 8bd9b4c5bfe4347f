// The feature sections shown inside a ready panel, in order. Each feature adds one entry here.
import type { ComponentType } from 'react';
import type { Issue } from '@/lib/forge/model';
import type { Settings } from '@/lib/handbook/settings';
import type { IssueView } from '@/lib/messaging';
import { trackEditorFocus } from '@/lib/page/editor';
import { WeightSection } from '@/components/weights/WeightSection';
import { StatusSection } from '@/components/status/StatusSection';
import { isEpicTarget } from '@/components/status/history';
import { RefinementSection } from '@/components/refinement/RefinementSection';
import { TemplatesSection } from '@/components/templates/TemplatesSection';

export interface SectionProps {
  view: IssueView;
  settings: Readonly<Settings>;
  /** A write's returned issue: the panel replaces its copy with it (answers for another issue are dropped). */
  onIssue: (issue: Issue) => void;
}

export interface PanelSection {
  id: string;
  Component: ComponentType<SectionProps>;
  /**
   * Sections that read more than the issue (comments, labels, members, storage) are collapsed under this title and
   * mount, so load, only when the user opens them; the open/closed state is remembered (sectionState.ts).
   */
  collapsed?: { title: (view: IssueView, settings: Readonly<Settings>) => string };
  /** Started with the panel even while the section is closed: page state it needs later (no requests). Returns its stop. */
  watchPage?: () => () => void;
}

export const PANEL_SECTIONS: PanelSection[] = [
  { id: 'weight', Component: WeightSection },
  {
    id: 'status',
    Component: StatusSection,
    collapsed: { title: (view, settings) => (isEpicTarget(view.issue, settings) ? 'Weekly epic update' : 'Async status update') },
  },
  { id: 'refinement', Component: RefinementSection, collapsed: { title: () => 'Refinement' } },
  // The caret the user leaves in the page's editor before opening Templates is where a template goes.
  { id: 'templates', Component: TemplatesSection, collapsed: { title: () => 'Templates' }, watchPage: () => trackEditorFocus(document) },
];
