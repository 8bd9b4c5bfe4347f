// The options page's Templates section: the handbook's templates (editable, and reset to the handbook's text) and the
// team's own (added and deleted), exported and imported as a JSON file to share them. Every change is saved at once;
// a change that does not validate, or an import with errors, saves nothing and says why.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { exportTemplates, importTemplates, type Template, type UserTemplate } from '@/lib/handbook/templates/templates';
import { InvalidTemplatesError, loadUserTemplates, saveUserTemplates, templatesFrom } from '@/lib/settings/templates-store';
import { defaultOf, fieldErrors, isEdited, mergeImported, newTemplateId, removeTemplate, saveEdit, type FieldErrors } from './templateEdits';

interface Editing {
  /** The template's id; null for a new one. */
  id: string | null;
  title: string;
  body: string;
  errors: FieldErrors;
}

type Feedback = { kind: 'done'; text: string } | { kind: 'failed'; lines: string[] } | null;

const styles = `
.template-list { list-style: none; padding: 0; display: grid; gap: 10px; }
.template-item { border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 8px; padding: 10px 12px; }
.template-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.template-form { display: grid; gap: 6px; margin-top: 8px; }
.template-form textarea, .template-io textarea {
  font: 0.85rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; padding: 5px 8px; border-radius: 4px;
  border: 1px solid color-mix(in srgb, CanvasText 60%, transparent); background: Field; color: FieldText;
}
.template-form textarea[aria-invalid="true"], .template-form input[aria-invalid="true"] { border-color: #d33; }
.template-io { display: grid; gap: 6px; max-width: 560px; }
`;

function failure(e: unknown): string[] {
  if (e instanceof InvalidTemplatesError) return e.problems;
  return [e instanceof Error ? e.message : String(e)];
}

function TemplateForm({
  editing,
  saving,
  onChange,
  onSave,
  onCancel,
}: {
  editing: Editing;
  saving: boolean;
  onChange: (e: Editing) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  const field = (key: 'title' | 'body') => ({
    id: `${id}-${key}`,
    value: editing[key],
    'aria-invalid': editing.errors[key] ? true : undefined,
    'aria-describedby': editing.errors[key] ? `${id}-${key}-error` : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...editing, [key]: e.target.value }),
  });
  const error = (key: 'title' | 'body') =>
    editing.errors[key] && (
      <p className="error" id={`${id}-${key}-error`}>
        {editing.errors[key]}
      </p>
    );
  return (
    <form className="template-form" aria-label={editing.id ? `Edit ${editing.title || 'template'}` : 'New template'} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-title`}>Title</label>
      <input type="text" {...field('title')} />
      {error('title')}
      <label htmlFor={`${id}-body`}>Template text</label>
      <textarea rows={12} {...field('body')} />
      {error('body')}
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={saving}>
          Save template
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function TemplatesOptions() {
  const [user, setUser] = useState<UserTemplate[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const id = useId();

  useEffect(() => {
    let live = true;
    loadUserTemplates().then(
      (list) => live && setUser(list),
      () => {
        if (!live) return;
        setLoadFailed(true);
        setUser([]);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (!user) return <p role="status">Loading templates…</p>;
  const merged = templatesFrom(user);

  const store = async (next: UserTemplate[], done: string): Promise<boolean> => {
    setSaving(true);
    try {
      await saveUserTemplates(next);
      setUser(next);
      setFeedback({ kind: 'done', text: done });
      return true;
    } catch (e) {
      setFeedback({ kind: 'failed', lines: failure(e) });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const startEdit = (t: Template) => {
    setFeedback(null);
    setEditing({ id: t.id, title: t.title, body: t.body, errors: {} });
  };
  const startNew = () => {
    setFeedback(null);
    setEditing({ id: null, title: '', body: '', errors: {} });
  };

  const saveEditing = async () => {
    if (!editing || saving) return;
    const templateId = editing.id ?? newTemplateId(editing.title, merged.map((t) => t.id));
    const candidate = { id: templateId, title: editing.title.trim(), body: editing.body };
    const errors = fieldErrors(candidate);
    if (Object.keys(errors).length > 0) return setEditing({ ...editing, errors });
    if (await store(saveEdit(user, candidate), `Saved “${candidate.title}”.`)) setEditing(null);
  };

  const reset = (t: Template) => {
    if (saving) return;
    if (editing?.id === t.id) setEditing(null);
    void store(removeTemplate(user, t.id), `“${defaultOf(t.id)?.title ?? t.title}” is the handbook's text again.`);
  };
  const remove = (t: Template) => {
    if (saving) return;
    if (editing?.id === t.id) setEditing(null);
    void store(removeTemplate(user, t.id), `Deleted “${t.title}”.`);
  };

  const runImport = async (json: string) => {
    const result = importTemplates(json);
    if (!result.ok) {
      setImportErrors(result.errors);
      setFeedback(null);
      return;
    }
    const { list, replaced, added } = mergeImported(user, result.templates);
    const parts = [added && `${added} added`, replaced && `${replaced} replaced`].filter(Boolean).join(', ');
    setImportErrors([]);
    if (await store(list, `Imported ${result.templates.length} template${result.templates.length === 1 ? '' : 's'}${parts ? ` (${parts})` : ''}.`)) {
      setPasted('');
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    try {
      await runImport(await file.text());
    } catch (err) {
      setImportErrors([`The file could not be read: ${err instanceof Error ? err.message : String(err)}`]);
    }
  };

  const copy = async () => {
    if (exported === null) return;
    try {
      await navigator.clipboard.writeText(exported);
      setFeedback({ kind: 'done', text: 'Copied the templates to the clipboard.' });
    } catch {
      setFeedback({ kind: 'failed', lines: ['Could not copy to the clipboard: select the text and copy it yourself.'] });
    }
  };

  const form = (
    <TemplateForm
      editing={editing!}
      saving={saving}
      onChange={setEditing}
      onSave={() => void saveEditing()}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <div className="templates-options">
      <style>{styles}</style>
      {loadFailed && <p className="problems">Could not read the stored templates; showing the handbook&apos;s.</p>}
      <p className="help">
        The texts the issue panel inserts. The built-in ones are the handbook&apos;s: edit them for your team, or add
        your own.
      </p>
      <ul className="template-list" aria-label="Templates">
        {merged.map((t) => {
          const edited = t.builtIn && isEdited(user, t.id);
          return (
            <li key={t.id} className="template-item">
              <div className="template-head">
                <h3>{t.title}</h3>
                <span className="badge">{!t.builtIn ? 'Your own' : edited ? 'Edited' : "Handbook's text"}</span>
              </div>
              <div className="actions">
                <button type="button" aria-label={`Edit ${t.title}`} onClick={() => startEdit(t)}>
                  Edit
                </button>
                {edited && (
                  <button type="button" aria-label={`Reset ${t.title} to the handbook's text`} aria-disabled={saving} onClick={() => reset(t)}>
                    Reset to the handbook&apos;s text
                  </button>
                )}
                {!t.builtIn && (
                  <button type="button" className="danger" aria-label={`Delete ${t.title}`} aria-disabled={saving} onClick={() => remove(t)}>
                    Delete
                  </button>
                )}
              </div>
              {editing?.id === t.id && form}
            </li>
          );
        })}
      </ul>
      {editing?.id === null ? form : (
        <button type="button" onClick={startNew}>
          Add a template
        </button>
      )}
      <p role="status" className="result">
        {feedback?.kind === 'done' && feedback.text}
      </p>
      {feedback?.kind === 'failed' && (
        <div role="alert" className="error">
          <p>Not saved:</p>
          <ul>
            {feedback.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      )}

      <h3>Share with your team</h3>
      <div className="template-io">
        <p className="help">The file holds your edits and your own templates; the handbook&apos;s texts come with Refinery.</p>
        <div className="actions">
          <button type="button" onClick={() => setExported(exportTemplates(user))}>
            Export templates
          </button>
        </div>
        {exported !== null && (
          <>
            <label htmlFor={`${id}-export`}>Templates JSON</label>
            <textarea id={`${id}-export`} rows={8} readOnly value={exported} />
            <div className="actions">
              <a href={`data:application/json;charset=utf-8,${encodeURIComponent(exported)}`} download="refinery-templates.json">
                Download refinery-templates.json
              </a>
              <button type="button" onClick={() => void copy()}>
                Copy to the clipboard
              </button>
            </div>
          </>
        )}
        <label htmlFor={`${id}-file`}>Import from a file</label>
        <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
        <label htmlFor={`${id}-paste`}>Paste templates JSON</label>
        <textarea
          id={`${id}-paste`}
          rows={6}
          value={pasted}
          aria-invalid={importErrors.length > 0 ? true : undefined}
          onChange={(e) => setPasted(e.target.value)}
        />
        <div className="actions">
          <button type="button" aria-disabled={saving || pasted.trim() === ''} onClick={() => pasted.trim() && void runImport(pasted)}>
            Import
          </button>
        </div>
        {importErrors.length > 0 && (
          <div role="alert" className="error">
            <p>Nothing was imported:</p>
            <ul>
              {importErrors.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
