// Serving a real captured page (../shared/real-pages) at its real URL in the e2e browser: the page from the capture,
// the forges' APIs from the sandbox, every other request refused (the pages name real asset and avatar hosts, and
// nothing may leave the machine), and the sandbox given the issue the page shows.
import type { BrowserContext, Route } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import type { GhRepo } from '../sandbox/github/model';
import { readRealPage, type RealPage } from '../real-pages/catalogue';

const ISSUE_LABELS = ['workflow::refinement', 'backend'];

/** The sandbox's copy of the issue the real page shows (weight 2 as a label on Free / GitHub, the field on Premium). */
export function seedRealIssue(sandbox: Sandbox, real: RealPage): void {
  if (real.forge === 'gitlab') {
    const s = sandbox.gitlab.state;
    if (s.projects.some((p) => p.fullPath === real.project)) return;
    const template = s.projects.find((p) => p.fullPath === (real.baseUrl === 'https://gitlab.com' ? 'acme/platform/frontend' : 'acme/community/website'))!;
    const id = 4000 + s.projects.length;
    s.projects.push({ ...structuredClone(template), id, fullPath: real.project, name: real.project.split('/').at(-1)! });
    const sample = s.issues.find((i) => i.projectId === template.id && i.iid === 1)!;
    const free = template.tier === 'free';
    s.issues.push({
      ...structuredClone(sample),
      id: s.seq.issue++,
      projectId: id,
      iid: real.iid,
      title: real.titleText || 'InWord',
      labels: free ? [...ISSUE_LABELS, 'weight::2'] : [...ISSUE_LABELS],
      weight: free ? null : 2,
      epicId: null,
      milestoneId: null,
    });
    return;
  }
  const s = sandbox.github.state;
  const [owner, name] = real.project.split('/') as [string, string];
  if (s.repos.some((r) => r.owner === owner && r.name === name)) return;
  const template = s.repos.find((r) => r.name === 'widgets')!;
  const sample = template.issues.find((i) => i.number === 1)!;
  const repo: GhRepo = {
    ...structuredClone(template),
    id: 9000 + s.repos.length,
    owner,
    name,
    issues: [{ ...structuredClone(sample), id: s.nextId++, number: real.iid, title: real.titleText, labels: [...ISSUE_LABELS, 'weight::2'], milestone: null }],
    comments: [],
    events: [],
    dependencies: [],
  };
  s.repos.push(repo);
}

/**
 * Routes for one real page: refuse every http(s) request but the page, the forges' APIs (forwarded to the sandbox by
 * the fixtures' routes) and the sandbox on this machine; answer the page's URL with the capture. Returns the requests
 * refused.
 */
export async function serveRealPage(context: BrowserContext, sandbox: Sandbox, real: RealPage, pageUrl: string): Promise<{ refused: string[] }> {
  const refused: string[] = [];
  const sandboxOrigins = [new URL(sandbox.gitlab.url).origin, new URL(sandbox.github.url).origin];
  const api = (u: URL) => u.host === 'api.github.com' || (u.host === 'gitlab.com' && u.pathname.startsWith('/api/'));
  // Routes added later are asked first: this one before the fixtures' forwarding, the page's own after it.
  await context.route(/^https?:\/\//, async (route: Route) => {
    const u = new URL(route.request().url());
    if (api(u) || sandboxOrigins.includes(u.origin)) return route.fallback();
    refused.push(u.href);
    return route.abort('blockedbyclient');
  });
  const html = readRealPage(real);
  await context.route(pageUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return { refused };
}
