// Earlier updates as a small chart: complete % (solid) and confidence % (dashed) over time, with each update's health
// status as a coloured mark. The same points as a table for screen readers and for reading exact values.
import { useId } from 'react';

export type Tone = 'good' | 'warn' | 'bad';

export interface ChartPoint {
  at: string;
  author: string;
  complete: number | null;
  confidence: number | null;
  /** The update's health status (or epic status) as written, with its colour; null when the update had none. */
  status: { text: string; tone: Tone } | null;
}

const W = 320;
const H = 120;
const PAD = { left: 30, right: 10, top: 8, bottom: 22 };
const MAX_POINTS = 24;

export function shortDate(at: string, now = new Date()): string {
  const d = new Date(at);
  const opts: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', ...(d.getFullYear() !== now.getFullYear() ? { year: 'numeric' } : {}) };
  return d.toLocaleDateString('en', opts);
}

const pct = (n: number | null) => (n === null ? 'not given' : `${n}%`);

/** One point in words: "Jan 30: 40% complete, 80% confident, on track (alice)". */
export function describePoint(p: ChartPoint): string {
  const parts = [p.complete === null ? null : `${p.complete}% complete`, p.confidence === null ? null : `${p.confidence}% confident`, p.status?.text ?? null];
  return `${shortDate(p.at)}: ${parts.filter(Boolean).join(', ') || 'no numbers'} (${p.author})`;
}

export function HistoryChart({ points, title }: { points: readonly ChartPoint[]; title: string }) {
  const id = useId();
  if (points.length === 0) return null;
  const shown = points.slice(-MAX_POINTS);
  const times = shown.map((p) => Date.parse(p.at));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  // Spread by time; updates on one day (or a single one) are spread evenly instead.
  const x = (i: number) => PAD.left + (shown.length === 1 ? innerW / 2 : t1 > t0 ? ((times[i]! - t0) / (t1 - t0)) * innerW : (i / (shown.length - 1)) * innerW);
  const y = (v: number) => PAD.top + ((100 - v) / 100) * innerH;
  const line = (key: 'complete' | 'confidence') =>
    shown
      .map((p, i) => (p[key] === null ? null : `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`))
      .filter((s): s is string => s !== null)
      .join(' ');
  const summary = `${shown.length} update${shown.length === 1 ? '' : 's'}${points.length > shown.length ? ` (the last ${shown.length} of ${points.length})` : ''}. ${shown.map(describePoint).join('; ')}.`;

  return (
    <figure className="history" data-refinery="status-history">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="history-chart">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[0, 50, 100].map((v) => (
          <g key={v} className="grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end">
              {v}%
            </text>
          </g>
        ))}
        <polyline className="line-complete" points={line('complete')} />
        <polyline className="line-confidence" points={line('confidence')} />
        {shown.map((p, i) => (
          <g key={`${p.at}-${i}`}>
            {p.complete !== null && <circle className="dot-complete" cx={x(i)} cy={y(p.complete)} r={2.5} />}
            {p.confidence !== null && <circle className="dot-confidence" cx={x(i)} cy={y(p.confidence)} r={2} />}
            {p.status && (
              <rect className={`mark mark-${p.status.tone}`} x={x(i) - 3} y={H - PAD.bottom + 6} width={6} height={6} rx={1}>
                <title>{p.status.text}</title>
              </rect>
            )}
          </g>
        ))}
        <text x={PAD.left} y={H - 2} className="axis">
          {shortDate(shown[0]!.at)}
        </text>
        {shown.length > 1 && (
          <text x={W - PAD.right} y={H - 2} textAnchor="end" className="axis">
            {shortDate(shown.at(-1)!.at)}
          </text>
        )}
      </svg>
      <figcaption className="legend" aria-hidden="true">
        <span className="key-complete">Complete</span> <span className="key-confidence">Confidence</span> <span className="key-health">Health status</span>
      </figcaption>
      <details className="history-table">
        <summary>History as a table</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Complete</th>
              <th scope="col">Confidence</th>
              <th scope="col">Health status</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p, i) => (
              <tr key={`${p.at}-${i}`}>
                <td>{shortDate(p.at)}</td>
                <td>{pct(p.complete)}</td>
                <td>{pct(p.confidence)}</td>
                <td>{p.status?.text ?? 'not given'}</td>
                <td>@{p.author}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
