// What the status section reads from the forge: the issue's comments (history, the user's previous update), the
// merge requests / pull requests related to it, and who the user is. Each may fail on its own; the form still works.
import { useCallback, useEffect, useState } from 'react';
import type { IssueRef, LinkedChange, Note, User } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { refKey } from '@/components/panel/refKey';
import { failureText } from '@/components/weights/errorText';

export type StatusData =
  | { status: 'loading' }
  | {
      status: 'ready';
      /** null when the comments could not be read. */
      notes: Note[] | null;
      linked: LinkedChange[];
      me: User | null;
      /** Readable failures of the parts that could not be read. */
      problems: string[];
      /** When the data was read (epoch ms): "last update N days ago" counts from here. */
      readAt: number;
    };

type Ready = Extract<StatusData, { status: 'ready' }>;

export interface StatusDataHandle {
  data: StatusData;
  /** Reads the comments again (after a post: system notes, other people's updates). */
  reloadNotes(): void;
  /** Adds a note we just posted, so history and "last update" follow at once. */
  addNote(note: Note): void;
}

export function useStatusData(ref: IssueRef, opts: { linked: boolean }): StatusDataHandle {
  const key = refKey(ref);
  // Answers are kept with the issue they belong to: another issue's data is never shown, without resetting in an effect.
  const [loaded, setLoaded] = useState<{ key: string; data: Ready } | null>(null);
  const data: StatusData = loaded?.key === key ? loaded.data : { status: 'loading' };
  const setData = useCallback((update: (d: Ready) => Ready) => setLoaded((l) => (l?.key === key ? { key, data: update(l.data) } : l)), [key]);
  const [notesAttempt, setNotesAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const target = JSON.parse(key) as IssueRef;
    Promise.all([
      call('listNotes', { ref: target }),
      opts.linked ? call('listLinkedChanges', { ref: target }) : Promise.resolve({ ok: true as const, data: [] as LinkedChange[] }),
      call('currentUser', { ref: target }),
    ]).then(([notes, linked, me]) => {
      if (!live) return;
      const problems: string[] = [];
      if (!notes.ok) problems.push(failureText('read the earlier updates', notes.error, target.forge));
      if (!linked.ok) problems.push(failureText(`read the related ${target.forge === 'github' ? 'pull' : 'merge'} requests`, linked.error, target.forge));
      if (!me.ok) problems.push(failureText('find out who you are (to start from your previous update)', me.error, target.forge));
      const ready: Ready = { status: 'ready', notes: notes.ok ? notes.data : null, linked: linked.ok ? linked.data : [], me: me.ok ? me.data : null, problems, readAt: Date.now() };
      setLoaded({ key, data: ready });
    });
    return () => {
      live = false;
    };
  }, [key, opts.linked]);

  useEffect(() => {
    if (notesAttempt === 0) return;
    let live = true;
    call('listNotes', { ref: JSON.parse(key) as IssueRef }).then((r) => {
      if (!live || !r.ok) return;
      setData((d) => ({ ...d, notes: r.data, readAt: Date.now(), problems: d.problems.filter((p) => !p.includes('earlier updates')) }));
    });
    return () => {
      live = false;
    };
  }, [key, notesAttempt, setData]);

  const reloadNotes = useCallback(() => setNotesAttempt((n) => n + 1), []);
  const addNote = useCallback(
    (note: Note) => setData((d) => (d.notes && !d.notes.some((n) => n.id === note.id) ? { ...d, notes: [...d.notes, note], readAt: Date.now() } : d)),
    [setData],
  );
  return { data, reloadNotes, addNote };
}
