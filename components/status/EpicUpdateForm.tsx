// The handbook's weekly epic update: status (ok / so-so / bad), done and remaining with an ETA, confidence, what is
// next and who needs to help (mentioned). Drafted and posted once like the issue update.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ForgeErrorData } from '@/lib/forge/errors';
import type { Note } from '@/lib/forge/model';
import { draftKey } from '@/lib/drafts/store';
import { EPIC_STATUSES, epicHistoryFromNotes, formatEpicUpdate, parseEpicUpdate } from '@/lib/handbook/status/epic-update';
import type { FieldError } from '@/lib/handbook/status/status-format';
import { call, type IssueView } from '@/lib/messaging';
import { PeoplePicker } from '@/components/weights/PeoplePicker';
import { HEALTH_TEXT } from '@/components/panel/summary';
import { checkEpicForm, epicPrefill, fullEpicForm, isEpicDraftValue, type EpicDraftValue, type EpicForm } from './epicFormState';
import { PercentField } from './PercentField';
import { FormActions } from './FormActions';
import { failedText } from './postText';
import { Preview } from './Preview';
import { useDraftedForm } from './useDraftedForm';

export interface EpicUpdateFormProps {
  view: IssueView;
  notes: readonly Note[] | null;
  onPosted: (note: Note) => void;
  onRemoteChange: () => void;
  /**
   * Fields drafted elsewhere (the Plan section's "Draft weekly update"): written over the draft once it has loaded, and
   * saved as the draft; nothing is posted until the user posts.
   */
  prefill?: Partial<EpicForm>;
}

type Phase = { status: 'idle' } | { status: 'posted'; text: string } | { status: 'failed'; error: ForgeErrorData };

/** The latest weekly update on the epic, whoever wrote it: anyone working on the epic may post one. */
function latestEpicUpdate(notes: readonly Note[] | null) {
  const last = notes ? epicHistoryFromNotes(notes).at(-1) : undefined;
  const note = last && notes?.find((n) => n.id === last.noteId);
  return note ? parseEpicUpdate(note.body, { createdAt: note.createdAt, author: note.author.username }) : null;
}

export function EpicUpdateForm({ view, notes, onPosted, onRemoteChange, prefill }: EpicUpdateFormProps) {
  const ref = view.issue.ref;
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const [preview, setPreview] = useState<string | null>(null);
  const initial = (): EpicDraftValue => ({ v: 1, epic: epicPrefill(latestEpicUpdate(notes)) });
  const drafted = useDraftedForm(draftKey(ref, 'epic'), isEpicDraftValue, initial, onRemoteChange);
  const form = drafted.value ? fullEpicForm(drafted.value.epic) : null;
  const prefilled = useRef<Partial<EpicForm> | null>(null);
  const { change } = drafted;
  useEffect(() => {
    if (form === null || !prefill || prefilled.current === prefill) return;
    prefilled.current = prefill;
    change({ v: 1, epic: { ...form, ...prefill } });
  }, [form, prefill, change]);
  if (form === null) return <p role="status">Loading your draft…</p>;

  const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
  const edit = (patch: Partial<EpicForm>) => {
    const next = { ...form, ...patch };
    drafted.change({ v: 1, epic: next });
    if (phase.status === 'posted') setPhase({ status: 'idle' });
    if (errors.length) {
      const check = checkEpicForm(next);
      setErrors(check.ok ? [] : check.errors);
    }
  };
  const checked = () => {
    const check = checkEpicForm(form);
    if (check.ok) {
      setErrors([]);
      return check.update;
    }
    setErrors(check.errors);
    requestAnimationFrame(() => summary.current?.focus());
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const update = checked();
    if (update === null) return;
    setPhase({ status: 'idle' });
    const result = await drafted.post((updateId) => call('postStatusUpdate', { kind: 'epic', ref, updateId, update }));
    if (result === null) return;
    if (!result.ok) return setPhase({ status: 'failed', error: result.error });
    onPosted(result.data.note);
    setPreview(null);
    drafted.reset({ v: 1, epic: epicPrefill(update) });
    setPhase({
      status: 'posted',
      text: [
        result.data.outcome === 'existing' ? 'This update had already been posted (from another tab or an earlier try); it was not posted again.' : 'Epic update posted.',
        result.data.healthVia === 'field' && result.data.issue?.healthStatus ? `Epic health status: ${HEALTH_TEXT[result.data.issue.healthStatus]}.` : '',
        result.data.healthError ? `The health status was not changed: ${result.data.healthError}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
  };

  const text = (key: 'summary' | 'done' | 'remaining' | 'eta', label: string, hint?: string) => (
    <div className={`epic-field epic-${key}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type="text" value={form[key]} placeholder={hint} aria-invalid={byPath[key] ? true : undefined} onChange={(e) => edit({ [key]: e.target.value })} />
    </div>
  );
  const area = (key: 'changes' | 'next' | 'help', label: string, rows = 2) => (
    <div className={`epic-field epic-${key}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <textarea id={`${id}-${key}`} rows={rows} value={form[key]} aria-invalid={byPath[key] ? true : undefined} onChange={(e) => edit({ [key]: e.target.value })} />
    </div>
  );

  return (
    <form className="status-form epic-form" aria-label="Epic update" data-refinery="epic-update" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="status-fields" disabled={drafted.posting}>
        <fieldset role="radiogroup" aria-labelledby={`${id}-status`} className="epic-status">
          <legend id={`${id}-status`}>Status</legend>
          {EPIC_STATUSES.map((s) => (
            <label key={s} data-epic-status={s}>
              <input type="radio" name={`${id}-status`} checked={form.status === s} onChange={() => edit({ status: s })} />
              {s}
            </label>
          ))}
          {/* GitLab Ultimate epics (work items) have a health status: the weekly status sets it. */}
          {view.capabilities.healthStatus && <p className="hint">Also sets the epic’s health status: ok is On track, so-so Needs attention, bad At risk.</p>}
        </fieldset>
        {text('summary', 'In a few words', 'what is going well, what is blocked')}
        <div className="epic-progress">
          {text('done', 'Done', '3 of 8 issues')}
          {text('remaining', 'Remaining', '5 issues')}
          {text('eta', 'ETA', 'end of 18.11')}
        </div>
        <PercentField label="Confidence" value={form.confidence} onChange={(confidence) => edit({ confidence })} error={byPath.confidence} />
        {area('changes', 'Since the last update (one line per child)', form.changes ? 4 : 2)}
        {area('next', "What's next")}
        {area('help', 'Help needed')}
        <PeoplePicker issueRef={ref} selected={form.mentions} onChange={(mentions) => edit({ mentions })} legend="Mention who can help" />
      </fieldset>
      {errors.length > 0 && (
        <div className="alert" role="alert" tabIndex={-1} ref={summary} aria-label="Problems with this update">
          <p>Not posted: fix these first.</p>
          <ul>
            {errors.map((e) => (
              <li key={`${e.path}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {preview !== null && <Preview issueRef={ref} markdown={preview} onClose={() => setPreview(null)} />}
      <FormActions
        hasDraft={drafted.hasDraft}
        onPreview={() => {
          const update = checked();
          if (update) setPreview(formatEpicUpdate(update, { updateId: 'preview-update' }));
        }}
        onDiscard={() => void drafted.discard()}
        posting={drafted.posting}
        draftNote={drafted.draftNote}
        posted={phase.status === 'posted' ? phase.text : null}
        healthError={null}
        failure={phase.status === 'failed' ? { text: failedText(phase.error, ref.forge), kind: phase.error.kind } : null}
      />
    </form>
  );
}
