// Options of the lists feature: the quiet weight chip on healthy issues, and the team for capacity in the popup — each
// person's username with their availability in percent (handbook "Team availability": the weight budget of 10 shrinks
// with it). Nothing typed is lost: an invalid row is marked and the draft stays as typed.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_LIST_SETTINGS, listSettingsSchema, loadListSettings, saveListSettings, type ListSettings } from '@/lib/settings/lists';

interface Row {
  key: number;
  username: string;
  availability: string;
}

interface Draft {
  quietChip: boolean;
  myAvailability: string;
  team: Row[];
}

let nextKey = 1;
const draftOf = (s: ListSettings): Draft => ({
  quietChip: s.quietChip,
  myAvailability: String(s.myAvailability),
  team: s.team.map((m) => ({ key: nextKey++, username: m.username, availability: String(m.availability) })),
});

const percent = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) && Number(text) <= 100 ? Number(text) : null);

type Errors = Record<string, string>;

function check(d: Draft): { settings: ListSettings | null; errors: Errors } {
  const errors: Errors = {};
  const my = percent(d.myAvailability);
  if (my === null) errors.my = 'A whole number from 0 to 100.';
  const seen = new Set<string>();
  const team = d.team
    .filter((r) => r.username.trim() !== '' || r.availability.trim() !== '')
    .map((r) => {
      const username = r.username.trim().replace(/^@/, '');
      if (!/^[^\s,]+$/.test(username)) errors[`u${r.key}`] = 'A username, without spaces or commas.';
      else if (seen.has(username.toLowerCase())) errors[`u${r.key}`] = 'This person is listed twice.';
      seen.add(username.toLowerCase());
      const availability = percent(r.availability);
      if (availability === null) errors[`a${r.key}`] = 'A whole number from 0 to 100.';
      return { username, availability: availability ?? 0 };
    });
  if (Object.keys(errors).length) return { settings: null, errors };
  const parsed = listSettingsSchema.safeParse({ quietChip: d.quietChip, myAvailability: my, team });
  return parsed.success ? { settings: parsed.data, errors } : { settings: null, errors: { form: 'At most 20 team members.' } };
}

export function TeamForm() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [feedback, setFeedback] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    loadListSettings().then(
      (s) => live && setDraft(draftOf(s)),
      () => live && setDraft(draftOf(DEFAULT_LIST_SETTINGS)),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!draft) return <p role="status">Loading…</p>;
  const change = (next: Partial<Draft>) => {
    setFeedback(null);
    setDraft({ ...draft, ...next });
  };
  const setRow = (key: number, patch: Partial<Row>) => change({ team: draft.team.map((r) => (r.key === key ? { ...r, ...patch } : r)) });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { settings, errors: found } = check(draft);
    setErrors(found);
    if (!settings) {
      setFeedback('Not saved: fix the marked fields.');
      return;
    }
    try {
      await saveListSettings(settings);
      setFeedback('Saved.');
    } catch (err) {
      setFeedback(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const field = (key: string) => ({ 'aria-invalid': errors[key] ? true : undefined, 'aria-describedby': errors[key] ? `${id}-${key}` : undefined });
  const message = (key: string) =>
    errors[key] ? (
      <span id={`${id}-${key}`} className="error">
        {errors[key]}
      </span>
    ) : null;

  return (
    <form className="settings-form team-form" onSubmit={save} aria-label="Lists and capacity">
      <style>{teamStyles}</style>
      <label className="check">
        <input type="checkbox" checked={draft.quietChip} onChange={(e) => change({ quietChip: e.target.checked })} /> Show a quiet weight chip on
        issues without findings
      </label>
      <div className="text-field">
        <label htmlFor={`${id}-my`}>Your availability (%)</label>
        <input id={`${id}-my`} type="text" inputMode="numeric" value={draft.myAvailability} onChange={(e) => change({ myAvailability: e.target.value })} {...field('my')} />
        {message('my')}
      </div>
      <fieldset className="stack">
        <legend>Team for capacity</legend>
        <p className="help">Usernames on the forge and their availability this milestone: work days available ÷ work days in the milestone × 100.</p>
        {draft.team.map((r, k) => (
          <div className="team-row" key={r.key}>
            <input type="text" aria-label={`Username of team member ${k + 1}`} value={r.username} onChange={(e) => setRow(r.key, { username: e.target.value })} {...field(`u${r.key}`)} />
            <input
              type="text"
              inputMode="numeric"
              aria-label={`Availability of team member ${k + 1} (%)`}
              value={r.availability}
              onChange={(e) => setRow(r.key, { availability: e.target.value })}
              {...field(`a${r.key}`)}
            />
            <button type="button" onClick={() => change({ team: draft.team.filter((x) => x.key !== r.key) })}>
              Remove team member {k + 1}
            </button>
            {message(`u${r.key}`)}
            {message(`a${r.key}`)}
          </div>
        ))}
        <button type="button" disabled={draft.team.length >= 20} onClick={() => change({ team: [...draft.team, { key: nextKey++, username: '', availability: '100' }] })}>
          Add team member
        </button>
      </fieldset>
      {message('form')}
      <button type="submit" className="primary">
        Save list and capacity settings
      </button>
      <p role="status">{feedback}</p>
    </form>
  );
}

const teamStyles = `
.team-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 4px; }
.team-row input[aria-label^="Availability"] { width: 4.5em; }
.team-form .check { font-weight: normal; }
`;
