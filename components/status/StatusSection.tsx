// The async status update part of the issue panel: when the last update was (flagged when overdue), the history of
// earlier updates, and the form: the issue update, or the weekly update on epics.
import { useId } from 'react';
import { staleness } from '@/lib/handbook/status/status-staleness';
import type { SectionProps } from '@/components/panel/sections';
import { EpicUpdateForm } from './EpicUpdateForm';
import { HistoryChart } from './HistoryChart';
import { epicPoints, isEpicTarget, isInDevelopment, statusPoints } from './history';
import { LastUpdate } from './LastUpdate';
import { StatusUpdateForm } from './StatusUpdateForm';
import { statusStyles } from './styles';
import { useStatusData } from './useStatusData';

export function StatusSection({ view, settings, onIssue }: SectionProps) {
  const id = useId();
  const { issue } = view;
  const epic = isEpicTarget(issue, settings);
  const { data, reloadNotes, addNote } = useStatusData(issue.ref, { linked: !epic });
  const notes = data.status === 'ready' ? data.notes : null;
  const points = notes ? (epic ? epicPoints(notes) : statusPoints(notes)) : [];
  const stale = staleness(points.map((p) => ({ createdAt: p.at })), data.status === 'ready' ? data.readAt : 0, {
    // Epics get weekly updates when there is something to say; only issues in development are flagged.
    inDevelopment: !epic && issue.state === 'opened' && isInDevelopment(issue.labels, settings),
    maxWorkingDays: settings.statusUpdates.maxWorkingDays,
  });
  const posted = (note: Parameters<typeof addNote>[0]) => {
    addNote(note);
    reloadNotes(); // the health status change and anything posted meanwhile
  };

  return (
    <section className="status-updates" aria-labelledby={`${id}-title`} data-refinery="status-updates">
      <style>{statusStyles}</style>
      <h3 className="section-title" id={`${id}-title`}>
        {epic ? 'Weekly epic update' : 'Async status update'}
      </h3>
      {data.status === 'loading' && <p role="status">Loading earlier updates…</p>}
      {data.status === 'ready' && (
        <>
          {notes && <LastUpdate staleness={stale} />}
          {data.problems.map((p) => (
            <p className="alert" role="alert" key={p}>
              {p}
            </p>
          ))}
          {notes === null && (
            <button type="button" onClick={reloadNotes}>
              Retry reading earlier updates
            </button>
          )}
          <HistoryChart points={points} title={epic ? 'Epic update history' : 'Status update history'} />
          {epic ? (
            <EpicUpdateForm view={view} notes={notes} onPosted={posted} onRemoteChange={reloadNotes} />
          ) : (
            <StatusUpdateForm
              view={view}
              settings={settings}
              onIssue={onIssue}
              notes={notes}
              linked={data.linked}
              me={data.me}
              onPosted={posted}
              onRemoteChange={reloadNotes}
            />
          )}
        </>
      )}
    </section>
  );
}
