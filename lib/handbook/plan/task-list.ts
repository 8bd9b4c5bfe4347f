// A tracking issue's children: the issues its description links from a task list (the Sourcegraph handbook's tracking
// issue: `- [ ] owner/repo#12`, `- [x] #13`, `- [ ] https://github.com/owner/repo/issues/14`). Pure and linear: each
// line is matched once by patterns without nested repetition.
import { visibleLines } from '../status/status-text';

export interface TaskLink {
  /** `owner/repo` (the tracking issue's own repository for `#12`). */
  path: string;
  number: number;
  checked: boolean;
}

const TASK = /^\s{0,8}(?:[-*+]|\d{1,9}[.)])\s{1,4}\[([ xX])\]\s+(\S.*)$/;
const NAME = String.raw`[A-Za-z0-9_][A-Za-z0-9_-]{0,38}/[A-Za-z0-9_.-]{1,100}`;
const URL = new RegExp(String.raw`https?://[^/\s]{1,253}/(${NAME})/issues/(\d{1,9})(?![\d/])`);
const FULL = new RegExp(String.raw`(?:^|[\s(\[])(${NAME})#(\d{1,9})\b`);
const SHORT = /(?:^|[\s([])#(\d{1,9})\b/;

/** The issue a task item links first: a URL to an issue on `webHost`, `owner/repo#N` or `#N`; null if none. */
export function taskLinkOf(text: string, ownPath: string, webHost: string): Omit<TaskLink, 'checked'> | null {
  const url = URL.exec(text);
  if (url) {
    const host = /^https?:\/\/([^/\s]+)/.exec(url[0])![1]!.toLowerCase();
    if (host === webHost.toLowerCase()) return { path: url[1]!, number: Number(url[2]) };
  }
  const full = FULL.exec(text);
  if (full) return { path: full[1]!, number: Number(full[2]) };
  const short = SHORT.exec(text);
  return short ? { path: ownPath, number: Number(short[1]) } : null;
}

/** Every task item that links an issue, once each (first occurrence), at most `max`; the count of the others. */
export function taskLinks(body: string, ownPath: string, webHost: string, max = 300): { links: TaskLink[]; more: number } {
  const seen = new Set<string>();
  const links: TaskLink[] = [];
  let more = 0;
  for (const line of visibleLines(body)) {
    if (line.length > 4096) continue;
    const m = TASK.exec(line);
    if (!m) continue;
    const link = taskLinkOf(m[2]!, ownPath, webHost);
    if (!link || link.number < 1) continue;
    const key = `${link.path.toLowerCase()}#${link.number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (links.length >= max) more += 1;
    else links.push({ ...link, checked: m[1] !== ' ' });
  }
  return { links, more };
}
