// "Insert template": a menu button (WAI-ARIA menu pattern). Arrows move, Home/End jump, a letter jumps to the next
// title starting with it, Enter/Space pick, Escape closes and gives the focus back to the button.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Template } from '@/lib/handbook/templates/templates';

export interface TemplateMenuProps {
  templates: readonly Template[];
  onPick: (template: Template) => void;
  busy?: boolean;
}

export function TemplateMenu({ templates, onPick, busy = false }: TemplateMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const id = useId();
  const count = templates.length;

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  // A click anywhere else closes the menu (the path crosses our shadow root, so compare the composed path).
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: Event) => {
      if (wrapper.current && !e.composedPath().includes(wrapper.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  const openAt = (index: number) => {
    if (count === 0) return;
    setActive((index + count) % count);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const pick = (t: Template) => {
    setOpen(false);
    onPick(t);
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') openAt(0);
    else if (e.key === 'ArrowUp') openAt(count - 1);
    else return;
    e.preventDefault();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    e.stopPropagation(); // keys in our menu are not the host page's shortcuts
    const key = e.key;
    if (key === 'Tab') return setOpen(false);
    if (key === 'ArrowDown') setActive((a) => (a + 1) % count);
    else if (key === 'ArrowUp') setActive((a) => (a - 1 + count) % count);
    else if (key === 'Home') setActive(0);
    else if (key === 'End') setActive(count - 1);
    else if (key === 'Escape') close(true);
    else if (key === 'Enter' || key === ' ') pick(templates[active]!);
    else if (key.length === 1 && /\S/.test(key)) {
      const letter = key.toLowerCase();
      for (let step = 1; step <= count; step++) {
        const i = (active + step) % count;
        if (templates[i]!.title.trim().toLowerCase().startsWith(letter)) {
          setActive(i);
          break;
        }
      }
    } else return;
    e.preventDefault();
  };

  return (
    <div className="template-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-disabled={busy || count === 0}
        onClick={() => (open ? close(false) : !busy && openAt(0))}
        onKeyDown={(e) => !busy && onButtonKey(e)}
      >
        Insert template
      </button>
      {open && (
        <ul role="menu" id={`${id}-menu`} aria-label="Templates" className="menu" onKeyDown={onMenuKey}>
          {templates.map((t, i) => (
            <li
              key={t.id}
              ref={(el) => {
                items.current[i] = el;
              }}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              className="menu-item"
              onClick={() => pick(t)}
              onMouseMove={() => i !== active && setActive(i)}
            >
              {t.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
