// The checklist's items as checkboxes named by their text, grouped under the comment's section headings.
import { useId } from 'react';
import type { ResolvedItem } from '@/lib/handbook/refinement/checklist-evaluate';
import { controlFor, displayText, keyOf } from './model';
import type { Ticks } from './useTicks';

function groupBySection(items: readonly ResolvedItem[]): { title: string | null; items: ResolvedItem[] }[] {
  const parts: { title: string | null; items: ResolvedItem[] }[] = [];
  for (const item of items) {
    const last = parts.at(-1);
    if (last && last.title === item.section) last.items.push(item);
    else parts.push({ title: item.section, items: [item] });
  }
  return parts;
}

function ItemRow({ item, hasComment, ticks, idBase }: { item: ResolvedItem; hasComment: boolean; ticks: Ticks | null; idBase: string }) {
  const control = controlFor(item, hasComment);
  const id = `${idBase}-${keyOf(item.text).replace(/[^a-z0-9]+/g, '-')}`;
  const pending = ticks?.pending.get(keyOf(item.text));
  const checked = control.kind === 'manual' && pending !== undefined ? pending : control.checked;
  const editable = control.kind === 'manual' && ticks !== null;
  return (
    <li className="checklist-item" data-decided-by={control.kind}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-disabled={!editable}
        aria-describedby={control.why ? `${id}-why` : undefined}
        onChange={() => {
          if (editable) ticks.tick(item.text, !checked);
        }}
      />
      <label htmlFor={id}>{displayText(item.text)}</label>
      {control.why && (
        <span className="why" id={`${id}-why`}>
          {control.why}
        </span>
      )}
    </li>
  );
}

export function Items({ items, hasComment, ticks }: { items: ResolvedItem[]; hasComment: boolean; ticks: Ticks | null }) {
  const idBase = useId();
  return (
    <>
      {groupBySection(items).map((part, i) => (
        <div className="checklist-part" key={`${part.title ?? ''}-${i}`}>
          {part.title && (
            <p className="part-title" id={`${idBase}-part-${i}`}>
              {part.title}
            </p>
          )}
          <ul aria-labelledby={part.title ? `${idBase}-part-${i}` : undefined}>
            {part.items.map((item) => (
              <ItemRow key={keyOf(item.text)} item={item} hasComment={hasComment} ticks={ticks} idBase={idBase} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
