// The feature sections shown inside a ready panel, in order. Each feature adds one entry here.
import { lazy, type ComponentType } from 'react';
import type { Issue } from '@/lib/forge/model';
import type { Settings } from '@/lib/handbook/settings';
import type { IssueView } from '@/lib/messaging';
import { trackEditorFocus } from '@/lib/page/editor-focus';
import { WeightSection } from '@/components/weights/WeightSection';
import { isEpicTarget } from '@/components/status/epicTarget';

// The collapsed sections' code loads when they are first opened (chunks of the content UI), like their data.
const StatusSection = lazy(() => import('@/components/status/StatusSection').then((m) => ({ default: m.StatusSection })));
const RefinementSection = lazy(() =>
  import('@/components/refinement/RefinementSection').then((m) => ({ default: m.RefinementSection })),
);
const PlanSection = lazy(() => import('@/components/plan/PlanSection').then((m) => ({ default: m.PlanSection })));
const TemplatesSection = lazy(() =>
  import('@/components/templates/TemplatesSection').then((m) => ({ default: m.TemplatesSection })),
);

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
   * mount, so load their code and data, only when the user opens them; the open/closed state is remembered
   * (sectionState.ts).
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
  // A parent's children: weights, progress and health rolled up, and the weekly update drafted from them (issue 18).
  { id: 'plan', Component: PlanSection, collapsed: { title: () => 'Plan' } },
  // The caret the user leaves in the page's editor before opening Templates is where a template goes.
  { id: 'templates', Component: TemplatesSection, collapsed: { title: () => 'Templates' }, watchPage: () => trackEditorFocus(document) },
];
