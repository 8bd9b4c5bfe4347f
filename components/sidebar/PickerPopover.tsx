// A compact picker in a popover anchored to a sidebar row, like the forges' own label and assignee pickers: one
// listbox (two for a split weight, Tab between them) that takes focus when it opens; arrow keys (Home, End) move,
// Enter or Space picks, Escape closes, a click picks. Picking the value the row already has only closes. The row's
// edit button gets focus back on every close but one where focus left the popover (it stays where the user put it).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface PickerOption {
  value: string;
  /** What the option says: "3 · Medium". */
  text: string;
  /** A second line: the handbook's meaning, confidence. */
  detail?: string;
}

export interface PickerList {
  /** The listbox's accessible name: "Weight". */
  label: string;
  options: readonly PickerOption[];
  selected: string | null;
  onPick: (value: string) => void;
}

export interface PickerPopoverProps {
  lists: readonly PickerList[];
  /** `refocus`: give focus back to the row (false when focus left for elsewhere). */
  onClose: (refocus: boolean) => void;
}

function Listbox({ list, first, onDone }: { list: PickerList; first: boolean; onDone: (refocus: boolean, pick?: () => void) => void }) {
  const { label, options, selected } = list;
  const id = useId();
  const ref = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(() => Math.max(0, options.findIndex((o) => o.value === selected)));

  useEffect(() => {
    if (first) ref.current?.focus();
  }, [first]);

  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    onDone(true, option.value !== selected ? () => list.onPick(option.value) : undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const last = options.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.min(last, Math.max(0, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'Enter':
      case ' ':
        e.preventDefault();
        return pick(active);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation(); // the page's own Escape handlers (closing its sidebar, dialogs) are not ours to fire
        return onDone(true);
    }
  };

  return (
    <ul
      ref={ref}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={`${id}-${active}`}
      onKeyDown={onKeyDown}
    >
      {options.map((o, i) => (
        <li
          key={o.value}
          id={`${id}-${i}`}
          role="option"
          aria-selected={o.value === selected}
          data-active={i === active}
          onMouseDown={(e) => e.preventDefault()} // keep focus in the list: its blur would close before the click
          onMouseMove={() => setActive(i)}
          onClick={() => pick(i)}
        >
          <span className="option-text">{o.text}</span>
          {o.detail && (
            <span className="option-detail" title={o.detail}>
              {o.detail}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function PickerPopover({ lists, onClose }: PickerPopoverProps) {
  const closed = useRef(false);
  const done = (refocus: boolean, pick?: () => void) => {
    if (closed.current) return;
    closed.current = true;
    pick?.();
    onClose(refocus);
  };
  return (
    <div
      className="popover"
      data-lists={lists.length}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) done(false);
      }}
    >
      {lists.map((list, i) => (
        <Listbox key={list.label} list={list} first={i === 0} onDone={done} />
      ))}
    </div>
  );
}
