// The short text "Copy diagnostics" puts on the clipboard for a bug report. Everything in it comes from the
// diagnosis (route and selector names, counts) and the extension itself: no token, title, body, label, path or user.
import type { PageDiagnosis, Placement, Recognition } from './model';

export interface DiagnosticsEnv {
  version: string;
  /** e.g. "Chrome 156" or "Firefox 153". */
  browser: string;
}

/** "Chrome 156", "Firefox 153", else the first product token: nothing else of the user agent (it can identify). */
export function browserName(userAgent: string): string {
  const firefox = /Firefox\/(\d+)/.exec(userAgent);
  if (firefox) return `Firefox ${firefox[1]}`;
  const edge = /Edg\/(\d+)/.exec(userAgent);
  if (edge) return `Edge ${edge[1]}`;
  const chrome = /Chrom(?:e|ium)\/(\d+)/.exec(userAgent);
  if (chrome) return `Chrome ${chrome[1]}`;
  return 'unknown browser';
}

export function recognitionText(r: Recognition): string {
  switch (r.status) {
    case 'not-served':
      return 'not an issue, issue list or board page: Refinery stays away';
    case 'unknown-host':
      return 'a host no connection in the options configures';
    case 'recognised':
      return `recognised as ${r.page}`;
    case 'vetoed':
      return `the URL says ${r.page}, but the page refused it: ${r.reason}`;
  }
}

export function placedText(placed: Placement): string {
  switch (placed) {
    case 'anchored':
      return 'placed next to the page content';
    case 'docked':
      return 'docked: none of its usual places was found';
    case 'fallback':
      return "no issue sidebar found: shown in the full panel instead";
    case 'none':
      return 'not placed';
  }
}

export function diagnosticsText(d: PageDiagnosis, env: DiagnosticsEnv): string {
  const lines = [
    'Refinery diagnostics',
    `Version: ${env.version}`,
    `Browser: ${env.browser}`,
    `Forge: ${d.forge === 'gitlab' ? 'GitLab' : 'GitHub'} (${d.host})`,
    `Page: ${recognitionText(d.recognition)}`,
    `data-page: ${d.dataPage ?? '(none)'}`,
    `route-pattern: ${d.routePattern ?? '(none)'}`,
  ];
  for (const f of d.features) {
    lines.push(`${f.feature}: ${placedText(f.placed)}`);
    const found = f.anchors.filter((a) => a.found).map((a) => a.selector);
    const missing = f.anchors.filter((a) => !a.found).map((a) => a.selector);
    if (f.anchors.length > 0) {
      lines.push(`  anchors found: ${found.length ? found.join(' | ') : '(none)'}`);
      lines.push(`  anchors missing: ${missing.length ? missing.join(' | ') : '(none)'}`);
    }
    if (f.rows) lines.push(`  rows with a badge: ${f.rows.badged}; issue links outside them: ${f.rows.unplaced}`);
  }
  return lines.join('\n');
}
