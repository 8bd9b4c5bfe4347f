// The full weight table behind a disclosure; each row is also the description of its radio.
import { WEIGHTS, type HandbookWeight } from '@/lib/handbook/weights/weights';

export function WeightTable({ idFor }: { idFor: (weight: HandbookWeight) => string }) {
  return (
    <details className="weight-table">
      <summary>What the weights mean</summary>
      <dl>
        {WEIGHTS.map((w) => (
          <div key={w.weight} id={idFor(w.weight)}>
            <dt>
              {w.weight} · {w.name} (confidence ≥ {w.confidence}%)
            </dt>
            <dd>
              {w.meaning}
              {w.bugs && <> Bugs: {w.bugs}</>} Examples: {w.examples}
              {w.note && <> {w.note}</>}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
