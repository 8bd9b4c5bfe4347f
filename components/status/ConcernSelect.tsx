// "Concern": none, ~frontend, ~backend, or another label of the project (loaded on mount; the list degrades to the
// handbook's two when labels cannot be read).
import { useEffect, useId, useState } from 'react';
import type { IssueRef } from '@/lib/forge/model';
import { call } from '@/lib/messaging';
import { refKey } from '@/components/panel/refKey';

const HANDBOOK = ['frontend', 'backend'];

export function ConcernSelect({ issueRef, value, onChange }: { issueRef: IssueRef; value: string; onChange: (v: string) => void }) {
  const id = useId();
  const [others, setOthers] = useState<string[]>([]);
  const key = refKey(issueRef);
  useEffect(() => {
    let live = true;
    call('listLabels', { ref: JSON.parse(key) as IssueRef }).then((r) => {
      if (!live || !r.ok) return;
      // Scoped labels (workflow::, weight::…) say where an issue is, not whose concern it is.
      const names = r.data.map((l) => l.name).filter((n) => !n.includes('::') && !HANDBOOK.includes(n.toLowerCase()));
      setOthers([...new Set(names)].sort((a, b) => a.localeCompare(b)));
    });
    return () => {
      live = false;
    };
  }, [key]);

  const known = [...HANDBOOK, ...others];
  const current = value.trim();
  return (
    <div className="concern">
      <label htmlFor={`${id}-concern`}>Concern</label>
      <select id={`${id}-concern`} value={current} onChange={(e) => onChange(e.target.value)}>
        <option value="">None</option>
        {HANDBOOK.map((n) => (
          <option key={n} value={n}>
            ~{n}
          </option>
        ))}
        {current !== '' && !known.includes(current) && <option value={current}>~{current}</option>}
        {others.length > 0 && (
          <optgroup label="Other labels">
            {others.map((n) => (
              <option key={n} value={n}>
                ~{n}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
