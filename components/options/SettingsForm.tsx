// The team's handbook settings: which rules run, and the label names Refinery reads and writes.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_SETTINGS, RULE_IDS, RULE_TITLES, type Settings } from '@/lib/handbook/settings';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { LABEL_FIELDS, SCOPE_FIELDS, applyDraft, draftFrom, type Draft, type FieldKey } from './settingsDraft';
import { NativeStatusFields } from './NativeStatusFields';
import { StatusSettingsFields } from './StatusSettingsFields';

type Feedback =
  | { kind: 'saved' | 'reset' }
  | { kind: 'invalid'; marked: boolean; other: string[] }
  | { kind: 'failed'; message: string }
  | null;

export function SettingsForm() {
  const [base, setBase] = useState<Readonly<Settings>>(DEFAULT_SETTINGS);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  useEffect(() => {
    let live = true;
    loadSettings().then(
      (s) => {
        if (!live) return;
        setBase(s);
        setDraft(draftFrom(s));
      },
      () => {
        if (!live) return;
        setLoadFailed(true);
        setDraft(draftFrom(DEFAULT_SETTINGS));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (!draft) return <p role="status">Loading settings…</p>;

  const store = async (next: Settings, done: Feedback) => {
    setSaving(true);
    try {
      await saveSettings(next);
      setBase(next);
      setDraft(draftFrom(next));
      setErrors({});
      setFeedback(done);
    } catch (e) {
      setFeedback({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }); // the draft stays as typed
    } finally {
      setSaving(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const applied = applyDraft(base, draft);
    if (!applied.ok) {
      setErrors(applied.fields);
      setFeedback({ kind: 'invalid', marked: Object.keys(applied.fields).length > 0, other: applied.other });
      return;
    }
    void store(applied.settings, { kind: 'saved' });
  };

  const reset = () => {
    if (!saving) void store(structuredClone(DEFAULT_SETTINGS) as Settings, { kind: 'reset' });
  };

  const text = (key: FieldKey, label: string, value: string, set: (v: string) => void) => {
    const err = errors[key];
    return (
      <div className="text-field" key={key}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          type="text"
          value={value}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-${key}-error` : undefined}
          onChange={(e) => set(e.target.value)}
        />
        {err && (
          <p className="error" id={`${id}-${key}-error`}>
            {err}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="settings-form" aria-label="Handbook settings" onSubmit={save} noValidate>
      {loadFailed && <p className="problems">Could not read the stored settings; showing the handbook&apos;s defaults.</p>}
      <fieldset className="stack">
        <legend>Rules</legend>
        {RULE_IDS.map((rule) => (
          <label key={rule}>
            <input
              type="checkbox"
              role="switch"
              checked={draft.rules[rule]}
              onChange={(e) => setDraft({ ...draft, rules: { ...draft.rules, [rule]: e.target.checked } })}
            />
            {RULE_TITLES[rule]}
          </label>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>Label scopes</legend>
        <p className="help">Scoped labels read as scope::value, e.g. weight::3 or workflow::in dev.</p>
        {SCOPE_FIELDS.map(([key, label]) =>
          text(`scopes.${key}`, label, draft.scopes[key], (v) => setDraft({ ...draft, scopes: { ...draft.scopes, [key]: v } })),
        )}
      </fieldset>
      <fieldset className="stack">
        <legend>Labels</legend>
        {LABEL_FIELDS.map(([key, label]) =>
          text(`labels.${key}`, label, draft.labels[key], (v) => setDraft({ ...draft, labels: { ...draft.labels, [key]: v } })),
        )}
      </fieldset>
      <fieldset className="stack">
        <legend>Forge fields</legend>
        <p className="help">
          Where the forge has its own field, Refinery writes it instead of a label. GitHub: the weight goes to the
          organization&apos;s number issue field with the first of these names (comma-separated, in order); leave it empty
          to keep weight:: labels.
        </p>
        {text('fields.weight', 'GitHub weight issue field', draft.weightFields, (v) => setDraft({ ...draft, weightFields: v }))}
      </fieldset>
      <StatusSettingsFields draft={draft.status} errors={errors} onChange={(status) => setDraft({ ...draft, status })} />
      <NativeStatusFields stages={base.workflow.stages} draft={draft.nativeStatus} onChange={(nativeStatus) => setDraft({ ...draft, nativeStatus })} />
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={saving}>
          Save
        </button>
        <button type="button" aria-disabled={saving} onClick={reset}>
          Reset to the handbook&apos;s defaults
        </button>
      </div>
      <p role="status" className="result">
        {feedback?.kind === 'saved' && 'Saved. Open issue pages use the new settings right away.'}
        {feedback?.kind === 'reset' && "Reset to the handbook's defaults and saved."}
      </p>
      {feedback?.kind === 'invalid' && (
        <div role="alert" className="error">
          <p>Not saved{feedback.marked ? ': fix the marked fields.' : ':'}</p>
          {feedback.other.length > 0 && (
            <ul>
              {feedback.other.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {feedback?.kind === 'failed' && (
        <p role="alert" className="error">
          Could not save the settings: {feedback.message}
        </p>
      )}
    </form>
  );
}
