// Options page CSS: system colours with `color-scheme`, so it follows the browser's light or dark mode.
export const optionsStyles = `
:root { color-scheme: light dark; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; background: Canvas; color: CanvasText; }
.options { max-width: 720px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 1.4rem; }
h2 { font-size: 1.1rem; margin-top: 28px; }
h3 { font-size: 1rem; margin: 0; }
.connections { list-style: none; padding: 0; display: grid; gap: 12px; }
.connection { border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 8px; padding: 12px 14px; }
.connection-head { display: flex; gap: 8px; align-items: center; }
.badge { font-size: 0.75rem; padding: 1px 8px; border-radius: 999px; background: color-mix(in srgb, CanvasText 10%, transparent); }
.connection-facts { display: grid; gap: 2px; margin: 8px 0; }
.connection-facts div { display: grid; grid-template-columns: 6em 1fr; }
.connection-facts dt { opacity: 0.75; }
.connection-facts dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
.token-form, .add-form { display: grid; gap: 6px; max-width: 520px; }
fieldset { border: 0; padding: 0; margin: 0 0 6px; display: flex; gap: 16px; }
legend { font-weight: 600; margin-bottom: 4px; }
label { font-weight: 600; }
fieldset label { font-weight: normal; }
input[type="url"], input[type="password"], input[type="text"] { font: inherit; padding: 5px 8px; border-radius: 4px; border: 1px solid color-mix(in srgb, CanvasText 60%, transparent); background: Field; color: FieldText; }
input[aria-invalid="true"] { border-color: #d33; }
button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid color-mix(in srgb, CanvasText 30%, transparent); background: ButtonFace; color: ButtonText; cursor: pointer; }
/* Not AccentColor: Chromium's #0075ff under white text is 4.2:1. #0066dd is 5.3:1 with white, 3.5:1 against a dark Canvas. */
button.primary { background: #0066dd; color: #ffffff; border-color: #0066dd; justify-self: start; }
button.danger { border-color: #d33; }
button:disabled { opacity: 0.6; cursor: default; }
.help { margin: 0; font-size: 0.9em; opacity: 0.85; }
.error { color: #c62828; margin: 4px 0; }
@media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
.result { margin: 4px 0; }
.problems { margin: 4px 0; color: #9a5b00; }
@media (prefers-color-scheme: dark) { .problems { color: #ffcc80; } }
.settings-form { display: grid; gap: 12px; max-width: 560px; }
fieldset.stack { flex-direction: column; gap: 6px; }
.text-field { display: grid; gap: 2px; }
.text-field label { font-weight: normal; }
`;
