// A percentage as a slider and a number field bound to the same value: the slider for a quick estimate, the number
// for an exact one. The number field carries the name ("Complete"); the slider is "Complete slider".
import { useId } from 'react';

export interface PercentFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

export function PercentField({ label, value, onChange, error }: PercentFieldProps) {
  const id = useId();
  const n = Number(value);
  const set = value.trim() !== '' && Number.isFinite(n);
  return (
    <div className="percent-field">
      <label htmlFor={`${id}-number`}>{label}</label>
      <input
        type="range"
        min={0}
        max={100}
        step={1}
        aria-label={`${label} slider`}
        // A range always has a value: show 0 for "not set" but say so, and only a move of the slider sets it.
        value={set ? Math.min(100, Math.max(0, n)) : 0}
        aria-valuetext={set ? `${n}%` : 'not set'}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="percent-number">
        <input
          id={`${id}-number`}
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <span aria-hidden="true">%</span>
      </span>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
