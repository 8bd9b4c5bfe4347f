// Colour tokens for everything Refinery draws inside a host page. Custom properties inherit into shadow DOM, so
// we read the host's own design tokens (GitLab `--gl-*`, GitHub Primer `--fgColor-*` and its older `--color-*`)
// and only fall back to our own palette, chosen by the host's `data-theme`, where the page defines none.

const tokens: [name: string, sources: string[], light: string, dark: string][] = [
  ['fg', ['--gl-text-color-default', '--fgColor-default', '--color-fg-default'], '#1f1e24', '#ececef'],
  ['muted', ['--gl-text-color-subtle', '--fgColor-muted', '--color-fg-muted'], '#626168', '#a4a3a8'],
  ['bg', ['--gl-background-color-default', '--bgColor-default', '--color-canvas-default'], '#ffffff', '#18171d'],
  ['bg-subtle', ['--gl-background-color-subtle', '--bgColor-muted', '--color-canvas-subtle'], '#fbfafd', '#232128'],
  ['border', ['--gl-border-color-default', '--borderColor-default', '--color-border-default'], '#dcdcde', '#4c4b51'],
  // Form-field outlines need 3:1 against the background (WCAG 2.1 1.4.11); the decorative border above has ~1.4:1.
  ['control-border', ['--gl-control-border-color-default', '--control-borderColor-rest'], '#89888d', '#89888d'],
  ['accent', ['--gl-text-color-link', '--fgColor-accent', '--color-accent-fg'], '#1f63b5', '#63a6e9'],
  ['warn-fg', ['--gl-feedback-warning-text-color', '--fgColor-attention', '--color-attention-fg'], '#8f4700', '#e9be74'],
  ['warn-bg', ['--gl-feedback-warning-background-color', '--bgColor-attention-muted', '--color-attention-subtle'], '#fdf1dd', '#3b2a12'],
  ['danger-fg', ['--gl-feedback-danger-text-color', '--fgColor-danger', '--color-danger-fg'], '#ae1800', '#f57f6c'],
  ['danger-bg', ['--gl-feedback-danger-background-color', '--bgColor-danger-muted', '--color-danger-subtle'], '#fcf1ef', '#3d1a16'],
  ['success-fg', ['--gl-feedback-success-text-color', '--fgColor-success', '--color-success-fg'], '#217645', '#52b87a'],
];

function chain(sources: string[], fallback: string): string {
  return sources.reduceRight((inner, name) => `var(${name}, ${inner})`, fallback);
}

/** `--r-<name>` for each token, resolved on the host element. */
export const themeCss = `
:host { ${tokens.map(([n, , light]) => `--r-fallback-${n}: ${light};`).join(' ')} }
:host([data-theme="dark"]) { ${tokens.map(([n, , , dark]) => `--r-fallback-${n}: ${dark};`).join(' ')} }
:host { ${tokens.map(([n, sources]) => `--r-${n}: ${chain(sources, `var(--r-fallback-${n})`)};`).join(' ')} }
:host {
  display: block;
  color: var(--r-fg);
  font: inherit;
  line-height: 1.4;
  text-align: start;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
`;
