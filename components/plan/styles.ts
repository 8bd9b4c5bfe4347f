// CSS for the Plan section, rendered by the section itself (its code and rules load when it is first opened). Colours
// come from the `--r-*` tokens (shadow/theme.ts).
export const planStyles = `
.plan { display: grid; gap: 8px; border-top: 1px solid var(--r-border); padding-top: 8px; }
.plan .alert, .plan .hint { margin: 0; }
.plan-figures { display: grid; gap: 2px; margin: 0; }
.plan-figures div { display: grid; grid-template-columns: minmax(8em, max-content) 1fr; gap: 8px; }
.plan-figures dt { font-weight: 600; }
.plan-figures dd { margin: 0; }
.plan-list-title { margin: 0; font-weight: 600; }
.plan-list ul { margin: 2px 0 0; padding-inline-start: 18px; }
.plan-note { color: var(--r-muted); }
.plan-children { border-collapse: collapse; font-size: 0.85em; width: 100%; }
.plan-children caption { text-align: start; font-weight: 600; }
.plan-children th, .plan-children td { border-bottom: 1px solid var(--r-border); padding: 2px 6px; text-align: start; vertical-align: top; }
.plan-nested td:first-child { padding-inline-start: 18px; }
.plan a { color: var(--r-accent); }
.plan-draft { display: grid; gap: 8px; }
`;
