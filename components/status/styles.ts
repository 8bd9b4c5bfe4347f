// CSS for the status update section, rendered by the section itself (its code and rules load when it is first opened)
// after the panel's. Colours come from the `--r-*` tokens (shadow/theme.ts).
export const statusStyles = `
.status-updates { display: grid; gap: 8px; border-top: 1px solid var(--r-border); padding-top: 8px; }
.status-updates .alert, .status-updates .hint, .status-updates .status { margin: 0; }
.last-update { display: grid; gap: 4px; }
.last-update-text { margin: 0; color: var(--r-muted); }
.stale { margin: 0; background: var(--r-warn-bg); color: var(--r-warn-fg); border-radius: 4px; padding: 4px 8px; }
.history { margin: 0; display: grid; gap: 2px; }
.history-chart { width: 100%; height: auto; max-height: 140px; }
.history-chart .grid line { stroke: var(--r-border); stroke-width: 0.5; }
.history-chart text { fill: var(--r-muted); font-size: 8px; }
.line-complete, .line-confidence { fill: none; stroke-width: 1.5; }
.line-complete { stroke: var(--r-accent); }
.line-confidence { stroke: var(--r-muted); stroke-dasharray: 4 3; }
.dot-complete { fill: var(--r-accent); }
.dot-confidence { fill: var(--r-muted); }
.mark-good { fill: var(--r-success-fg); }
.mark-warn { fill: var(--r-warn-fg); }
.mark-bad { fill: var(--r-danger-fg); }
.legend { font-size: 0.8em; color: var(--r-muted); display: flex; gap: 10px; }
.key-complete::before { content: ""; display: inline-block; width: 12px; height: 2px; margin-inline-end: 4px; vertical-align: middle; background: var(--r-accent); }
.key-confidence::before { content: ""; display: inline-block; width: 12px; margin-inline-end: 4px; vertical-align: middle; border-top: 2px dashed var(--r-muted); }
.key-health::before { content: ""; display: inline-block; width: 6px; height: 6px; margin-inline-end: 4px; background: var(--r-warn-fg); }
.history-table summary { cursor: pointer; color: var(--r-accent); font-size: 0.85em; }
.history-table table { border-collapse: collapse; font-size: 0.85em; margin-top: 4px; }
.history-table th, .history-table td { border-bottom: 1px solid var(--r-border); padding: 2px 6px; text-align: start; }
.history-table caption { text-align: start; font-weight: 600; }
.status-form { display: grid; gap: 8px; }
.status-fields { border: 0; margin: 0; padding: 0; display: grid; gap: 8px; min-width: 0; }
.status-form label { font-weight: 600; }
.status-form input[type="text"], .status-form input[type="number"], .status-form select {
  font: inherit; color: var(--r-fg); background: var(--r-bg); border: 1px solid var(--r-control-border); border-radius: 4px; padding: 3px 6px;
}
.status-form input[type="text"], .status-form select { width: 100%; }
.status-form input[aria-invalid="true"], .status-form textarea[aria-invalid="true"] { border-color: var(--r-danger-fg); }
.percents { display: grid; gap: 6px; }
.percent-field { display: grid; grid-template-columns: 6.5em 1fr auto; gap: 6px; align-items: center; }
.percent-field .field-error { grid-column: 1 / -1; }
.percent-number { display: inline-flex; gap: 2px; align-items: center; }
.percent-number input { width: 4.2em; }
.notes, .concern, .epic-field { display: grid; gap: 2px; }
.health, .epic-status, .change-rows { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.health legend, .epic-status legend, .change-rows legend { font-weight: 600; padding: 0; width: 100%; }
.health .hint, .epic-status .hint { width: 100%; }
.health-option, .epic-status label { font-weight: normal !important; }
.change-rows { display: grid; gap: 6px; }
.change-row { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 8px; padding: 6px 8px; border: 1px solid var(--r-border); border-radius: 4px; background: var(--r-bg-subtle); }
.change-title { grid-column: 1 / -1; margin: 0; overflow-wrap: anywhere; }
.change-ref { font-weight: 600; }
.change-title a { color: var(--r-accent); }
.change-state { color: var(--r-muted); font-size: 0.85em; }
.row-field { display: grid; gap: 2px; }
.row-field label { font-weight: normal !important; font-size: 0.85em; color: var(--r-muted); }
.row-field.wide, .change-row .remove, .change-row .field-error { grid-column: 1 / -1; }
.change-row .remove { justify-self: start; }
.epic-progress { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; }
.field-error { margin: 0; color: var(--r-danger-fg); font-size: 0.85em; }
.status-form .alert ul { margin: 4px 0 0; padding-inline-start: 1.2em; }
.status-form .alert:focus { outline: 2px solid var(--r-accent); }
.actions { gap: 8px; }
button.link { border: 0; background: none; color: var(--r-accent); padding: 0; text-decoration: underline; }
.preview { display: grid; gap: 6px; border: 1px dashed var(--r-border); border-radius: 4px; padding: 6px 8px; }
.preview-body { overflow-wrap: anywhere; }
.preview-body p, .preview-body ul, .preview-body ol { margin: 0 0 6px; }
.preview-body a { color: var(--r-accent); }
.preview-source { white-space: pre-wrap; margin: 0; font-size: 0.85em; }
`;
