// "Issue pages": where Refinery shows on an issue, a choice of this browser profile (components/panel/layout.ts),
// not of the team: the compact sidebar section (the default) or the full panel below the description, as before.
import { useEffect, useId, useState } from 'react';
import { layoutItem, loadLayout, parseLayout, saveLayout, type LayoutPrefs } from '@/components/panel/layout';

export function LayoutOption() {
  const id = useId();
  const [prefs, setPrefs] = useState<LayoutPrefs | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadLayout().then((p) => live && setPrefs(p));
    const stop = layoutItem.watch((raw) => setPrefs(parseLayout(raw)));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const change = (panel: boolean) => {
    const layout = panel ? 'panel' : 'sidebar';
    setPrefs((p) => (p ? { ...p, layout } : p));
    saveLayout({ layout }).then(
      () => setStatus('Saved. Issue pages opened from now on use it.'),
      () => setStatus('Could not save the choice.'),
    );
  };

  return (
    <div>
      <label>
        <input
          type="checkbox"
          checked={prefs?.layout === 'panel'}
          disabled={prefs === null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => change(e.currentTarget.checked)}
        />
        Show the full panel below the issue&apos;s description instead of a section in the sidebar
      </label>
      <p className="help" id={`${id}-hint`}>
        By default Refinery adds a compact section to the issue&apos;s sidebar (weight, split weight, workflow stage,
        health, the handbook&apos;s checks) and opens the full panel (refinement, status update, templates) when you
        ask for it. Checked, issue pages show the full panel only, as earlier versions did.
      </p>
      <p role="status" className="help">
        {status}
      </p>
    </div>
  );
}
