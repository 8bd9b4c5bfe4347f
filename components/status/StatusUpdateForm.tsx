// The handbook's async issue update as a form: complete %, confidence %, notes, concern, health status and one row per
// related merge request; a preview rendered by the forge; "Post update" posts it once. What is typed is a draft until
// the forge confirms the post.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Issue, LinkedChange, Note, User } from '@/lib/forge/model';
import { draftKey } from '@/lib/drafts/store';
import type { Settings } from '@/lib/handbook/settings';
import { formatUpdate, HEALTH_TEXT, type FieldError, type StatusUpdate } from '@/lib/handbook/status/status-format';
import { lastUpdateFor } from '@/lib/handbook/status/status-parse';
import { prefillUpdate } from '@/lib/handbook/status/status-prefill';
import { call, type IssueView, type PostedUpdate } from '@/lib/messaging';
import type { ForgeErrorData } from '@/lib/forge/errors';
import { ChangeRows } from './ChangeRows';
import { ConcernSelect } from './ConcernSelect';
import { checkForm, formFromUpdate, isStatusDraftValue, type StatusDraftValue, type StatusForm } from './formState';
import { HealthRadios } from './HealthRadios';
import { PercentField } from './PercentField';
import { failedText, healthHint, postedText } from './postText';
import { Preview } from './Preview';
import { FormActions } from './FormActions';
import { useDraftedForm } from './useDraftedForm';

export interface StatusUpdateFormProps {
  view: IssueView;
  settings: Readonly<Settings>;
  onIssue: (issue: Issue) => void;
  notes: readonly Note[] | null;
  linked: readonly LinkedChange[];
  me: User | null;
  /** A post went through: the section shows the note in the history at once and reads the comments again. */
  onPosted: (note: Note) => void;
  onRemoteChange: () => void;
}

type Phase =
  | { status: 'idle' }
  | { status: 'posted'; text: string; healthError: string | null }
  | { status: 'failed'; error: ForgeErrorData };

/** The comment for an update; the team's template, or the handbook's when the stored one cannot be used. */
export function commentFor(update: StatusUpdate, view: IssueView, settings: Readonly<Settings>, updateId: string): string {
  const opts = { forge: view.issue.ref.forge, updateId, healthVia: 'none' as const };
  try {
    return formatUpdate(update, { ...opts, template: settings.statusUpdates.template });
  } catch {
    return formatUpdate(update, opts);
  }
}

export function StatusUpdateForm({ view, settings, onIssue, notes, linked, me, onPosted, onRemoteChange }: StatusUpdateFormProps) {
  const { issue, capabilities } = view;
  const ref = issue.ref;
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const [preview, setPreview] = useState<{ markdown: string; note?: string } | null>(null);

  const prefill = (previous: StatusUpdate | null): StatusDraftValue => ({ v: 1, form: formFromUpdate(prefillUpdate(previous, linked)) });
  const initial = () => prefill(me && notes ? lastUpdateFor(notes, me.username) : null);
  const drafted = useDraftedForm(draftKey(ref, 'status'), isStatusDraftValue, initial, onRemoteChange);
  const form = drafted.value?.form ?? null;
  const scope = settings.scopes.health;

  if (form === null) return <p role="status">Loading your draft…</p>;

  const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
  const edit = (patch: Partial<StatusForm>) => {
    const next = { ...form, ...patch };
    drafted.change({ v: 1, form: next });
    if (phase.status === 'posted') setPhase({ status: 'idle' });
    // Once errors are shown they follow the edits, so a fixed field stops being marked.
    if (errors.length) {
      const check = checkForm(next);
      setErrors(check.ok ? [] : check.errors);
    }
  };

  const checked = (): StatusUpdate | null => {
    const check = checkForm(form);
    if (check.ok) {
      setErrors([]);
      return check.update;
    }
    setErrors(check.errors);
    setPhase({ status: 'idle' });
    // The summary lists every problem; moving focus there makes a screen reader say them.
    requestAnimationFrame(() => summary.current?.focus());
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (drafted.posting) return;
    const update = checked();
    if (update === null) return;
    setPhase({ status: 'idle' });
    const result = await drafted.post((updateId) => call('postStatusUpdate', { kind: 'status', ref, updateId, update }));
    if (result === null) return;
    if (!result.ok) return setPhase({ status: 'failed', error: result.error });
    const posted: PostedUpdate = result.data;
    if (posted.issue) onIssue(posted.issue);
    onPosted(posted.note);
    setPreview(null);
    // The next update starts from this one (notes cleared), as it would after a reload.
    drafted.reset(prefill(update));
    setPhase({ status: 'posted', text: postedText(posted, update.health, scope), healthError: posted.healthError });
  };

  const showPreview = () => {
    const update = checked();
    if (update === null) return;
    const health = update.health === null ? undefined : `Health status: ${HEALTH_TEXT[update.health]}. ${healthHint(ref, capabilities, update.health, scope)}`;
    setPreview({ markdown: commentFor(update, view, settings, 'preview-update'), note: health });
  };

  return (
    <form className="status-form" aria-label="Status update" data-refinery="status-update" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="status-fields" disabled={drafted.posting}>
        <div className="percents">
          <PercentField label="Complete" value={form.complete} onChange={(complete) => edit({ complete })} error={byPath.complete} />
          <PercentField label="Confidence" value={form.confidence} onChange={(confidence) => edit({ confidence })} error={byPath.confidence} />
        </div>
        <div className="notes">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <textarea
            id={`${id}-notes`}
            rows={3}
            value={form.notes}
            placeholder="What was done, whether review has started"
            aria-invalid={byPath.notes ? true : undefined}
            onChange={(e) => edit({ notes: e.target.value })}
          />
        </div>
        <ConcernSelect issueRef={ref} value={form.concern} onChange={(concern) => edit({ concern })} />
        <HealthRadios value={form.health} onChange={(health) => edit({ health })} hint={healthHint(ref, capabilities, form.health, scope)} />
        <ChangeRows forge={ref.forge} rows={form.changes} linked={linked} onChange={(changes) => edit({ changes })} errors={byPath} />
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
      {preview && <Preview issueRef={ref} markdown={preview.markdown} note={preview.note} onClose={() => setPreview(null)} />}
      <FormActions
        hasDraft={drafted.hasDraft}
        onPreview={showPreview}
        onDiscard={() => void drafted.discard()}
        posting={drafted.posting}
        draftNote={drafted.draftNote}
        posted={phase.status === 'posted' ? phase.text : null}
        healthError={phase.status === 'posted' ? phase.healthError : null}
        failure={phase.status === 'failed' ? { text: failedText(phase.error, ref.forge), kind: phase.error.kind } : null}
      />
    </form>
  );
}
