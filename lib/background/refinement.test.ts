// The checklist comment written by the background, against the sandbox forges through the real adapters.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import { ForgeError } from '../forge/errors';
import type { Forge } from '../forge/forge';
import { createGithubForge } from '../forge/github';
import { GitlabForge } from '../forge/gitlab';
import type { IssueRef } from '../forge/model';
import { CHECKLIST_MARKER } from '../handbook/refinement/checklists';
import { DEFAULT_SETTINGS } from '../handbook/settings';
import { withCache } from './cached-forge';
import { readChecklistFacts, startRefinement, tickChecklist } from './refinement';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const S = DEFAULT_SETTINGS;
const gitlabRef = (path: string, iid: number): IssueRef => ({ forge: 'gitlab', baseUrl: sb.gitlab.url, container: 'project', path, iid, kind: 'issue' });
const githubRef = (iid: number): IssueRef => ({ forge: 'github', baseUrl: sb.github.url, container: 'project', path: 'acme/widgets', iid, kind: 'issue' });
const gitlab = (token = 'sandbox-gitlab-token') => withCache(new GitlabForge({ baseUrl: sb.gitlab.url, token }));
const github = () => withCache(createGithubForge({ id: 'gh', kind: 'github', baseUrl: sb.github.url, token: 'sandbox-github-token' }, { retryBaseMs: 5 }));
const PREMIUM = 'acme/platform/frontend';
const writes = () => sb.requests.filter((r) => r.method !== 'GET');

/** The seeded hand-written checklist on GitLab #1 (by alice, the token's user). */
function seededChecklist(projectId = 1002) {
  const issue = sb.gitlab.state.issues.find((i) => i.projectId === projectId && i.iid === 1)!;
  return sb.gitlab.state.notes.find((n) => n.noteableId === issue.id && n.body.startsWith('# Issue Refinement Checklist'))!;
}

/** Lines of `after` that differ from `before`. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  return after.split('\n').filter((line, i) => line !== a[i]);
}

describe('reading the facts', () => {
  it('notes and open blockers in one go; a blockers failure leaves them unknown with the reason', async () => {
    const f = gitlab();
    const facts = await readChecklistFacts(f, gitlabRef(PREMIUM, 1), false);
    expect(facts.blockers).toBe(1);
    expect(facts.blockersError).toBeNull();
    expect(facts.notes.some((n) => n.body.startsWith('# Issue Refinement Checklist'))).toBe(true);
    sb.faults.add({ forge: 'gitlab', path: '/links', status: 500 });
    const failed = await readChecklistFacts(gitlab(), gitlabRef(PREMIUM, 1), false);
    expect(failed.blockers).toBeNull();
    expect(failed.blockersError).toMatch(/error/i);
  });

  it('fresh skips the read cache: a blocker closed a moment ago is seen', async () => {
    const f = gitlab();
    expect((await readChecklistFacts(f, gitlabRef(PREMIUM, 1), false)).blockers).toBe(1);
    sb.gitlab.state.issues.find((i) => i.projectId === 1002 && i.iid === 6)!.state = 'closed';
    expect((await readChecklistFacts(f, gitlabRef(PREMIUM, 1), false)).blockers).toBe(1); // cached
    expect((await readChecklistFacts(f, gitlabRef(PREMIUM, 1), true)).blockers).toBe(0);
  });
});

describe('ticking the checklist comment', () => {
  it('changes only that box, in one write', async () => {
    const note = seededChecklist();
    const base = note.body;
    const out = await tickChecklist(gitlab(), { ref: gitlabRef(PREMIUM, 1), noteId: note.id, base, ticks: [{ itemText: 'Required permissions and access levels defined', checked: true }] }, S);
    expect(out.changed).toEqual(['Required permissions and access levels defined']);
    expect(out.dropped).toEqual([]);
    expect(changedLines(base, note.body)).toEqual(['- [x] Required permissions and access levels defined']);
    expect(out.note.body).toBe(note.body);
    expect(writes().map((r) => r.method)).toEqual(['PUT']);
  });

  it('keeps a box a teammate ticked after the page loaded, and their untick of another box', async () => {
    const note = seededChecklist();
    const base = note.body;
    // Meanwhile, someone else: ticks the plan item, unticks the title item.
    note.body = note.body
      .replace('- [ ] A comment with an implementation plan is created', '- [x] A comment with an implementation plan is created')
      .replace('- [x] Issue title clearly describes', '- [ ] Issue title clearly describes');
    const out = await tickChecklist(gitlab(), { ref: gitlabRef(PREMIUM, 1), noteId: note.id, base, ticks: [{ itemText: "Issue is small and doesn't need to be broken down", checked: true }] }, S);
    expect(note.body).toContain('- [x] A comment with an implementation plan is created');
    expect(note.body).toContain('- [ ] Issue title clearly describes the feature or change');
    expect(note.body).toContain("- [x] Issue is small and doesn't need to be broken down");
    expect(out.changed).toEqual(["Issue is small and doesn't need to be broken down"]);
  });

  it('does not write when the comment already says so', async () => {
    const note = seededChecklist();
    const base = note.body;
    note.body = note.body.replace('- [ ] Required permissions', '- [x] Required permissions');
    const out = await tickChecklist(gitlab(), { ref: gitlabRef(PREMIUM, 1), noteId: note.id, base, ticks: [{ itemText: 'Required permissions and access levels defined', checked: true }] }, S);
    expect(out.changed).toEqual([]);
    expect(out.note.body).toBe(note.body);
    expect(writes()).toEqual([]);
  });

  it('a comment re-read a moment ago (read cache) does not hide a teammate’s later tick', async () => {
    const f = gitlab();
    const note = seededChecklist();
    const base = note.body;
    const ref = gitlabRef(PREMIUM, 1);
    const tick = (itemText: string, from: string) => tickChecklist(f, { ref, noteId: note.id, base: from, ticks: [{ itemText, checked: true }] }, S);
    // No change: the read stays in the cache.
    await tick('Issue title clearly describes the feature or change', base);
    note.body = note.body.replace('- [ ] This issue has a weight', '- [x] This issue has a weight');
    await tick('Required permissions and access levels defined', base);
    expect(note.body).toContain('- [x] This issue has a weight');
    expect(note.body).toContain('- [x] Required permissions and access levels defined');
  });

  it('a deleted comment fails as not-found, offering to re-post', async () => {
    const note = seededChecklist();
    const base = note.body;
    sb.gitlab.state.notes.splice(sb.gitlab.state.notes.indexOf(note), 1);
    const e = await tickChecklist(gitlab(), { ref: gitlabRef(PREMIUM, 1), noteId: note.id, base, ticks: [{ itemText: 'Required permissions and access levels defined', checked: true }] }, S).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ForgeError);
    expect((e as ForgeError).kind).toBe('not-found');
    expect((e as ForgeError).message).toMatch(/deleted.*Re-post/);
    expect(writes()).toEqual([]);
  });

  it('a comment edited into something unreadable is left alone (conflict)', async () => {
    const note = seededChecklist();
    const base = note.body;
    note.body = `${note.body}\n[x] Also: ask the PM`;
    const before = note.body;
    const e = (await tickChecklist(gitlab(), { ref: gitlabRef(PREMIUM, 1), noteId: note.id, base, ticks: [{ itemText: 'Required permissions and access levels defined', checked: true }] }, S).catch((x: unknown) => x)) as ForgeError;
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/left as it is/);
    expect(note.body).toBe(before);
    expect(writes()).toEqual([]);
  });

  it('an item someone removed from the comment is reported as dropped, the others still apply', async () => {
    const note = seededChecklist();
    const base = note.body;
    note.body = note.body.replace("- [ ] Issue is small and doesn't need to be broken down\n", '');
    const out = await tickChecklist(
      gitlab(),
      {
        ref: gitlabRef(PREMIUM, 1),
        noteId: note.id,
        base,
        ticks: [
          { itemText: "Issue is small and doesn't need to be broken down", checked: true },
          { itemText: 'Required permissions and access levels defined', checked: true },
        ],
      },
      S,
    );
    expect(out.dropped).toEqual(["Issue is small and doesn't need to be broken down"]);
    expect(out.changed).toEqual(['Required permissions and access levels defined']);
  });

  it('GitHub: the same, through the comments API', async () => {
    const f = github();
    const ref = githubRef(2);
    const comment = sb.github.state.repos[0]!.comments.find((c) => c.issueNumber === 2)!;
    const base = comment.body;
    comment.body = comment.body.replace('- [ ] Test cases to verify', '- [x] Test cases to verify');
    await tickChecklist(f, { ref, noteId: comment.id, base, ticks: [{ itemText: 'Potential side effects of the fix are considered', checked: true }] }, S);
    expect(comment.body).toContain('- [x] Test cases to verify the fix are defined');
    expect(comment.body).toContain('- [x] Potential side effects of the fix are considered');
    expect(writes().map((r) => r.method)).toEqual(['PATCH']);
  });
});

describe('Start refinement', () => {
  const PLAIN = 'acme/platform/frontend';

  it('posts the handbook checklist with the data’s ticks and the marker, once', async () => {
    const f = gitlab();
    const ref = gitlabRef(PLAIN, 5);
    const first = await startRefinement(f, { ref, kind: 'issue', ticks: ['weight'] }, S);
    expect(first.created).toBe(true);
    expect(first.note.body).toMatch(/^# Issue Refinement Checklist\n\n## Problem verification\n- \[ \] Issue label is ~"workflow::refinement"/);
    expect(first.note.body).toContain('- [x] This issue has a weight');
    expect(first.note.body).toContain(CHECKLIST_MARKER);
    const again = await startRefinement(f, { ref, kind: 'issue', ticks: [] }, S);
    expect(again).toEqual({ note: first.note, created: false });
    expect(writes().map((r) => r.method)).toEqual(['POST']);
  });

  it('a hand-written checklist counts: nothing is posted', async () => {
    const out = await startRefinement(gitlab(), { ref: gitlabRef(PREMIUM, 1), kind: 'issue', ticks: [] }, S);
    expect(out).toMatchObject({ created: false, note: { id: seededChecklist().id } });
    expect(writes()).toEqual([]);
  });

  it('an unreadable checklist does not stop a new one (and stays as it was)', async () => {
    const note = seededChecklist();
    note.body = `${note.body}\n- [x] This issue has a weight`; // listed twice, ticked differently
    const before = note.body;
    const out = await startRefinement(gitlab(), { ref: gitlabRef(PREMIUM, 1), kind: 'issue', ticks: [] }, S);
    expect(out.created).toBe(true);
    expect(note.body).toBe(before);
  });

  it('re-posts a deleted checklist as it was, with the marker added', async () => {
    const note = seededChecklist();
    const body = note.body.replace('- [ ] Required permissions', '- [x] Required permissions');
    sb.gitlab.state.notes.splice(sb.gitlab.state.notes.indexOf(note), 1);
    const out = await startRefinement(gitlab(), { ref: gitlabRef(PREMIUM, 1), kind: 'issue', ticks: [], body }, S);
    expect(out.created).toBe(true);
    expect(out.note.body).toBe(`${body}\n\n${CHECKLIST_MARKER}`);
  });

  it('refuses to re-post text that is no checklist', async () => {
    const e = (await startRefinement(gitlab(), { ref: gitlabRef(PLAIN, 5), kind: 'issue', ticks: [], body: 'hello' }, S).catch((x: unknown) => x)) as ForgeError;
    expect(e.kind).toBe('invalid');
    expect(writes()).toEqual([]);
  });

  it('a post whose answer got lost is found instead of failing, so a retry never posts twice', async () => {
    const real = gitlab();
    const lossy = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'createNote') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<Forge['createNote']>) => {
          await target.createNote(...args);
          throw new ForgeError('network', 'Could not reach the forge: socket hang up.');
        };
      },
    });
    const ref = gitlabRef(PLAIN, 5);
    const out = await startRefinement(lossy, { ref, kind: 'bug', ticks: [] }, S);
    expect(out.created).toBe(true);
    expect(out.note.body).toMatch(/^# Bug Refinement Checklist/);
    expect(await startRefinement(lossy, { ref, kind: 'bug', ticks: [] }, S)).toMatchObject({ created: false, note: { id: out.note.id } });
    expect(writes().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('the reporter cannot post: forbidden, nothing posted', async () => {
    const e = (await startRefinement(gitlab('sandbox-gitlab-reporter'), { ref: gitlabRef(PLAIN, 5), kind: 'issue', ticks: [] }, S).catch((x: unknown) => x)) as ForgeError;
    expect(e.kind).toBe('forbidden');
  });

  it('GitHub: posts on an issue without a checklist', async () => {
    const out = await startRefinement(github(), { ref: githubRef(1), kind: 'issue', ticks: ['label-refinement'] }, S);
    expect(out.created).toBe(true);
    expect(out.note.body).toContain('- [x] Issue label is ~"workflow::refinement"');
    expect(sb.github.state.repos[0]!.comments.at(-1)!.body).toBe(out.note.body);
  });
});
