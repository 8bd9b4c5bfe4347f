// How a label is written in GitLab Markdown: `~backend`, `~"UX work"` when it has spaces or quotes would be needed.
export function labelRef(name: string): string {
  return /^[^\s~"]+$/.test(name) ? `~${name}` : `~"${name}"`;
}

export function labelRefs(names: readonly string[]): string {
  return names.map(labelRef).join(' ');
}
