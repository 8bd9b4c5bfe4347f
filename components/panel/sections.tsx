// The feature sections shown inside a ready panel, in order. Each feature adds one entry here.
import type { ComponentType } from 'react';
import type { Issue } from '@/lib/forge/model';
import type { Settings } from '@/lib/handbook/settings';
import type { IssueView } from '@/lib/messaging';
import { WeightSection } from '@/components/weights/WeightSection';
import { StatusSection } from '@/components/status/StatusSection';
import { RefinementSection } from '@/components/refinement/RefinementSection';
import { TemplatesSection } from '@/components/templates/TemplatesSection';

export interface SectionProps {
  view: IssueView;
  settings: Readonly<Settings>;
  /** A write's returned issue: the panel replaces its copy with it (answers for another issue are dropped). */
  onIssue: (issue: Issue) => void;
}

export const PANEL_SECTIONS: { id: string; Component: ComponentType<SectionProps> }[] = [
  { id: 'weight', Component: WeightSection },
  { id: 'status', Component: StatusSection },
  { id: 'refinement', Component: RefinementSection },
  { id: 'templates', Component: TemplatesSection },
];
