import { describe, expect, it } from 'vitest';
import type { IssueRef } from '../forge/model';
import { protocol, type Method } from '../messaging';
import { isAllowedSender, METHOD_ACCESS } from './guard';

const ctx = {
  runtimeId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id',
  connections: [
    { kind: 'gitlab' as const, baseUrl: 'https://gitlab.com' },
    { kind: 'github' as const, baseUrl: 'https://github.com' },
    { kind: 'gitlab' as const, baseUrl: 'https://git.corp.example/gitlab' },
  ],
};
const issue = (baseUrl: string, path: string, iid: number, container: 'project' | 'group' = 'project'): IssueRef => ({
  forge: baseUrl.includes('github') ? 'github' : 'gitlab',
  baseUrl,
  container,
  path,
  iid,
  kind: container === 'group' ? 'epic' : 'issue',
});
const ref = (baseUrl: string, path = 'a/b', iid = 1) => ({ ref: issue(baseUrl, path, iid) });
const content = (url: string) => ({ id: 'ext-id', url, tab: {} });
const ISSUE_PAGE = content('https://gitlab.com/a/b/-/issues/1');

describe('sender guard', () => {
  it('lets our options page manage connections', () => {
    expect(isAllowedSender(ctx, { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' }, 'saveConnection', {})).toBe(true);
  });
  it('refuses another extension, and senders without a URL', () => {
    expect(isAllowedSender(ctx, { id: 'evil', url: 'https://gitlab.com/a/b/-/issues/1' }, 'getIssue', ref('https://gitlab.com'))).toBe(false);
    expect(isAllowedSender(ctx, { id: 'ext-id' }, 'getIssue', ref('https://gitlab.com'))).toBe(false);
  });
  it('refuses content scripts asking for connection management or capacity (extension pages only)', () => {
    for (const m of ['listConnections', 'saveConnection', 'removeConnection', 'testConnection'] as const) {
      expect(isAllowedSender(ctx, ISSUE_PAGE, m, {})).toBe(false);
    }
    const capacity = { forge: 'gitlab', baseUrl: 'https://gitlab.com', container: null, usernames: [], includeMe: true, milestone: null };
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'capacity', capacity)).toBe(false);
    expect(isAllowedSender(ctx, { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, 'capacity', capacity)).toBe(true);
  });
  it('every protocol method declares what it touches, and an unknown method is refused', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual(Object.keys(protocol).sort());
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'dropTables' as Method, {})).toBe(false);
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'constructor' as Method, {})).toBe(false);
  });
  it('lets a content script on a configured host read issues of that host only', () => {
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'getIssue', ref('https://gitlab.com', 'other/project', 9))).toBe(true);
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'getIssue', ref('https://git.corp.example/gitlab'))).toBe(false);
  });
  it("refuses a list read that names another host's issues among its own", () => {
    const refs = [issue('https://gitlab.com', 'a/b', 1), issue('https://git.corp.example/gitlab', 'secret/x', 2)];
    expect(isAllowedSender(ctx, content('https://gitlab.com/a/b/-/issues'), 'listIssues', { refs })).toBe(false);
    expect(isAllowedSender(ctx, content('https://gitlab.com/a/b/-/issues'), 'listIssues', { refs: refs.slice(0, 1) })).toBe(true);
  });
  it('answers resolveConnection only about the host the page is on', () => {
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'resolveConnection', { url: 'https://gitlab.com/a/b/-/issues/1' })).toBe(true);
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'resolveConnection', { url: 'https://git.corp.example/gitlab/x/y/-/issues/1' })).toBe(false);
    expect(isAllowedSender(ctx, ISSUE_PAGE, 'resolveConnection', { url: 'https://unknown.example/x' })).toBe(false);
  });
  it('respects a relative URL root: the same origin outside /gitlab is not the configured host', () => {
    const inside = content('https://git.corp.example/gitlab/g/p/-/issues/2');
    const outside = content('https://git.corp.example/other/app');
    expect(isAllowedSender(ctx, inside, 'setWeight', { ...ref('https://git.corp.example/gitlab', 'g/p', 2), weight: 2 })).toBe(true);
    expect(isAllowedSender(ctx, outside, 'resolveConnection', { url: 'https://git.corp.example/other/app' })).toBe(false);
  });
  it('refuses content scripts on hosts nobody configured', () => {
    expect(isAllowedSender(ctx, content('https://example.org/x'), 'resolveConnection', { url: 'https://example.org/x' })).toBe(false);
  });

  describe('writes go to the issue the page shows', () => {
    it('an issue page writes only its own issue', () => {
      expect(isAllowedSender(ctx, ISSUE_PAGE, 'createNote', { ...ref('https://gitlab.com', 'A/B', 1), body: 'x' })).toBe(true);
      expect(isAllowedSender(ctx, ISSUE_PAGE, 'createNote', { ...ref('https://gitlab.com', 'a/b', 7), body: 'x' })).toBe(false);
      expect(isAllowedSender(ctx, ISSUE_PAGE, 'setWeight', { ...ref('https://gitlab.com', 'a/other', 1), weight: 1 })).toBe(false);
      const gh = content('https://github.com/o/r/issues/3');
      expect(isAllowedSender(ctx, gh, 'postStatusUpdate', { kind: 'status', ...ref('https://github.com', 'o/r', 3) })).toBe(true);
      expect(isAllowedSender(ctx, gh, 'postStatusUpdate', { kind: 'status', ...ref('https://github.com', 'o/r', 4) })).toBe(false);
    });
    it('a list or board writes weights of issues it may show, and nothing else', () => {
      const list = content('https://gitlab.com/a/b/-/issues?state=opened');
      expect(isAllowedSender(ctx, list, 'setWeight', { ...ref('https://gitlab.com', 'a/b', 40), weight: 2 })).toBe(true);
      expect(isAllowedSender(ctx, list, 'setWeight', { ...ref('https://gitlab.com', 'a/c', 40), weight: 2 })).toBe(false);
      expect(isAllowedSender(ctx, list, 'createNote', { ...ref('https://gitlab.com', 'a/b', 40), body: 'x' })).toBe(false);
      // Moving workflow labels to Status, like weight labels to the field: issues of the list's project only.
      expect(isAllowedSender(ctx, list, 'moveWorkflowLabel', ref('https://gitlab.com', 'a/b', 40))).toBe(true);
      expect(isAllowedSender(ctx, list, 'moveWorkflowLabel', ref('https://gitlab.com', 'a/c', 40))).toBe(false);
      expect(isAllowedSender(ctx, list, 'setStatus', { ...ref('https://gitlab.com', 'a/b', 40), statusId: 'gid://x' })).toBe(false);
      const group = content('https://gitlab.com/groups/a/-/boards/3');
      expect(isAllowedSender(ctx, group, 'setWeight', { ...ref('https://gitlab.com', 'a/sub/p', 4), weight: 2 })).toBe(true);
      expect(isAllowedSender(ctx, group, 'setWeight', { ...ref('https://gitlab.com', 'ab/p', 4), weight: 2 })).toBe(false);
      const dashboard = content('https://github.com/issues');
      expect(isAllowedSender(ctx, dashboard, 'changeLabels', { ...ref('https://github.com', 'any/repo', 4), change: { add: [], remove: [] } })).toBe(true);
    });
    it('an epic page writes the epic, and weights of issues below its group', () => {
      const epic = content('https://gitlab.com/groups/a/-/epics/5');
      expect(isAllowedSender(ctx, epic, 'createNote', { ref: issue('https://gitlab.com', 'a', 5, 'group'), body: 'x' })).toBe(true);
      expect(isAllowedSender(ctx, epic, 'setWeight', { ...ref('https://gitlab.com', 'a/p', 9), weight: 3 })).toBe(true);
      expect(isAllowedSender(ctx, epic, 'createNote', { ...ref('https://gitlab.com', 'a/p', 9), body: 'x' })).toBe(false);
    });
    it('a page that is no issue, list or board writes nothing', () => {
      const mr = content('https://gitlab.com/a/b/-/merge_requests/1');
      expect(isAllowedSender(ctx, mr, 'createNote', { ...ref('https://gitlab.com', 'a/b', 1), body: 'x' })).toBe(false);
    });
  });
});
