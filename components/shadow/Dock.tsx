import { useId, useState, type ReactNode } from 'react';

/**
 * The frame of a docked (fixed, bottom-right) UI: a header that collapses it to a small tab so it never has to
 * sit on top of the host page's own controls. Collapsing hides instead of unmounting, so nothing typed is lost.
 */
/** Said at the top of every docked UI: the forge changed its page, and the user should not have to find out alone. */
export const DOCKED_NOTICE =
  'Refinery could not find its usual place on this page, so it is docked here. The toolbar popup says what it looked for.';

export function Dock({ title, children }: { title: string; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  return (
    <div className="refinery-dock" data-open={open}>
      <button
        type="button"
        className="refinery-dock-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? `Collapse ${title}` : `Show ${title}`}
      </button>
      <div id={bodyId} className="refinery-dock-body" hidden={!open}>
        <p className="refinery-dock-notice" role="note">
          {DOCKED_NOTICE}
        </p>
        {children}
      </div>
    </div>
  );
}

export const dockCss = `
:host([data-docked]) {
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: 2147483000;
  max-width: min(360px, calc(100vw - 32px));
}
.refinery-dock {
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 4px;
}
.refinery-dock-toggle {
  font: inherit;
  font-size: 0.85em;
  padding: 2px 10px;
  border: 1px solid var(--r-border);
  border-radius: 999px;
  background: var(--r-bg);
  color: var(--r-fg);
  cursor: pointer;
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
}
.refinery-dock-toggle:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 2px; }
.refinery-dock-body {
  width: min(360px, calc(100vw - 32px));
  max-height: 60vh;
  overflow: auto;
  background: var(--r-bg);
  border: 1px solid var(--r-border);
  border-radius: 8px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
}
.refinery-dock-body[hidden] { display: none; }
.refinery-dock-notice { margin: 0; padding: 6px 10px; font-size: 0.85em; color: var(--r-muted); border-bottom: 1px solid var(--r-border); }
`;
