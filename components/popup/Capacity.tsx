// Capacity in the popup: for you and the team list from the options, the weights of the issues assigned in the
// milestone against the handbook's budget (10 × availability), "Over budget" when above it, and the issues without a
// weight. Read on request only (one click, a bounded number of requests), for the project or repository of the tab.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { capacityStatus, weightBudget } from '@/lib/handbook/plan/capacity';
import { call, type CapacityReport, type ConnectionInfo, type Request } from '@/lib/messaging';
import { parsePageUrl, type PageRef } from '@/lib/page';
import { availabilityOf, loadListSettings, type ListSettings } from '@/lib/settings/lists';
import { kindName, shortUrl } from '@/components/options/connectionText';
import { describeError } from '@/components/options/describeError';

type Load =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; report: CapacityReport; settings: ListSettings; where: string };

/** The URL of the tab the popup was opened over; null when the browser does not say (not a forge page). */
async function activeTabUrl(): Promise<string | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ?? null;
  } catch {
    return null;
  }
}

function containerOf(page: PageRef): Request<'capacity'>['container'] {
  if (page.type === 'issue') return { kind: page.ref.container, path: page.ref.path };
  if (page.path === null || page.container === 'global') return null;
  return { kind: page.container, path: page.path };
}

export function Capacity({ connections }: { connections: ConnectionInfo[] }) {
  const usable = connections.filter((c) => c.hasToken);
  const [tabUrl, setTabUrl] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState('');
  const [milestone, setMilestone] = useState('');
  const [load, setLoad] = useState<Load>({ status: 'idle' });
  const id = useId();

  useEffect(() => {
    let live = true;
    void activeTabUrl().then((url) => live && setTabUrl(url));
    return () => {
      live = false;
    };
  }, []);

  if (usable.length === 0) return null;
  const page = tabUrl ? parsePageUrl(tabUrl, usable.map((c) => ({ kind: c.kind, baseUrl: c.baseUrl }))) : null;
  const ofTab = page ? usable.find((c) => c.kind === page.forge && c.baseUrl === page.baseUrl) : undefined;
  const chosen = usable.find((c) => c.id === chosenId) ?? ofTab ?? usable[0]!;
  const container = page && ofTab?.id === chosen.id ? containerOf(page) : null;

  const show = async (e: FormEvent) => {
    e.preventDefault();
    setLoad({ status: 'loading' });
    const settings = await loadListSettings().catch(() => null);
    const team = settings?.team.map((m) => m.username) ?? [];
    const r = await call('capacity', {
      forge: chosen.kind,
      baseUrl: chosen.baseUrl,
      container,
      usernames: team,
      includeMe: true,
      milestone: milestone.trim() || null,
    });
    if (!r.ok) setLoad({ status: 'failed', message: describeError(r.error) });
    else setLoad({ status: 'ready', report: r.data, settings: settings ?? { quietChip: false, myAvailability: 100, team: [] }, where: container?.path ?? 'everything your token can see' });
  };

  return (
    <section aria-labelledby={`${id}-h`} className="capacity">
      <h2 id={`${id}-h`}>Capacity</h2>
      <form onSubmit={show} className="capacity-form">
        {usable.length > 1 && (
          <label>
            Forge{' '}
            <select value={chosen.id} onChange={(e) => setChosenId(e.target.value)}>
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {kindName(c)} — {shortUrl(c.baseUrl)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Milestone{' '}
          <input type="text" value={milestone} placeholder="current" onChange={(e) => setMilestone(e.target.value)} />
        </label>
        <button type="submit" aria-disabled={load.status === 'loading'}>
          Show capacity
        </button>
      </form>
      {load.status === 'loading' && <p role="status">Adding up the weights…</p>}
      {load.status === 'failed' && (
        <p role="alert" className="error">
          Could not read the capacity: {load.message}
        </p>
      )}
      {load.status === 'ready' && <Report {...load} />}
    </section>
  );
}

function Report({ report, settings, where }: { report: CapacityReport; settings: ListSettings; where: string }) {
  const milestones = report.milestones.length ? report.milestones.join(', ') : 'no current milestone';
  return (
    <>
      <p className="where">
        {milestones} · {where}
      </p>
      <ul aria-label="Capacity per person" className="people">
        {report.people.map((p) => {
          const budget = weightBudget(availabilityOf(settings, p.username, p.me));
          const status = capacityStatus(p.total, budget);
          return (
            <li key={p.username} aria-label={`${p.username}${p.me ? ' (you)' : ''}`}>
              <div className="person">
                <span className="who">
                  {p.username}
                  {p.me ? ' (you)' : ''}
                </span>
                {p.error ? (
                  <span className="error">{p.error.message}</span>
                ) : (
                  <>
                    <span className="sum">
                      {p.total} of {budget}
                    </span>
                    <span className={`verdict ${status}`}>{status === 'over' ? 'Over budget' : status === 'full' ? 'At budget' : 'Within budget'}</span>
                  </>
                )}
              </div>
              {!p.error && (
                <p className="detail">
                  {p.count} {p.count === 1 ? 'issue' : 'issues'}
                  {p.truncated ? ' (the first 100 counted)' : ''} · {p.unweighted.length} without weight
                </p>
              )}
              {p.unweighted.length > 0 && (
                <ul aria-label={`Issues of ${p.username} without weight`} className="unweighted">
                  {p.unweighted.map((i) => (
                    <li key={`${i.ref.path}#${i.ref.iid}`}>
                      <a href={i.webUrl} target="_blank" rel="noreferrer">
                        {i.ref.path}#{i.ref.iid}
                      </a>{' '}
                      {i.title}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export const capacityStyles = `
.capacity { border-top: 1px solid color-mix(in srgb, CanvasText 20%, transparent); margin-top: 10px; padding-top: 6px; }
.capacity h2 { font-size: 0.95rem; margin: 0 0 6px; }
.capacity-form { display: grid; gap: 4px; margin-bottom: 6px; }
.capacity-form label { display: flex; gap: 6px; align-items: center; justify-content: space-between; }
.capacity-form input, .capacity-form select { font: inherit; min-width: 0; flex: 1; }
.capacity .people { display: grid; gap: 6px; }
.capacity .people > li { display: block; }
.person { display: flex; gap: 6px; align-items: baseline; }
.person .who { font-weight: 600; flex: 1; overflow-wrap: anywhere; }
.verdict.over { color: #c62828; font-weight: 600; }
@media (prefers-color-scheme: dark) { .verdict.over { color: #ff8a80; } }
.detail, .where { margin: 0; opacity: 0.8; font-size: 0.9em; }
.unweighted { display: block; margin: 2px 0 0; padding-inline-start: 1em; list-style: disc; font-size: 0.9em; }
.unweighted li { display: list-item; }
`;
