// The options for async status updates, inside the handbook settings form (one Save for all settings).
import { useId } from 'react';
import { TEMPLATE_PLACEHOLDERS } from '@/lib/handbook/status/status-template';
import type { FieldKey } from './settingsDraft';
import { TEMPLATE_FIELDS, type StatusDraft } from './statusSettingsDraft';

export interface StatusSettingsFieldsProps {
  draft: StatusDraft;
  errors: Partial<Record<FieldKey, string>>;
  onChange: (draft: StatusDraft) => void;
}

export function StatusSettingsFields({ draft, errors, onChange }: StatusSettingsFieldsProps) {
  const id = useId();
  const field = (key: 'maxWorkingDays' | 'developmentStages' | 'epicLabel', label: string, help: string, inputMode?: 'numeric') => {
    const err = errors[`status.${key}`];
    return (
      <div className="text-field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          type="text"
          inputMode={inputMode}
          value={draft[key]}
          aria-invalid={err ? true : undefined}
          aria-describedby={`${id}-${key}-help${err ? ` ${id}-${key}-error` : ''}`}
          onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
        />
        <p className="help" id={`${id}-${key}-help`}>
          {help}
        </p>
        {err && (
          <p className="error" id={`${id}-${key}-error`}>
            {err}
          </p>
        )}
      </div>
    );
  };

  return (
    <fieldset className="stack">
      <legend>Status updates</legend>
      {field('maxWorkingDays', 'Working days without an update before an issue is flagged', 'The handbook asks for daily updates; 2 allows a day off.', 'numeric')}
      {field('developmentStages', 'Stages that expect updates', 'Workflow stages, comma-separated (e.g. in dev, in review).')}
      {field('epicLabel', 'Epic label (GitHub)', 'GitHub has no epics: issues with this label get the weekly epic update form.')}
      <details>
        <summary>Comment template</summary>
        <p className="help">
          Placeholders in double braces are filled in; a line whose placeholders are all empty is left out, and [[ … ]] marks an optional part of a
          line. The text shown is the handbook&apos;s format.
        </p>
        {TEMPLATE_FIELDS.map(([part, label]) => {
          const err = errors[`status.template.${part}`];
          return (
            <div className="text-field" key={part}>
              <label htmlFor={`${id}-${part}`}>{label}</label>
              <textarea
                id={`${id}-${part}`}
                rows={part === 'change' ? 1 : 4}
                value={draft.template[part]}
                aria-invalid={err ? true : undefined}
                aria-describedby={`${id}-${part}-help${err ? ` ${id}-${part}-error` : ''}`}
                onChange={(e) => onChange({ ...draft, template: { ...draft.template, [part]: e.target.value } })}
              />
              <p className="help" id={`${id}-${part}-help`}>
                Uses {TEMPLATE_PLACEHOLDERS[part].allowed.map((p) => `{{${p}}}`).join(' ')}
              </p>
              {err && (
                <p className="error" id={`${id}-${part}-error`}>
                  {err}
                </p>
              )}
            </div>
          );
        })}
      </details>
    </fieldset>
  );
}
