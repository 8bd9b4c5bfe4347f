// Whom to mention (the EM and PM): the project's members as checkboxes, with a filter. Loaded on first use.
import { useEffect, useId, useState } from 'react';
import type { IssueRef, User } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { refKey } from '@/components/panel/refKey';
import { failureText } from './errorText';

const SHOWN = 50;

type Load = { status: 'loading' } | { status: 'failed'; text: string } | { status: 'ready'; people: User[] };

export function PeoplePicker({
  issueRef,
  selected,
  onChange,
  legend = 'Mention (EM and PM)',
}: {
  issueRef: IssueRef;
  selected: readonly string[];
  onChange: (usernames: string[]) => void;
  /** Names the group (the reviewer picker of the templates reuses this). */
  legend?: string;
}) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [filter, setFilter] = useState('');
  const id = useId();

  const key = refKey(issueRef); // a write's returned issue brings a new ref object: not a reason to reload
  useEffect(() => {
    let live = true;
    const ref = JSON.parse(key) as IssueRef;
    call('listMembers', { ref }).then((r) => {
      if (!live) return;
      setLoad(r.ok ? { status: 'ready', people: r.data } : { status: 'failed', text: failureText("load the project's members", r.error, ref.forge) });
    });
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const toggle = (username: string, on: boolean) =>
    onChange(on ? [...selected, username] : selected.filter((u) => u !== username));

  const wanted = filter.trim().toLowerCase();
  const matches =
    load.status === 'ready'
      ? load.people.filter((p) => !wanted || p.username.toLowerCase().includes(wanted) || p.name.toLowerCase().includes(wanted))
      : [];

  return (
    <fieldset className="people" aria-describedby={`${id}-selected`}>
      <legend>{legend}</legend>
      {load.status === 'loading' && <p role="status">Loading people…</p>}
      {load.status === 'failed' && (
        <div className="row">
          <p className="conflict">{load.text}</p>
          <button
            type="button"
            onClick={() => {
              setLoad({ status: 'loading' });
              setAttempt((a) => a + 1);
            }}
          >
            Retry loading people
          </button>
        </div>
      )}
      {load.status === 'ready' && (
        <>
          <input type="search" aria-label="Filter people" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <ul className="people-list">
            {matches.slice(0, SHOWN).map((p) => (
              <li key={p.id}>
                <label>
                  <input type="checkbox" checked={selected.includes(p.username)} onChange={(e) => toggle(p.username, e.target.checked)} />
                  {p.name} (@{p.username})
                </label>
              </li>
            ))}
          </ul>
          {matches.length === 0 && <p className="hint">Nobody matches “{filter}”.</p>}
          {matches.length > SHOWN && <p className="hint">Showing {SHOWN} of {matches.length}: type to narrow down.</p>}
        </>
      )}
      <p className="hint" id={`${id}-selected`}>
        {selected.length ? `Will mention ${selected.map((u) => `@${u}`).join(', ')}` : 'Nobody selected yet.'}
      </p>
    </fieldset>
  );
}
