// The sidebar section and the full panel show the same issue from two shadow roots (two React roots): a write in
// either gives its returned issue to both. In-memory, within one content script; each listener keeps only an issue
// that is the one it shows.
import type { Issue } from '@/lib/forge/model';

type Listener = (issue: Issue) => void;
const listeners = new Set<Listener>();

export function publishIssue(issue: Issue): void {
  for (const l of [...listeners]) l(issue);
}

export function subscribeIssue(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
