// The Plan section (issue 18): a parent's children at a glance — weights against the parent's own, progress weighted
// by weight, health, stale or unreadable updates, a link per child — and "Draft weekly update", which opens the epic
// weekly update form prefilled from the children (nothing is posted until the user posts it there).
import { useCallback, useEffect, useId, useState } from 'react';
import type { ChildrenRead } from '@/lib/forge/children-model';
import type { IssueRef, Note } from '@/lib/forge/model';
import { epicHistoryFromNotes, parseEpicUpdate } from '@/lib/handbook/status/epic-update';
import { effectiveWeight } from '@/lib/handbook/refinement/facts';
import { weeklyDraft } from '@/lib/handbook/plan/draft';
import { rollUp, type ChildRow, type RollUp } from '@/lib/handbook/plan/rollup';
import { HEALTH_TEXT } from '@/lib/handbook/status/status-format';
import { safeHref } from '@/lib/html/sanitize';
import { call } from '@/lib/messaging';
import type { SectionProps } from '@/components/panel/sections';
import { refKey } from '@/components/panel/refKey';
import { EpicUpdateForm } from '@/components/status/EpicUpdateForm';
import type { EpicForm } from '@/components/status/epicFormState';
import { statusStyles } from '@/components/status/styles';
import { failureText } from '@/components/weights/errorText';
import { planStyles } from './styles';

type Loaded = { key: string; read: ChildrenRead | null; notes: Note[] | null; problems: string[]; readAt: number };

const SOURCE: Record<ChildrenRead['source'], string> = {
  hierarchy: 'child items',
  'sub-issues': 'sub-issues',
  'task-list': 'issues linked from the task list',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const signed = (n: number) => (n > 0 ? `${n} more than` : n < 0 ? `${-n} less than` : 'the same as');

function ChildLink({ row, baseUrl }: { row: ChildRow; baseUrl: string }) {
  const href = safeHref(row.child.webUrl, baseUrl);
  const label = `${row.child.reference} ${row.child.title}`;
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" data-plan-child={row.child.reference}>
      {label}
    </a>
  ) : (
    <span data-plan-child={row.child.reference}>{label}</span>
  );
}

function ChildList({ title, rows, baseUrl, kind, note }: { title: string; rows: ChildRow[]; baseUrl: string; kind: string; note?: (r: ChildRow) => string }) {
  if (!rows.length) return null;
  return (
    <div className="plan-list" data-plan-list={kind}>
      <p className="plan-list-title">{`${title} (${rows.length})`}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.child.reference}>
            <ChildLink row={r} baseUrl={baseUrl} />
            {note ? <span className="plan-note">{` — ${note(r)}`}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function figures(r: RollUp): { key: string; term: string; value: string }[] {
  const out: { key: string; term: string; value: string }[] = [];
  const parent = r.parentWeight === null ? 'the parent has no weight' : `${signed(r.difference!)} the parent's ${r.parentWeight}`;
  out.push({ key: 'weight', term: 'Weight', value: `${r.weight.total} (open ${r.weight.open}, closed ${r.weight.closed}); ${parent}` });
  if (r.rolledUpWeight !== null) out.push({ key: 'rolled-up', term: "GitLab's rolled-up weight", value: String(r.rolledUpWeight) });
  if (r.backend && r.frontend) {
    out.push({ key: 'split', term: 'Backend / frontend', value: `backend ${r.backend.total} (open ${r.backend.open}), frontend ${r.frontend.total} (open ${r.frontend.open})` });
  }
  const zero = r.withoutProgress.length ? `; ${plural(r.withoutProgress.length, 'open child', 'open children')} without a complete % counted as 0%` : '';
  out.push({ key: 'completion', term: 'Done by weight', value: r.completion === null ? 'no weighted child' : `${r.completion}%${zero}` });
  const health = r.health.worst === null ? 'no health given' : `${HEALTH_TEXT[r.health.worst]} at worst: ${r.health.atRisk} at risk, ${r.health.needsAttention} needing attention`;
  out.push({ key: 'health', term: 'Health', value: health });
  out.push({ key: 'children', term: 'Children', value: `${r.counts.counted} counted: ${r.counts.open} open, ${r.counts.closed} closed, ${r.counts.weighted} weighted` });
  return out;
}

function progressOf(r: ChildRow): string {
  if (r.child.state === 'closed') return 'closed';
  const u = r.latest;
  if (!u) return r.unrecognised ? 'update not recognised' : 'no update';
  const parts = [u.complete === null ? null : `${u.complete}% complete`, u.confidence === null ? null : `${u.confidence}% confident`, `on ${u.createdAt.slice(0, 10)}`];
  return parts.filter(Boolean).join(', ');
}

/** Children the token cannot read: named where the forge names them (a task list's links), else counted only. */
function unreadableText(read: ChildrenRead): string {
  const { count, names } = read.unreadable;
  if (names.length > 0) return `${plural(count, 'child', 'children')} this token cannot read: ${names.join(', ')}.`;
  // GitLab's counts hold every level below the parent; it names none of what it hides.
  if (read.source === 'hierarchy') return `${plural(count, 'item')} under this parent this token cannot read: GitLab counts them and names none.`;
  return `${plural(count, 'child', 'children')} this token cannot read: GitHub counts them and names none.`;
}

export function PlanSection({ view, settings }: SectionProps) {
  const id = useId();
  const { issue } = view;
  const key = refKey(issue.ref);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [draft, setDraft] = useState<Partial<EpicForm> | null>(null);
  const data = loaded?.key === key ? loaded : null;

  useEffect(() => {
    let live = true;
    const ref = JSON.parse(key) as IssueRef;
    Promise.all([call('listChildren', { ref, fresh: attempt > 0 }), call('listNotes', { ref, fresh: attempt > 0 })]).then(([children, notes]) => {
      if (!live) return;
      const problems: string[] = [];
      if (!children.ok) problems.push(failureText('read the children', children.error, ref.forge));
      if (!notes.ok) problems.push(failureText('read the earlier weekly updates', notes.error, ref.forge));
      setLoaded({ key, read: children.ok ? children.data : null, notes: notes.ok ? notes.data : null, problems, readAt: Date.now() });
    });
    return () => {
      live = false;
    };
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // A posted weekly update is the new "last weekly update": kept without reading everything again.
  const posted = useCallback((note: Note) => setLoaded((l) => (l?.key === key && l.notes ? { ...l, notes: [...l.notes, note] } : l)), [key]);

  const read = data?.read ?? null;
  const parentWeight = read?.parent.weight ?? effectiveWeight(issue, view.capabilities, settings).weight;
  const r = read && data ? rollUp({ parent: { weight: parentWeight, rolledUpWeight: read.parent.rolledUpWeight ?? null }, children: read.children }, settings, data.readAt) : null;

  const startDraft = () => {
    if (!r || !data) return;
    const history = data.notes ? epicHistoryFromNotes(data.notes) : [];
    const last = history.at(-1);
    const lastNote = last && data.notes?.find((n) => n.id === last.noteId);
    const lastUpdate = lastNote ? parseEpicUpdate(lastNote.body, { createdAt: lastNote.createdAt, author: lastNote.author.username }) : null;
    const d = weeklyDraft(r, { lastWeeklyAt: last?.createdAt ?? null, lastText: lastNote?.body ?? '', ...(lastUpdate?.eta ? { eta: lastUpdate.eta } : {}) });
    setDraft({
      status: d.status,
      summary: d.summary,
      done: d.done,
      remaining: d.remaining,
      ...(d.eta ? { eta: d.eta } : {}),
      confidence: d.confidence === null ? '' : String(d.confidence),
      changes: d.changes,
    });
  };

  return (
    <section className="plan" aria-labelledby={`${id}-title`} data-refinery="plan">
      <style>{planStyles}</style>
      <h3 className="section-title" id={`${id}-title`}>
        Plan
      </h3>
      {data === null && <p role="status">Reading the children…</p>}
      {data?.problems.map((p) => (
        <p className="alert" role="alert" key={p}>
          {p}
        </p>
      ))}
      {data && (read === null || data.notes === null) && (
        <button type="button" onClick={reload}>
          Try reading again
        </button>
      )}
      {read && r && read.children.length === 0 && read.unreadable.count === 0 && read.unreadable.counted !== false && (
        <p className="hint" data-plan-empty="">
          No children: this {issue.ref.kind === 'epic' ? 'epic' : 'issue'} has no child items{issue.ref.forge === 'github' ? ' or sub-issues, and its description links no issues from a task list' : ''}.
        </p>
      )}
      {read && r && read.children.length > 0 && (
        <>
          <p className="hint" data-plan-source={read.source}>
            {`${plural(read.children.length, 'child', 'children')} (${SOURCE[read.source]}), read in ${plural(read.requests, 'request')}.`}
          </p>
          <dl className="plan-figures">
            {figures(r).map((f) => (
              <div key={f.key} data-plan-figure={f.key}>
                <dt>{f.term}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          <ChildList title="At risk" kind="at-risk" rows={r.rows.filter((x) => x.child.state === 'opened' && x.health === 'at_risk')} baseUrl={issue.ref.baseUrl} />
          <ChildList title="Blocked" kind="blocked" rows={r.blocked} baseUrl={issue.ref.baseUrl} note={(x) => (x.blockedBy === null ? 'in the blocked stage' : `by ${x.blockedBy} open item${x.blockedBy === 1 ? '' : 's'}`)} />
          <ChildList title="Unweighted" kind="unweighted" rows={r.unweighted} baseUrl={issue.ref.baseUrl} />
          <ChildList title="Weighted over 3: break down" kind="oversized" rows={r.oversized} baseUrl={issue.ref.baseUrl} note={(x) => `weight ${x.weight}`} />
          <ChildList title="Update not recognised" kind="unrecognised" rows={r.unrecognised} baseUrl={issue.ref.baseUrl} note={(x) => `comment of ${x.unrecognised!.createdAt.slice(0, 10)}`} />
          <ChildList title="No recent update" kind="stale" rows={r.stale} baseUrl={issue.ref.baseUrl} note={(x) => x.staleReason ?? ''} />
          <table className="plan-children">
            <caption>Children</caption>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Weight</th>
                <th scope="col">Progress</th>
                <th scope="col">Health</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((x) => (
                <tr key={x.child.reference} data-plan-row={x.child.reference} className={x.child.depth > 1 ? 'plan-nested' : undefined}>
                  <td>
                    <ChildLink row={x} baseUrl={issue.ref.baseUrl} />
                  </td>
                  <td>{x.weight === null ? '—' : String(x.weight)}</td>
                  <td>{progressOf(x)}</td>
                  <td>{x.health === null ? '—' : HEALTH_TEXT[x.health]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {read && read.unreadable.count > 0 && (
        <p className="alert" data-plan-unreadable={read.unreadable.count}>
          {unreadableText(read)}
        </p>
      )}
      {read && read.unreadable.counted === false && (
        <p className="hint" data-plan-uncounted="">
          This GitLab does not count what it hides from this token (its hierarchy has no descendant counts before 17.3): children you cannot read are missing here, uncounted.
        </p>
      )}
      {read && read.leftOut > 0 && (
        <p className="hint" data-plan-left-out={read.leftOut}>
          {`${plural(read.leftOut, 'more child', 'more children')} not read: the figures count the first ones only.`}
        </p>
      )}
      {read?.pullRequests ? <p className="hint" data-plan-pull-requests={read.pullRequests}>{`${plural(read.pullRequests, 'pull request')} in the task list ${read.pullRequests === 1 ? 'is' : 'are'} not counted.`}</p> : null}
      {r && data?.notes && (
        <>
          <button type="button" onClick={startDraft}>
            Draft weekly update
          </button>
          {draft && (
            <div className="plan-draft">
              <style>{statusStyles}</style>
              <EpicUpdateForm view={view} notes={data.notes} prefill={draft} onPosted={posted} onRemoteChange={reload} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
