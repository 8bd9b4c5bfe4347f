// Refs must not reach unintended API paths: the protocol's schemas refuse hostile container paths, base URLs and
// issue numbers, and both adapters refuse them again (a schema bypassed must not change the API route).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capacityRequest, protocol } from '@/lib/messaging';
import { createGithubForge } from './github/adapter';
import { GitlabForge } from './gitlab/gitlab-forge';
import { checkEndpoint } from './gitlab/requester';
import { containerPathProblem, issueRef, type IssueRef } from './model';

const gitlab = (path: string, container: 'project' | 'group' = 'project') => ({
  forge: 'gitlab',
  baseUrl: 'https://gitlab.com',
  container,
  path,
  iid: 7,
  kind: container === 'group' ? 'epic' : 'issue',
});
const github = (path: string) => ({ forge: 'github', baseUrl: 'https://github.com', container: 'project', path, iid: 1, kind: 'issue' });

const HOSTILE_GITLAB = ['..', '.', 'x/..', '../x', 'a/./b', 'a//b', '/a/b', 'a/b/', 'a/b\n', 'a/b\u0000', 'a\\b/c', 'a/b?x=1', 'a/b#f',
  'a/%2e%2e', 'a b/c', '-a/b', 'a/b:c', 'g'];
const HOSTILE_GITHUB = ['..', '../..', 'a/..', 'a/.', 'a', 'a/b/c', '/a/b', 'a/b/', 'a-/b\t', 'a\u0000/b', 'a/b c', '-a/b', 'a.b/c',
  `${'a'.repeat(40)}/b`, 'a/b%2F..', 'a/b?x'];

describe('the IssueRef schema', () => {
  it.each(HOSTILE_GITLAB)('refuses the GitLab project path %j', (path) => {
    expect(issueRef.safeParse(gitlab(path)).success).toBe(false);
  });

  it.each(HOSTILE_GITHUB)('refuses the GitHub path %j', (path) => {
    expect(issueRef.safeParse(github(path)).success).toBe(false);
  });

  it('accepts real paths: nested subgroups, dots, underscores, dashes; a group of one segment for epics', () => {
    for (const path of ['acme/foo.bar', 'acme/sub/deeper/project', 'gitlab-org/gitlab', 'a_b/.hidden-ish', 'user.name/x_y', 'acme/foo.git.bar']) {
      expect(issueRef.safeParse(gitlab(path)).success, path).toBe(true);
    }
    expect(issueRef.safeParse(gitlab('acme', 'group')).success).toBe(true);
    expect(issueRef.safeParse(gitlab('acme/sub', 'group')).success).toBe(true);
    for (const path of ['owner/repo.js', 'octo-org/hello_world', 'a/.github', 'A1/x-y.z', `${'a'.repeat(39)}/b`]) {
      expect(issueRef.safeParse(github(path)).success, path).toBe(true);
    }
  });

  it('refuses base URLs with credentials, a query, a fragment or another scheme', () => {
    for (const baseUrl of ['https://user:pw@gitlab.com', 'https://user@gitlab.com', 'https://gitlab.com?x=1', 'https://gitlab.com/#a',
      'ftp://gitlab.com', 'javascript:alert(1)', 'gitlab.com']) {
      expect(issueRef.safeParse({ ...gitlab('a/b'), baseUrl }).success, baseUrl).toBe(false);
    }
    expect(issueRef.safeParse({ ...gitlab('a/b'), baseUrl: 'https://git.example.com/gitlab' }).success).toBe(true);
  });

  it('takes positive safe integers as issue numbers only', () => {
    for (const iid of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Infinity, NaN]) {
      expect(issueRef.safeParse({ ...gitlab('a/b'), iid }).success, String(iid)).toBe(false);
    }
    expect(issueRef.safeParse({ ...gitlab('a/b'), iid: Number.MAX_SAFE_INTEGER }).success).toBe(true);
  });

  it('guards every message that carries a ref', () => {
    expect(protocol.createNote.request.safeParse({ ref: gitlab('..'), body: 'x' }).success).toBe(false);
    expect(protocol.listIssues.request.safeParse({ refs: [gitlab('a/b'), gitlab('x/..')] }).success).toBe(false);
    expect(protocol.createNote.request.safeParse({ ref: gitlab('a/b'), body: 'x' }).success).toBe(true);
  });

  it('checks capacity containers the same way', () => {
    const req = (forge: 'gitlab' | 'github', kind: 'project' | 'group', path: string) => ({
      forge,
      baseUrl: forge === 'gitlab' ? 'https://gitlab.com' : 'https://github.com',
      container: { kind, path },
      usernames: [],
      includeMe: true,
      milestone: null,
    });
    for (const [forge, kind, path] of [['gitlab', 'group', '..'], ['gitlab', 'project', 'x/..'], ['github', 'project', 'a/b c'],
      ['github', 'group', 'org assignee:x'], ['github', 'project', '../..']] as const) {
      expect(capacityRequest.safeParse(req(forge, kind, path)).success, path).toBe(false);
    }
    for (const [forge, kind, path] of [['gitlab', 'group', 'acme/sub'], ['gitlab', 'project', 'acme/foo.bar'], ['github', 'project', 'owner/repo.js'],
      ['github', 'group', 'octo-org']] as const) {
      expect(capacityRequest.safeParse(req(forge, kind, path)).success, path).toBe(true);
    }
  });

  it('says what is wrong', () => {
    expect(containerPathProblem('gitlab', 'project', 'acme')).toMatch(/namespace\/project/);
    expect(containerPathProblem('github', 'project', 'a\u0000/b')).toBe('"a?/b" is not a GitHub owner/repository path.');
  });
});

describe('the adapters, even with the schema bypassed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('GitLab refuses endpoints the URL parser would rewrite, and sends none', async () => {
    for (const endpoint of ['projects/../issues', 'projects/./issues', 'projects/%2E%2E/issues', 'projects//issues', '/projects/1', 'projects/a\nb',
      'projects\\..\\issues']) {
      expect(() => checkEndpoint(endpoint), endpoint).toThrow(/not a plain API path/);
    }
    expect(() => checkEndpoint('projects/acme%2Ffoo.bar/issues/7/notes')).not.toThrow();
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { headers: { 'content-type': 'application/json' } }));
    const forge = new GitlabForge({ baseUrl: 'https://gitlab.com', token: 't' });
    for (const path of ['..', 'x/..', '.']) {
      await expect(forge.createNote(gitlab(path) as IssueRef, 'x'), path).rejects.toMatchObject({ kind: 'invalid' });
      await expect(forge.getIssue(gitlab(path) as IssueRef), path).rejects.toMatchObject({ kind: 'invalid' });
    }
    expect(fetch).not.toHaveBeenCalled();
    // The full path is one encoded segment: it cannot climb out of /projects/.
    await forge.listNotes(gitlab('acme/foo.bar') as IssueRef).catch(() => undefined);
    expect(fetch.mock.calls.map(([r]) => new URL(r instanceof Request ? r.url : String(r)).pathname)).toEqual([
      '/api/v4/projects/acme%2Ffoo.bar/issues/7/notes',
    ]);
  });

  it('GitHub refuses anything but owner/repository, and sends nothing', async () => {
    const fetch = vi.fn(async () => new Response('{}', { headers: { 'content-type': 'application/json' } }));
    const forge = createGithubForge({ id: 'gh', kind: 'github', baseUrl: 'https://github.com', token: 't' }, { fetch, retries: 0 });
    for (const path of ['../..', 'a/..', '..%2F../x']) {
      await expect(forge.createNote(github(path) as IssueRef, 'x'), path).rejects.toMatchObject({ kind: 'invalid' });
    }
    await expect(forge.getIssue({ ...github('a/b'), iid: 1.5 } as IssueRef)).rejects.toMatchObject({ kind: 'invalid' });
    expect(fetch).not.toHaveBeenCalled();
  });
});
