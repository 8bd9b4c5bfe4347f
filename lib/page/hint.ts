// What the page itself shows of the issue (title, labels), so the background can tell that its cached copy is
// stale when someone else changed the issue: the freshly loaded page is the forge's own word.
import type { ForgeKind } from '../forge/model';

export interface PageHint {
  title?: string;
  labels?: string[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

const TITLE: Record<ForgeKind, string> = {
  gitlab: '[data-testid="work-item-title"], .detail-page-header .title, h1.title',
  github: '[data-testid="issue-title"], .js-issue-title',
};

function gitlabLabels(doc: Document): string[] | undefined {
  const chips = doc.querySelectorAll('[data-testid="work-item-labels"] .gl-label, .issuable-sidebar .gl-label, [data-testid="sidebar-labels"] .gl-label');
  if (!chips.length) return undefined;
  return [...chips].map((chip) => {
    const text = norm(chip.querySelector('.gl-label-text')?.textContent ?? chip.textContent ?? '');
    const scoped = chip.querySelector('.gl-label-text-scoped')?.textContent;
    return scoped ? `${text}::${norm(scoped)}` : text;
  });
}

function githubLabels(doc: Document): string[] | undefined {
  const chips = doc.querySelectorAll('[data-testid="issue-labels"] a, .js-issue-labels a');
  if (!chips.length) return undefined;
  // The chip's name only: GitHub puts the label's description in the same link for screen readers.
  return [...chips].map((a) => norm(a.querySelector('[class*="TokenTextContainer"]')?.textContent ?? a.textContent ?? ''));
}

export function pageHint(doc: Document, forge: ForgeKind): PageHint {
  const title = doc.querySelector(TITLE[forge])?.textContent;
  const labels = forge === 'gitlab' ? gitlabLabels(doc) : githubLabels(doc);
  return { ...(title ? { title: norm(title) } : {}), ...(labels ? { labels } : {}) };
}

/** False only when the page clearly shows something else than our copy. */
export function matchesHint(issue: { title: string; labels: string[] }, hint: PageHint): boolean {
  if (hint.title !== undefined && norm(issue.title) !== hint.title) return false;
  if (hint.labels !== undefined) {
    const ours = new Set(issue.labels.map((l) => norm(l).toLowerCase()));
    const theirs = new Set(hint.labels.map((l) => l.toLowerCase()));
    if (ours.size !== theirs.size || [...theirs].some((l) => !ours.has(l))) return false;
  }
  return true;
}
