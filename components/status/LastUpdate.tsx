// "Last update N days ago", and the flag on an issue in development whose last update is older than the team allows.
import type { Staleness } from '@/lib/handbook/status/status-staleness';

export function LastUpdate({ staleness }: { staleness: Staleness }) {
  return (
    <div className="last-update" data-stale={staleness.stale || undefined}>
      <p className="last-update-text">{staleness.message}</p>
      {staleness.stale && (
        <p className="stale" role="note" aria-label="Status update overdue">
          <strong>Update overdue.</strong> {staleness.reason}
        </p>
      )}
    </div>
  );
}
