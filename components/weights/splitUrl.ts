// The forge's own "new issue" page, prefilled to split work out of this issue with a link back to it.
import type { Issue } from '@/lib/forge/model';

const enc = encodeURIComponent;

export function splitIssueUrl(issue: Pick<Issue, 'ref' | 'title'>): string {
  const { forge, baseUrl, path, iid } = issue.ref;
  const title = `${issue.title} (part 2)`;
  const base = baseUrl.replace(/\/+$/, '');
  if (forge === 'github') return `${base}/${path}/issues/new?title=${enc(title)}&body=${enc(`Split from #${iid}`)}`;
  // `/relate` makes GitLab link the two issues when the new one is created (all tiers).
  const description = `Split from #${iid}\n\n/relate #${iid}`;
  return `${base}/${path}/-/issues/new?issue[title]=${enc(title)}&issue[description]=${enc(description)}`;
}
