// "GitLab Status mapping" in the handbook settings form: per workflow stage, the name of the GitLab status a move sets
// where a namespace has statuses (empty: Refinery's default match), and whether moves also write workflow:: labels.
// Text, not a select: the options page knows no namespace, and each top-level group names its own statuses; GitLab's
// system-defined ones are offered as suggestions (docs: user/work_items/status, "Default statuses").
import { useId } from 'react';
import type { NativeStatusDraft } from './settingsDraft';

export interface NativeStatusFieldsProps {
  stages: readonly string[];
  draft: NativeStatusDraft;
  onChange: (draft: NativeStatusDraft) => void;
}

/** GitLab's default statuses, which every namespace starts with until it defines its own. */
const GITLAB_DEFAULT_STATUSES = ['To do', 'In progress', 'Done', "Won't do", 'Duplicate'];

export function NativeStatusFields({ stages, draft, onChange }: NativeStatusFieldsProps) {
  const id = useId();
  return (
    <fieldset className="stack">
      <legend>GitLab Status mapping</legend>
      <p className="help" id={`${id}-help`}>
        Where a GitLab namespace has statuses (Premium and Ultimate, GitLab 18.2+), the workflow stepper sets a status instead of a workflow label.
        Leave a stage empty to use the status of the same name, then GitLab&apos;s defaults (To do: ready for development, In progress: in dev,
        Done: complete), then a status of the stage&apos;s category.
      </p>
      {stages.map((stage, i) => (
        <div className="text-field" key={stage}>
          <label htmlFor={`${id}-${i}`}>Status for {stage}</label>
          <input
            id={`${id}-${i}`}
            type="text"
            value={draft.mapping[stage] ?? ''}
            placeholder="Default match"
            list={`${id}-defaults`}
            aria-describedby={`${id}-help`}
            onChange={(e) => onChange({ ...draft, mapping: { ...draft.mapping, [stage]: e.target.value } })}
          />
        </div>
      ))}
      <datalist id={`${id}-defaults`}>
        {GITLAB_DEFAULT_STATUSES.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label>
        <input type="checkbox" role="switch" checked={draft.alsoWriteLabels} onChange={(e) => onChange({ ...draft, alsoWriteLabels: e.target.checked })} />
        We are migrating: also write workflow:: labels
      </label>
    </fieldset>
  );
}
