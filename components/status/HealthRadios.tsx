// The handbook's three health statuses as a radio group; "Clear" leaves the health status out of the update.
import { useId } from 'react';
import type { HealthStatus } from '@/lib/forge/model';
import { HEALTH_TEXT } from '@/lib/handbook/status/status-format';

const ORDER: HealthStatus[] = ['on_track', 'needs_attention', 'at_risk'];

export function HealthRadios({ value, onChange, hint }: { value: HealthStatus | null; onChange: (v: HealthStatus | null) => void; hint: string }) {
  const id = useId();
  return (
    <fieldset className="health" role="radiogroup" aria-labelledby={`${id}-legend`} aria-describedby={`${id}-hint`}>
      <legend id={`${id}-legend`}>Health status</legend>
      {ORDER.map((h) => (
        <label key={h} className="health-option" data-health={h}>
          <input type="radio" name={`${id}-health`} value={h} checked={value === h} onChange={() => onChange(h)} />
          {HEALTH_TEXT[h]}
        </label>
      ))}
      {value !== null && (
        <button type="button" className="link" onClick={() => onChange(null)}>
          Clear health status
        </button>
      )}
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </fieldset>
  );
}
