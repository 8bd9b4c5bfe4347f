// The panel's CSS. Colours come from the `--r-*` tokens (components/shadow/theme.ts), so it follows the host's theme.
import { weightsStyles } from '@/components/weights/styles';

const baseStyles = `
button:disabled { opacity: 0.6; cursor: default; }
select:focus-visible, input[type="range"]:focus-visible, input[type="number"]:focus-visible, input[type="text"]:focus-visible,
input[type="checkbox"]:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 1px; }
.refinery-panel {
  display: grid;
  gap: 8px;
  padding: 8px 12px;
  border: 1px solid var(--r-border);
  border-radius: 6px;
  background: var(--r-bg);
  color: var(--r-fg);
  font-size: 0.875rem;
}
:host([data-docked]) .refinery-panel { border: 0; }
.title { margin: 0; font-size: 0.875rem; font-weight: 600; }
.loading { margin: 0; color: var(--r-muted); }
.note { margin: 0; color: var(--r-muted); font-size: 0.85em; }
.fields { margin: 0; display: grid; gap: 4px; }
.field { display: grid; grid-template-columns: minmax(7.5em, max-content) 1fr; gap: 8px; align-items: baseline; }
.field dt { color: var(--r-muted); }
.field dd { margin: 0; overflow-wrap: anywhere; }
.value { font-weight: 600; }
.source, .empty, .detail { color: var(--r-muted); }
.source { font-size: 0.85em; }
.conflict { color: var(--r-warn-fg); }
.warning, .alert { border-radius: 4px; padding: 6px 8px; }
.warning { background: var(--r-warn-bg); color: var(--r-warn-fg); }
.warning-title { margin: 0; font-weight: 600; }
.warning ul { margin: 4px 0 0; padding-inline-start: 1.2em; }
.alert { background: var(--r-danger-bg); color: var(--r-fg); border-inline-start: 3px solid var(--r-danger-fg); }
.alert-title { margin: 0 0 4px; font-size: 0.875rem; font-weight: 600; color: var(--r-danger-fg); }
.alert p { margin: 0 0 6px; }
button {
  font: inherit;
  padding: 3px 10px;
  border: 1px solid var(--r-border);
  border-radius: 4px;
  background: var(--r-bg-subtle);
  color: var(--r-fg);
  cursor: pointer;
}
button.primary { background: var(--r-accent); border-color: var(--r-accent); color: var(--r-bg); }
button:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 2px; }
.panel-section { border-top: 1px solid var(--r-border); padding-top: 6px; }
.section-toggle { margin: 0; font-size: 0.875rem; }
.section-toggle button { display: flex; align-items: center; gap: 6px; width: 100%; padding: 2px 0; border: 0; background: none; font-weight: 600; text-align: start; }
.section-toggle .chevron::before { content: '\u25B8'; display: inline-block; transition: transform 0.1s; }
.section-toggle button[aria-expanded='true'] .chevron::before { transform: rotate(90deg); }
.section-body { padding-top: 6px; }
/* A section's own title repeats its toggle's: it still names the section's region, it is not shown twice. */
.section-body > section > .section-title { display: none; }
`;

// The closed sections' rules come with their code, when first opened (each section renders its own <style>).
export const panelStyles = baseStyles + weightsStyles;
