// What every part of the Weights section receives from the panel.
import type { Issue } from '@/lib/forge/model';
import type { Settings } from '@/lib/handbook/settings';
import type { IssueView } from '@/lib/messaging';
import type { Writer } from './useWriter';

export interface WeightPartProps {
  view: IssueView;
  settings: Readonly<Settings>;
  /** A write's returned issue: the panel replaces its copy with it. */
  onIssue: (issue: Issue) => void;
  writer: Writer;
}
