// CSS for the Weights section, appended to the panel's. Colours come from the `--r-*` tokens (shadow/theme.ts).
export const weightsStyles = `
.weights { display: grid; gap: 10px; border-top: 1px solid var(--r-border); padding-top: 8px; }
.weights section { display: grid; gap: 4px; }
.section-title { margin: 0; font-size: 0.875rem; font-weight: 600; }
.section-title:focus-visible, .break-down:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 2px; }
.weights fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.weights legend { font-weight: 600; padding: 0; margin-bottom: 2px; width: 100%; }
.weight-picker fieldset { display: grid; gap: 2px; }
.weight-option { display: grid; grid-template-columns: auto auto 1fr; gap: 6px; align-items: baseline; }
.weight-num { display: inline-block; min-width: 1.2em; font-weight: 600; text-align: center; }
.weight-short, .hint, .status { color: var(--r-muted); font-size: 0.85em; }
.hint, .status { margin: 0; }
.status:empty { display: none; }
.weight-table summary, .handbook-labels summary, .split-weights summary { cursor: pointer; color: var(--r-accent); font-size: 0.85em; }
.weight-table dl { margin: 4px 0 0; display: grid; gap: 6px; }
.split-weights > section { margin-top: 4px; }
.weight-table dt { font-weight: 600; }
.weight-table dd { margin: 0; color: var(--r-muted); }
.weight-notes { background: var(--r-warn-bg); color: var(--r-warn-fg); border-radius: 4px; padding: 4px 8px; }
.weight-notes p { margin: 0; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.weights .alert { margin: 0; }
.finding-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.finding { border-inline-start: 3px solid var(--r-border); padding-inline-start: 8px; display: grid; gap: 4px; }
.finding p { margin: 0; }
.finding[data-severity="error"] { border-color: var(--r-danger-fg); }
.finding[data-severity="warning"] { border-color: var(--r-warn-fg); }
.finding[data-severity="info"] { border-color: var(--r-accent); }
.severity { font-weight: 600; }
.finding[data-severity="error"] .severity { color: var(--r-danger-fg); }
.finding[data-severity="warning"] .severity { color: var(--r-warn-fg); }
.break-down { display: grid; gap: 4px; padding: 6px 8px; border: 1px solid var(--r-border); border-radius: 4px; background: var(--r-bg-subtle); }
.break-down p { margin: 0; }
.sub-issues { display: grid; gap: 4px; }
.sub-issues ul { margin: 0; padding-inline-start: 18px; }
.cant-weight form { display: grid; gap: 6px; }
.cant-weight form[hidden] { display: none; }
.cant-weight label[for] { font-weight: 600; }
textarea, input[type="search"] {
  font: inherit; color: var(--r-fg); background: var(--r-bg);
  border: 1px solid var(--r-control-border); border-radius: 4px; padding: 4px 6px; width: 100%;
}
textarea[aria-invalid="true"] { border-color: var(--r-danger-fg); }
.people { display: grid !important; }
.people-list { list-style: none; margin: 0; padding: 0; max-height: 10em; overflow: auto; }
.label-list, .label-failures { margin: 4px 0 0; padding-inline-start: 1.2em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; vertical-align: middle; }
button[aria-disabled="true"] { opacity: 0.6; cursor: default; }
input:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 1px; }
`;
