// Break down on GitHub into real sub-issues: one title per line, each created in this repository and added under
// this issue, one at a time. A title leaves the box only once its issue exists, so "Try again" never creates an issue
// twice and nothing typed is lost when the network fails half-way.
import { useId, useState } from 'react';
import type { IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { failureText } from './errorText';

/** GitHub's limit is 100 sub-issues per parent; a break-down is a handful. */
export const MAX_SUB_ISSUES_AT_ONCE = 20;

interface Created {
  iid: number;
  title: string;
  url: string;
  problem: string | null;
}

export function titlesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

export function SubIssuesForm({ parent }: { parent: IssueRef }) {
  const id = useId();
  const [text, setText] = useState('');
  const [created, setCreated] = useState<Created[]>([]);
  const [busy, setBusy] = useState<{ at: number; of: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titles = titlesOf(text);
  const tooMany = titles.length > MAX_SUB_ISSUES_AT_ONCE;

  const create = async () => {
    if (busy !== null || titles.length === 0 || tooMany) return;
    setError(null);
    let left = titles;
    try {
      for (const [k, title] of titles.entries()) {
        setBusy({ at: k + 1, of: titles.length });
        const r = await call('createSubIssue', { ref: parent, title: title.slice(0, 256) });
        if (!r.ok) {
          setError(failureText(`create "${title}"`, r.error, parent.forge));
          break;
        }
        const entry: Created = { iid: r.data.issue.ref.iid, title: r.data.issue.title, url: r.data.issue.webUrl, problem: r.data.problem };
        left = left.slice(1);
        setText(left.join('\n'));
        setCreated((c) => [...c, entry]);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="sub-issues" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-titles`}>
        Sub-issues to create, one title per line
      </label>
      <textarea id={`${id}-titles`} rows={3} value={text} aria-invalid={tooMany || undefined} onChange={(e) => setText(e.target.value)} />
      {tooMany && <p className="alert">At most {MAX_SUB_ISSUES_AT_ONCE} at once.</p>}
      <div className="row">
        <button type="button" className="primary" aria-disabled={busy !== null || titles.length === 0 || tooMany} onClick={() => void create()}>
          {titles.length === 0 ? 'Create sub-issues' : `Create ${titles.length} sub-issue${titles.length === 1 ? '' : 's'}`}
        </button>
      </div>
      <p className="status" role="status">
        {busy ? `Creating ${busy.at} of ${busy.of}… (GitHub wants a few seconds between new issues)` : created.length ? `Created ${created.length} sub-issue${created.length === 1 ? '' : 's'}; weight each one.` : ''}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error} The titles not created yet are still in the box.
        </p>
      )}
      {created.length > 0 && (
        <ul aria-label="Created sub-issues">
          {created.map((c) => (
            <li key={c.iid}>
              <a href={c.url}>
                #{c.iid} {c.title}
              </a>
              {c.problem && <span className="alert"> {c.problem}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
