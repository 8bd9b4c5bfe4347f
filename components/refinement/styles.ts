// CSS for the refinement part of the panel (checklist, workflow stepper, finish), appended to the panel's.
export const refinementStyles = `
.refinement { display: grid; gap: 10px; border-top: 1px solid var(--r-border); padding-top: 8px; }
.checklist fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 6px; min-width: 0; }
.checklist legend { font-weight: 600; padding: 0; margin-bottom: 2px; }
.checklist-part { display: grid; gap: 2px; }
.part-title { margin: 0; color: var(--r-muted); font-size: 0.85em; font-weight: 600; }
.checklist ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 3px; }
.checklist-item { display: grid; grid-template-columns: auto 1fr; gap: 0 6px; align-items: baseline; }
.checklist-item .why { grid-column: 2; color: var(--r-muted); font-size: 0.85em; overflow-wrap: anywhere; }
.checklist-item[data-decided-by="decided"] label, .checklist-item[data-decided-by="waiting"] label { color: var(--r-muted); }
.checklist input[type="checkbox"][aria-disabled="true"] { opacity: 0.6; cursor: default; }
.checklist .warning p, .checklist .alert p { margin: 0 0 6px; }
.checklist a, .workflow a { color: var(--r-accent); }
.workflow { display: grid; gap: 6px; }
.steps { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.steps button { padding: 1px 8px; border-radius: 999px; font-size: 0.85em; }
.steps li[data-state="past"] button { color: var(--r-muted); }
.steps li[data-state="current"] button { background: var(--r-accent); border-color: var(--r-accent); color: var(--r-bg); font-weight: 600; }
.steps li[data-state="conflict"] button { border-color: var(--r-warn-fg); color: var(--r-warn-fg); }
.steps li[data-on-path="false"] button { border-style: dashed; }
.finish { display: grid; gap: 6px; justify-items: start; }
.finish .warning { display: grid; gap: 6px; }
.finish .warning p, .finish .alert { margin: 0; }
.refinement .hint, .refinement .status { margin: 0; color: var(--r-muted); font-size: 0.85em; }
.refinement .status:empty { display: none; }
.refinement .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
`;
