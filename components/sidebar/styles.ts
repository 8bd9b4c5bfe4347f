// The sidebar section's CSS: the forges' sidebar look (a small heading, label/value rows, small link-style edit
// buttons; no full-width buttons), colours from the host's design tokens through `--r-*` (shadow/theme.ts).
// Height budget: at most 160 px on an issue without findings (heading and four rows of 24 px).
export const sidebarStyles = `
.refinery-sidebar {
  position: relative;
  display: grid;
  gap: 2px;
  padding: 8px 0;
  border-bottom: 1px solid var(--r-border);
  color: var(--r-fg);
  font-size: 0.875rem;
  line-height: 20px;
}
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.sb-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; min-height: 24px; }
.sb-title { margin: 0; font-size: 0.75rem; font-weight: 600; color: var(--r-muted); line-height: 20px; }
.sb-rows { margin: 0; display: grid; gap: 0; }
.sb-row { position: relative; display: grid; grid-template-columns: 6.5em 1fr; align-items: center; min-height: 24px; gap: 4px; }
.sb-row dt { color: var(--r-muted); font-size: 0.75rem; }
.sb-row dd { margin: 0; display: flex; align-items: center; justify-content: space-between; gap: 4px; min-width: 0; }
.sb-value { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sb-value.empty { font-weight: 400; color: var(--r-muted); }
.sb-row[aria-busy="true"] .sb-value { color: var(--r-muted); font-style: italic; }
button {
  font: inherit;
  color: inherit;
  cursor: pointer;
}
.sb-edit, .sb-link, .sb-fix {
  flex: none;
  min-height: 24px;
  padding: 0 6px;
  border: 1px solid transparent;
  border-radius: 6px;
  background: none;
  color: var(--r-accent);
  font-size: 0.75rem;
  line-height: 22px;
}
.sb-edit:hover, .sb-link:hover, .sb-fix:hover { background: var(--r-bg-subtle); border-color: var(--r-border); }
.sb-fix { color: var(--r-fg); border-color: var(--r-border); background: var(--r-bg-subtle); }
button:focus-visible, [role="listbox"]:focus-visible { outline: 2px solid var(--r-accent); outline-offset: 1px; }
button[aria-disabled="true"] { opacity: 0.6; cursor: default; }
.sb-findings { list-style: none; margin: 4px 0 0; padding: 0; display: grid; gap: 2px; }
.sb-findings li { display: flex; align-items: center; justify-content: space-between; gap: 6px; min-height: 24px; padding-inline-start: 6px; border-inline-start: 3px solid var(--r-accent); font-size: 0.75rem; }
.sb-findings li[data-severity="error"] { border-color: var(--r-danger-fg); }
.sb-findings li[data-severity="warning"] { border-color: var(--r-warn-fg); }
.sb-finding-text { min-width: 0; }
.sb-status { margin: 0; font-size: 0.75rem; color: var(--r-muted); }
.sb-status:empty { display: none; }
.sb-alert { margin: 0; font-size: 0.75rem; color: var(--r-danger-fg); }
.sb-actions { display: flex; gap: 4px; }
.popover {
  position: absolute;
  top: calc(100% + 2px);
  inset-inline: 0;
  z-index: 100;
  display: flex;
  gap: 4px;
  padding: 4px;
  border: 1px solid var(--r-border);
  border-radius: 6px;
  background: var(--r-bg);
  box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
}
[role="listbox"] { flex: 1; list-style: none; margin: 0; padding: 0; border-radius: 4px; max-height: 20rem; overflow: auto; }
[role="option"] { display: grid; gap: 0; padding: 4px 8px; border-radius: 4px; cursor: pointer; }
[role="option"][data-active="true"] { background: var(--r-bg-subtle); box-shadow: inset 2px 0 0 var(--r-accent); }
[role="option"][aria-selected="true"] .option-text::after { content: ' ✓'; color: var(--r-accent); }
.option-text { font-weight: 600; }
.option-detail { font-size: 0.75rem; line-height: 16px; color: var(--r-muted); display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
.popover[data-lists="2"] .option-detail { display: none; }
`;
