// CSS for the Templates section, rendered inside the panel's shadow root (which already has the panel's and the
// Weights section's rules for buttons, rows, alerts and text areas). Colours come from the `--r-*` tokens.
export const templatesStyles = `
.templates { display: grid; gap: 6px; border-top: 1px solid var(--r-border); padding-top: 8px; }
.template-menu { position: relative; display: inline-block; }
.template-menu .menu {
  position: absolute; z-index: 10; inset-inline-start: 0; top: calc(100% + 2px); min-width: 14em;
  margin: 0; padding: 4px 0; list-style: none; background: var(--r-bg); color: var(--r-fg);
  border: 1px solid var(--r-border); border-radius: 4px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
}
.menu-item { padding: 4px 10px; cursor: pointer; white-space: nowrap; }
.menu-item:focus { outline: none; background: var(--r-bg-subtle); }
.menu-item:focus-visible { outline: 2px solid var(--r-accent); outline-offset: -2px; }
.reviewer { display: grid; gap: 4px; }
.reviewer[hidden] { display: none; }
.own-editor { display: grid; gap: 6px; }
.own-editor label[for] { font-weight: 600; }
.own-editor textarea { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85em; }
.label-offer { display: grid; gap: 4px; padding: 6px 8px; border: 1px solid var(--r-border); border-radius: 4px; background: var(--r-bg-subtle); }
.label-offer p { margin: 0; }
`;
