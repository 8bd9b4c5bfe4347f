// `npm run bench`: builds the extension and measures, in Debian's Chromium against the sandbox forge, what it
// costs a page (bundle sizes, time to a ready panel above the API time, requests per view, long tasks, renderer
// task time and heap after GC against the same page without the extension). Prints a table, writes .bench/*.json.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launch, routeForgesToSandbox, seedConnections, type Launched } from '../e2e/browser';
import { PROBE, type ProbeResult } from './probe';
import { PARSER_BUDGET_MS, worstParserTime } from './parsers';
import { measure } from './sizes';
import { median, p95 } from './stats';

const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
/** Page loads traced for long tasks, per browser (the first ones compile our script without V8's code cache). */
const TRACED = 8;
const OUT = path.resolve('.bench');
// What users install: the e2e build is a development build (React's development bundle, larger and slower), and only
// adds loopback host permissions, which the bench does not need (gitlab.com and github.com are routed to the sandbox).
const BUILD = path.resolve(process.env.REFINERY_OUT_DIR ?? '.output', 'chrome-mv3');
const KB = 1024;

const GITLAB_ISSUE = (iid: number) => `https://gitlab.com/acme/platform/backend/-/issues/${iid}`;
const GITHUB_ISSUE = (n: number) => `https://github.com/acme/widgets/issues/${n}`;

async function connect(l: Launched): Promise<void> {
  await seedConnections(l.worker!, [
    { id: 'gitlab.com', kind: 'gitlab', baseUrl: 'https://gitlab.com', token: 'sandbox-gitlab-token' },
    { id: 'github.com', kind: 'github', baseUrl: 'https://github.com', token: 'sandbox-github-token' },
  ]);
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Until the sandbox has seen no request for `quietMs`: the previous page's late reads must not count for the next. */
async function settle(sandbox: Sandbox, quietMs = 1000): Promise<void> {
  let seen = -1;
  while (seen !== sandbox.requests.length) {
    seen = sandbox.requests.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __refineryBench: ProbeResult }).__refineryBench);

async function waitReady(page: Page): Promise<ProbeResult> {
  await page.waitForFunction(() => (window as unknown as { __refineryBench: ProbeResult }).__refineryBench.ready > 0, null, {
    timeout: 15_000,
  });
  return probe(page);
}

/** Requests the sandbox saw while `action` ran and the page settled (the panel ready, then a quiet second). */
async function countRequests(sandbox: Sandbox, action: () => Promise<void>): Promise<number> {
  await settle(sandbox);
  const before = sandbox.requests.length;
  await action();
  await settle(sandbox);
  return sandbox.requests.length - before;
}

async function timing(ext: Launched, sandbox: Sandbox, latencyMs: number, firstIid: number) {
  sandbox.latencyMs = latencyMs;
  const total: number[] = [];
  const overhead: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const iid = firstIid + i; // a fresh issue each run: no cache helps
    const start = sandbox.requests.length;
    const page = await open(ext.context, GITLAB_ISSUE(iid));
    const r = await waitReady(page);
    const answers = sandbox.requests.slice(start).filter((q) => q.method === 'GET' && /\/issues\/\d+$/.test(q.path));
    const apiAt = Math.max(...answers.map((q) => q.at));
    total.push(r.ready - r.dcl);
    if (Number.isFinite(apiAt)) overhead.push(r.ready - apiAt);
    await page.close();
  }
  sandbox.latencyMs = 0;
  return { latencyMs, runs: RUNS, dclToReady: { median: median(total), p95: p95(total) }, afterApi: { median: median(overhead), p95: p95(overhead) } };
}

async function requestsPerView(ext: Launched, sandbox: Sandbox, forge: 'gitlab' | 'github') {
  const url = forge === 'gitlab' ? GITLAB_ISSUE(9) : GITHUB_ISSUE(9);
  const view = async () => {
    const page = await open(ext.context, url);
    await waitReady(page);
    await page.close();
  };
  const first = await countRequests(sandbox, view);
  const revisit = await countRequests(sandbox, view);
  // Another user changes the issue (adds a label it does not have yet), then we come back.
  const change: [string, RequestInit] =
    forge === 'gitlab'
      ? [
          `${sandbox.gitlab.url}/api/v4/projects/1001/issues/9`,
          { method: 'PUT', headers: { 'PRIVATE-TOKEN': 'sandbox-gitlab-token', 'content-type': 'application/json' }, body: JSON.stringify({ add_labels: 'backend' }) },
        ]
      : [
          `${sandbox.github.apiUrl}/repos/acme/widgets/issues/9/labels`,
          { method: 'POST', headers: { authorization: 'token sandbox-github-token', 'content-type': 'application/json' }, body: JSON.stringify({ labels: ['backend'] }) },
        ];
  await fetch(...change);
  const changed = await countRequests(sandbox, view);
  return { forge, first, revisitWithinMinute: revisit, revisitAfterChange: changed };
}

/**
 * The sidebar section (the default layout) on issues without findings: its height (budget 160 px) when it appeared
 * and 2 s later, and the page's layout shifts after it appeared (budget 0).
 */
async function sidebarLayout(ext: Launched) {
  const pages = [
    { forge: 'gitlab', url: GITLAB_ISSUE(2) },
    { forge: 'github', url: GITHUB_ISSUE(2) },
  ] as const;
  const out = [];
  for (const p of pages) {
    const heights: number[] = [];
    const shifts: number[] = [];
    const onAppear: number[] = [];
    let findings = 0;
    for (let i = 0; i < 5; i++) {
      const page = await open(ext.context, p.url);
      await waitReady(page);
      await new Promise((r) => setTimeout(r, 2000));
      const r = await probe(page);
      const now = await page.locator('[data-refinery="sidebar"]').evaluate((el) => el.getBoundingClientRect().height);
      findings = await page.locator('[data-refinery="sidebar"]').getByRole('list', { name: 'Handbook checks' }).getByRole('listitem').count();
      heights.push(Math.max(r.sidebarHeight, now));
      shifts.push(r.shiftsAfter);
      onAppear.push(r.shiftsOnAppear);
      await page.close();
    }
    out.push({ forge: p.forge, findings, maxHeightPx: Math.max(...heights), maxShiftsOnAppear: Math.max(...onAppear), maxShiftsAfter: Math.max(...shifts) });
  }
  return out;
}

async function listPage(ext: Launched, sandbox: Sandbox) {
  const url = 'https://gitlab.com/acme/platform/backend/-/issues?first_page_size=100';
  const before = sandbox.requests.length;
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const rows = await page.locator('li.issue, [data-testid="issuable-container"]').count();
  let allShownAt = 0;
  try {
    await page.waitForFunction((n) => document.querySelectorAll('[data-refinery="badge"]').length >= n, Math.min(rows, 1), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 1000));
    allShownAt = Date.now();
  } catch {
    /* no badges on list pages yet */
  }
  const reqs = sandbox.requests.slice(before);
  const badges = await page.locator('[data-refinery="badge"]').count();
  await page.close();
  const apiAt = Math.max(0, ...reqs.map((r) => r.at));
  return { rows, badges, requests: reqs.length, dataToBadgesMs: allShownAt && apiAt ? Math.max(0, allShownAt - 1000 - apiAt) : null };
}

/** The Plan section's read of a parent's children: GraphQL requests named by children.ts's operations. */
const CHILDREN_READ = /RefineryWorkItemChildren|RefineryWorkItemDescendants|RefineryChildren|RefineryTrackedIssues/;

/**
 * Requests when the Plan section opens on a parent with 100 children (issue 18: at most 3, never one per child): a GitLab
 * epic (children in two projects), a GitHub issue with sub-issues, a GitHub tracking issue's task list. Run last: the
 * section stays open in the profile, and the children added here stay in the sandbox.
 */
async function planReads(ext: Launched, sandbox: Sandbox) {
  const gl = sandbox.gitlab.state;
  const epic = gl.epics.find((e) => e.groupId === 51 && e.iid === 2)!;
  const model = gl.issues.find((i) => i.epicId === epic.id)!;
  const glChildren = gl.issues.filter((i) => i.epicId === epic.id).length;
  for (let k = 0; k < 100 - glChildren; k++) gl.issues.push({ ...model, id: 800_000 + k, iid: 500 + k, projectId: k % 2 ? 1001 : 1002 });
  const plans = sandbox.github.state.repos.find((r) => r.owner === 'acme' && r.name === 'plans')!;
  const parent = plans.issues.find((i) => i.number === 1)!;
  const template = plans.issues.find((i) => i.number === 4)!;
  const extra = Array.from({ length: 100 - (parent.subIssueIds?.length ?? 0) }, (_, k) => ({ ...template, id: 9_100_000 + k, number: 500 + k, subIssueIds: undefined }));
  plans.issues.push(...extra);
  parent.subIssueIds = [...(parent.subIssueIds ?? []), ...extra.map((i) => i.id)];
  const tracking = plans.issues.find((i) => i.number === 6)!;
  tracking.body = [2, 3, 4, 5, ...extra.map((i) => i.number)].map((n) => `- [ ] #${n}`).join('\n');
  const out: { parent: string; children: number; childrenRequests: number; requests: number }[] = [];
  // The Plan section is in the full panel: as for a user who opened Refinery from the sidebar section (remembered).
  await ext.worker!.evaluate(() => chrome.storage.local.set({ layout: { layout: 'sidebar', fullPanel: true } }));
  // `requests`: the whole page view with the section open (the issue, its comments, the children; list badges on epics).
  for (const [name, url] of [
    ['GitLab epic', 'https://gitlab.com/groups/acme/platform/-/epics/2'],
    ['GitHub sub-issues', 'https://github.com/acme/plans/issues/1'],
    ['GitHub task list', 'https://github.com/acme/plans/issues/6'],
  ] as const) {
    // The whole view: the section stays open once opened, so on the next parent it reads as the panel comes up.
    await settle(sandbox);
    const before = sandbox.requests.length;
    const page = await open(ext.context, url);
    await waitReady(page);
    const toggle = page.locator('[data-refinery="panel"]').getByRole('button', { name: 'Plan', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const source = page.locator('[data-plan-source]');
    await source.waitFor({ timeout: 15_000 });
    const children = Number(/^(\d+)/.exec((await source.textContent()) ?? '')?.[1] ?? 0);
    await settle(sandbox);
    const reqs = sandbox.requests.slice(before);
    out.push({ parent: name, children, childrenRequests: reqs.filter((r) => CHILDREN_READ.test(JSON.stringify(r.body ?? ''))).length, requests: reqs.length });
    await page.close();
  }
  await ext.worker!.evaluate(() => chrome.storage.local.remove('layout'));
  return out;
}

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; fileName?: string; data?: { url?: string; scriptName?: string } };
};

/** A main-thread task over 50 ms, and how much of it ran our extension's scripts (compile, evaluate, calls). */
export interface LongTask {
  ms: number;
  ourScriptMs: number;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compileModule', 'v8.evaluateModule', 'TimerFire']);
const ours = (e: TraceEvent) =>
  /^chrome-extension:\/\//.test(e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '');

/** Time our scripts ran in a task: its outermost script events, module evaluation counted when the task is ours. */
function ourScriptTime(inside: TraceEvent[]): number {
  if (!inside.some(ours)) return 0;
  let total = 0;
  let end = -Infinity;
  for (const e of [...inside].sort((a, b) => a.ts - b.ts)) {
    if (!SCRIPT_EVENTS.has(e.name) || !(ours(e) || e.name === 'v8.evaluateModule') || e.ts < end) continue;
    total += e.dur ?? 0;
    end = e.ts + (e.dur ?? 0);
  }
  return total / 1000;
}

/**
 * Main-thread tasks over 50 ms per page load, from a Chromium trace: our script runs in the content script's isolated
 * world, whose tasks the page's own PerformanceObserver('longtask') does not report. Each keeps how long our scripts
 * ran in it: a task of only style and layout (the page's, with our panel in it) is told apart from one of our code.
 */
async function longTasks(l: Launched, firstIid: number): Promise<LongTask[][]> {
  const loads: LongTask[][] = [];
  for (let i = 0; i < TRACED; i++) {
    const page = await l.context.newPage();
    const cdp = await l.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {
      categories: 'disabled-by-default-devtools.timeline,devtools.timeline,v8.execute',
      transferMode: 'ReportEvents',
    } as never);
    await page.goto(GITLAB_ISSUE(firstIid + i), { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 3000));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of events) {
      const thread = `${e.pid}:${e.tid}`;
      if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(thread)) continue;
      byThread.set(thread, [...(byThread.get(thread) ?? []), e]);
    }
    // The page's renderer is the main thread that worked the most during the load.
    const sum = (xs: TraceEvent[]) => xs.reduce((a, b) => a + (b.dur ?? 0), 0);
    const renderer = [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0] ?? [];
    const long = renderer.filter((t) => (t.dur ?? 0) > 50_000);
    loads.push(
      long.map((t) => {
        const inside = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.ts >= t.ts && e.ts < t.ts + t.dur!);
        return { ms: t.dur! / 1000, ourScriptMs: ourScriptTime(inside) };
      }),
    );
    await cdp.detach();
    await page.close();
  }
  return loads;
}

async function pageCost(l: Launched, firstIid: number) {
  const task: number[] = [];
  const script: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await open(l.context, GITLAB_ISSUE(firstIid + i));
    const cdp = await l.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await new Promise((r) => setTimeout(r, 3000));
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
    task.push(m('TaskDuration') * 1000);
    script.push(m('ScriptDuration') * 1000);
    heap.push(usedSize);
    await cdp.detach();
    await page.close();
  }
  return { task, script, heap };
}

/** Long tasks over all traced loads, and over those after the first two (V8 caches our compiled script by then). */
function tasksSummary(loads: LongTask[][]) {
  const summary = (tasks: LongTask[]) => ({
    count: tasks.length,
    longestMs: Math.max(0, ...tasks.map((t) => t.ms)),
    /** Tasks in which our scripts ran at all, and the longest of those. */
    withOurScript: tasks.filter((t) => t.ourScriptMs > 0).length,
    longestWithOurScriptMs: Math.max(0, ...tasks.filter((t) => t.ourScriptMs > 0).map((t) => t.ms)),
  });
  return { ...summary(loads.flat()), perLoad: loads, afterFirstTwo: summary(loads.slice(2).flat()) };
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => String(c).padEnd(i === 0 ? 44 : 14)).join('');
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    execSync('npx wxt build', { stdio: 'inherit' });
    execSync('npx wxt build --mode e2e', { stdio: 'inherit' });
  }
  const sizes = measure(path.resolve(process.env.REFINERY_OUT_DIR ?? '.output', 'chrome-mv3'));
  const sandbox = await startSandbox();
  const ext = await launch({ extensionDir: BUILD });
  const base = await launch({ extensionDir: null });
  await routeForgesToSandbox(ext.context, sandbox);
  await routeForgesToSandbox(base.context, sandbox);
  await connect(ext);

  const results: Record<string, unknown> = { date: new Date().toISOString(), runs: RUNS, sizes };
  try {
    if (process.argv.includes('--sidebar-only')) {
      console.log(JSON.stringify(await sidebarLayout(ext), null, 2));
      return;
    }
    // The Plan rows alone: requests counted without the timing runs (minutes of both cores).
    if (process.argv.includes('--plan-only')) {
      console.log(JSON.stringify(await planReads(ext, sandbox), null, 2));
      return;
    }
    // First, while V8 has no code cache for our script yet (as after installing or updating the extension).
    const tracedWith = await longTasks(ext, 160);
    const tracedWithout = await longTasks(base, 160);
    results.timing = [await timing(ext, sandbox, 0, 100), await timing(ext, sandbox, 100, 140)];
    results.requests = [await requestsPerView(ext, sandbox, 'gitlab'), await requestsPerView(ext, sandbox, 'github')];
    results.listPage = await listPage(ext, sandbox);
    results.sidebar = await sidebarLayout(ext);
    const withExt = await pageCost(ext, 180);
    const without = await pageCost(base, 180);
    results.pageCost = {
      taskMs: { with: median(withExt.task), without: median(without.task), p95With: p95(withExt.task), p95Without: p95(without.task) },
      scriptMs: { with: median(withExt.script), without: median(without.script) },
      heapAfterGcBytes: { with: median(withExt.heap), without: median(without.heap) },
      longTasks: {
        loads: TRACED,
        with: tasksSummary(tracedWith),
        without: tasksSummary(tracedWithout),
      },
    };
    results.plan = await planReads(ext, sandbox);
  } finally {
    await ext.close();
    await base.close();
    await sandbox.close();
  }

  // Parsers of forge text on adversarial 64 KB inputs (linear time; the HTML sanitizer needs a DOM and runs in the
  // unit test only).
  results.worstParser = worstParserTime();

  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `bench-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify(results, null, 2));

  const lines: string[] = [];
  lines.push(row(['Bundle', 'raw kB', 'gzip kB']));
  for (const s of sizes) lines.push(row([s.entry, (s.raw / KB).toFixed(1), (s.gzip / KB).toFixed(1)]));
  lines.push('', row(['Ready: sidebar section (default layout) (ms)', 'median', 'p95']));
  for (const t of results.timing as Awaited<ReturnType<typeof timing>>[]) {
    lines.push(row([`DOMContentLoaded → ready, API at ${t.latencyMs} ms`, t.dclToReady.median.toFixed(0), t.dclToReady.p95.toFixed(0)]));
    lines.push(row([`  of which after the API answer`, t.afterApi.median.toFixed(0), t.afterApi.p95.toFixed(0)]));
  }
  lines.push('', row(['API requests per issue view', 'first', 'revisit <1min', 'after change']));
  for (const r of results.requests as Awaited<ReturnType<typeof requestsPerView>>[]) {
    lines.push(row([r.forge, r.first, r.revisitWithinMinute, r.revisitAfterChange]));
  }
  lines.push('', row(['Sidebar section, no findings (5 loads, max)', 'findings', 'height px', 'CLS appearing', 'CLS after']));
  for (const sb of results.sidebar as Awaited<ReturnType<typeof sidebarLayout>>) {
    lines.push(row([`${sb.forge} (budget 160 px, CLS after 0)`, sb.findings, sb.maxHeightPx.toFixed(0), sb.maxShiftsOnAppear.toFixed(4), sb.maxShiftsAfter.toFixed(4)]));
  }
  const lp = results.listPage as Awaited<ReturnType<typeof listPage>>;
  lines.push('', row(['List page (GitLab, 100 issues)', 'rows', 'badges', 'requests', 'data→badges ms']));
  lines.push(row(['', lp.rows, lp.badges, lp.requests, lp.dataToBadgesMs ?? 'n/a']));
  lines.push('', row(['Plan section, 100 children', 'children read', 'children requests', 'view, all requests']));
  for (const p of results.plan as Awaited<ReturnType<typeof planReads>>) lines.push(row([p.parent, p.children, p.childrenRequests, p.requests]));
  const pc = results.pageCost as {
    taskMs: { with: number; without: number };
    scriptMs: { with: number; without: number };
    heapAfterGcBytes: { with: number; without: number };
    longTasks: { loads: number; with: ReturnType<typeof tasksSummary>; without: ReturnType<typeof tasksSummary> };
  };
  lines.push('', row(['Page cost, 3 s after load (median)', 'with', 'without', 'difference']));
  lines.push(row(['renderer task time (ms)', pc.taskMs.with.toFixed(0), pc.taskMs.without.toFixed(0), (pc.taskMs.with - pc.taskMs.without).toFixed(0)]));
  lines.push(row(['script time (ms)', pc.scriptMs.with.toFixed(0), pc.scriptMs.without.toFixed(0), (pc.scriptMs.with - pc.scriptMs.without).toFixed(0)]));
  lines.push(
    row([
      'JS heap after GC (MB)',
      (pc.heapAfterGcBytes.with / 1e6).toFixed(2),
      (pc.heapAfterGcBytes.without / 1e6).toFixed(2),
      ((pc.heapAfterGcBytes.with - pc.heapAfterGcBytes.without) / 1e6).toFixed(2),
    ]),
  );
  const lt = pc.longTasks;
  const tasks = (t: { count: number; longestMs: number }) => `${t.count} / ${t.longestMs.toFixed(0)}`;
  const scripted = (t: { withOurScript: number; longestWithOurScriptMs: number }) =>
    `${t.withOurScript} / ${t.longestWithOurScriptMs.toFixed(0)}`;
  lines.push('', row([`Long tasks > 50 ms, ${lt.loads} traced loads`, 'with', 'without']));
  lines.push(row(['all loads (count / longest ms)', tasks(lt.with), tasks(lt.without)]));
  lines.push(row(['  of which running our scripts', scripted(lt.with), '']));
  lines.push(row(['after the first two (code cache)', tasks(lt.with.afterFirstTwo), tasks(lt.without.afterFirstTwo)]));
  const wp = results.worstParser as ReturnType<typeof worstParserTime>;
  lines.push('', row(['Parsers of forge text, adversarial input (worst case)', 'parser', 'input', 'kB', `ms (budget ${PARSER_BUDGET_MS})`]));
  lines.push(row(['', wp.parser, wp.input, (wp.size / 1024).toFixed(0), wp.ms.toFixed(1)]));
  console.log(`\n${lines.join('\n')}\n\nwritten: ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
