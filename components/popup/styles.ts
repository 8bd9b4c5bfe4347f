export const popupStyles = `
:root { color-scheme: light dark; }
body { margin: 0; font: 13px/1.4 system-ui, sans-serif; background: Canvas; color: CanvasText; }
.popup { width: 300px; padding: 10px 12px; }
h1 { font-size: 1rem; margin: 0 0 8px; }
ul { list-style: none; margin: 0 0 10px; padding: 0; display: grid; gap: 4px; }
li { display: flex; justify-content: space-between; gap: 8px; }
.host { overflow-wrap: anywhere; }
.ok { opacity: 0.8; white-space: nowrap; }
.missing { color: #9a5b00; white-space: nowrap; font-weight: 600; }
@media (prefers-color-scheme: dark) { .missing { color: #ffcc80; } }
.error { color: #c62828; }
@media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
button { font: inherit; padding: 4px 12px; border-radius: 4px; cursor: pointer; }
`;
