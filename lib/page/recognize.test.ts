import { describe, expect, it } from 'vitest';
import { issueRef } from '../forge/model';
import type { HostConfig } from './hosts';
import { parsePageUrl, type PageRef } from './recognize';

const SELF_MANAGED = 'https://git.example.org/gitlab';
const GHE = 'https://ghe.example.com';
const LOOP_GL = 'http://127.0.0.1:8929';
const LOOP_GH = 'http://127.0.0.1:3001';
const HOSTS: HostConfig[] = [
  { kind: 'gitlab', baseUrl: `${SELF_MANAGED}/` },
  { kind: 'github', baseUrl: GHE },
  { kind: 'gitlab', baseUrl: LOOP_GL },
  { kind: 'github', baseUrl: LOOP_GH },
];
const GL = 'https://gitlab.com';
const GH = 'https://github.com';

const glIssue = (baseUrl: string, path: string, iid: number, variant: 'issue' | 'work-item' | 'legacy' = 'issue') =>
  ({
    type: 'issue',
    forge: 'gitlab',
    baseUrl,
    variant,
    ref: { forge: 'gitlab', baseUrl, container: 'project', path, iid, kind: 'issue' },
  }) satisfies PageRef;
const glEpic = (baseUrl: string, path: string, iid: number, variant: 'epic' | 'group-work-item') =>
  ({
    type: 'issue',
    forge: 'gitlab',
    baseUrl,
    variant,
    ref: { forge: 'gitlab', baseUrl, container: 'group', path, iid, kind: 'epic' },
  }) satisfies PageRef;
const ghIssue = (baseUrl: string, path: string, iid: number) =>
  ({
    type: 'issue',
    forge: 'github',
    baseUrl,
    variant: 'issue',
    ref: { forge: 'github', baseUrl, container: 'project', path, iid, kind: 'issue' },
  }) satisfies PageRef;
const list = (
  forge: 'gitlab' | 'github',
  baseUrl: string,
  container: 'project' | 'group' | 'global',
  path: string | null,
  variant: 'issues' | 'work-items' | 'dashboard' | 'search' | 'milestone',
) => ({ type: 'issue-list', forge, baseUrl, container, path, variant }) satisfies PageRef;
const board = (baseUrl: string, container: 'project' | 'group', path: string, boardId: number | null) =>
  ({ type: 'board', forge: 'gitlab', baseUrl, container, path, boardId }) satisfies PageRef;

const POSITIVE: Array<[string, PageRef]> = [
  // GitLab issues and work items
  [`${GL}/gitlab-org/gitlab/-/issues/1`, glIssue(GL, 'gitlab-org/gitlab', 1)],
  [`${GL}/gitlab-org/gitlab/-/issues/482/`, glIssue(GL, 'gitlab-org/gitlab', 482)],
  [`${GL}/gitlab-org/gitlab/-/issues/482#note_123456`, glIssue(GL, 'gitlab-org/gitlab', 482)],
  [`${GL}/gitlab-org/gitlab/-/issues/482?sort=created_asc#note_1`, glIssue(GL, 'gitlab-org/gitlab', 482)],
  [`${GL}/gitlab-com/www/handbook/sub/-/issues/77`, glIssue(GL, 'gitlab-com/www/handbook/sub', 77)],
  [`${GL}/a/b/c/d/e/-/issues/9`, glIssue(GL, 'a/b/c/d/e', 9)],
  [`${GL}/gitlab-org/gitlab/-/work_items/500`, glIssue(GL, 'gitlab-org/gitlab', 500, 'work-item')],
  [`${GL}/gitlab-org/gitlab/issues/42`, glIssue(GL, 'gitlab-org/gitlab', 42, 'legacy')],
  [`${GL}/g/sub/p/issues/42/`, glIssue(GL, 'g/sub/p', 42, 'legacy')],
  [`${GL}/My-Group/Mixed.Case_Project/-/issues/8`, glIssue(GL, 'My-Group/Mixed.Case_Project', 8)],
  [`${GL}/g/issues/-/issues/4`, glIssue(GL, 'g/issues', 4)],
  [`${GL}/g/help/-/issues/4`, glIssue(GL, 'g/help', 4)],
  [`${GL}/g/dashboard/-/work_items/4`, glIssue(GL, 'g/dashboard', 4, 'work-item')],
  [`${GL}/g/groups/-/issues/4`, glIssue(GL, 'g/groups', 4)],
  [`${GL}/g/boards/-/issues/4`, glIssue(GL, 'g/boards', 4)],
  [`${GL}/gitlab-org/gitlab/-/issues/%34%32`, glIssue(GL, 'gitlab-org/gitlab', 42)],
  [`${GL}/my%2Dgroup/project/-/issues/1`, glIssue(GL, 'my-group/project', 1)],
  [`${GL}/groups/gitlab-org/-/work_items/12`, glEpic(GL, 'gitlab-org', 12, 'group-work-item')],
  [`${GL}/groups/gitlab-org/sub/team/-/epics/3`, glEpic(GL, 'gitlab-org/sub/team', 3, 'epic')],
  [`${GL}/groups/gitlab-org/-/epics/3#note_9`, glEpic(GL, 'gitlab-org', 3, 'epic')],
  // Self-managed under a relative URL root, and loopback with a port
  [`${SELF_MANAGED}/group/project/-/issues/1`, glIssue(SELF_MANAGED, 'group/project', 1)],
  [`${SELF_MANAGED}/group/sub/sub2/project/-/work_items/7`, glIssue(SELF_MANAGED, 'group/sub/sub2/project', 7, 'work-item')],
  [`${SELF_MANAGED}/groups/group/-/epics/2`, glEpic(SELF_MANAGED, 'group', 2, 'epic')],
  [`https://git.example.org/GitLab/Group/project/-/issues/5`, glIssue(SELF_MANAGED, 'Group/project', 5)],
  [`${SELF_MANAGED}/group/project/issues/6`, glIssue(SELF_MANAGED, 'group/project', 6, 'legacy')],
  [`${LOOP_GL}/root/demo/-/issues/3`, glIssue(LOOP_GL, 'root/demo', 3)],
  [`${LOOP_GL}/groups/acme/-/work_items/11`, glEpic(LOOP_GL, 'acme', 11, 'group-work-item')],
  // GitLab lists
  [`${GL}/gitlab-org/gitlab/-/issues`, list('gitlab', GL, 'project', 'gitlab-org/gitlab', 'issues')],
  [
    `${GL}/gitlab-org/gitlab/-/issues/?sort=created_date&state=opened&label_name%5B%5D=group%3A%3Aproject%20management&first_page_size=100`,
    list('gitlab', GL, 'project', 'gitlab-org/gitlab', 'issues'),
  ],
  [`${GL}/gitlab-org/gitlab/-/issues?label_name[]=bug`, list('gitlab', GL, 'project', 'gitlab-org/gitlab', 'issues')],
  [`${GL}/a/b/c/-/work_items?state=opened`, list('gitlab', GL, 'project', 'a/b/c', 'work-items')],
  [`${GL}/groups/gitlab-org/-/issues`, list('gitlab', GL, 'group', 'gitlab-org', 'issues')],
  [`${GL}/groups/gitlab-org/sub/-/work_items/`, list('gitlab', GL, 'group', 'gitlab-org/sub', 'work-items')],
  [`${GL}/dashboard/issues?assignee_username=me`, list('gitlab', GL, 'global', null, 'dashboard')],
  [`${GL}/search?search=weight&scope=issues`, list('gitlab', GL, 'global', null, 'search')],
  [`${SELF_MANAGED}/dashboard/issues`, list('gitlab', SELF_MANAGED, 'global', null, 'dashboard')],
  [`${LOOP_GL}/root/demo/-/issues?state=all`, list('gitlab', LOOP_GL, 'project', 'root/demo', 'issues')],
  // GitLab milestone pages list their issues
  [`${GL}/gitlab-org/gitlab/-/milestones/123`, list('gitlab', GL, 'project', 'gitlab-org/gitlab', 'milestone')],
  [`${GL}/groups/gitlab-org/-/milestones/45#tab-issues`, list('gitlab', GL, 'group', 'gitlab-org', 'milestone')],
  // GitLab boards
  [`${GL}/gitlab-org/gitlab/-/boards`, board(GL, 'project', 'gitlab-org/gitlab', null)],
  [`${GL}/gitlab-org/gitlab/-/boards/1234?label_name%5B%5D=x`, board(GL, 'project', 'gitlab-org/gitlab', 1234)],
  [`${GL}/groups/gitlab-org/-/boards/5`, board(GL, 'group', 'gitlab-org', 5)],
  [`${SELF_MANAGED}/groups/a/b/c/-/boards`, board(SELF_MANAGED, 'group', 'a/b/c', null)],
  // GitHub issues
  [`${GH}/refined-github/refined-github/issues/146`, ghIssue(GH, 'refined-github/refined-github', 146)],
  [`${GH}/facebook/react/issues/1/`, ghIssue(GH, 'facebook/react', 1)],
  [`${GH}/facebook/react/issues/1#issuecomment-1`, ghIssue(GH, 'facebook/react', 1)],
  [`${GH}/facebook/react/issues/1?notification_referrer_id=x#issuecomment-2`, ghIssue(GH, 'facebook/react', 1)],
  [`${GH}/Microsoft/TypeScript/issues/9`, ghIssue(GH, 'Microsoft/TypeScript', 9)],
  [`${GH}/octo-org/repo.with.dots/issues/3`, ghIssue(GH, 'octo-org/repo.with.dots', 3)],
  [`${GH}/octo_acme/issues/issues/5`, ghIssue(GH, 'octo_acme/issues', 5)],
  [`${GH}/issuesuser/wiki/issues/2`, ghIssue(GH, 'issuesuser/wiki', 2)],
  [`${GHE}/team/app/issues/12`, ghIssue(GHE, 'team/app', 12)],
  [`${LOOP_GH}/acme/widgets/issues/1`, ghIssue(LOOP_GH, 'acme/widgets', 1)],
  // GitHub lists
  [`${GH}/facebook/react/issues`, list('github', GH, 'project', 'facebook/react', 'issues')],
  [`${GH}/facebook/react/issues/`, list('github', GH, 'project', 'facebook/react', 'issues')],
  [`${GH}/facebook/react/issues?q=is%3Aissue+is%3Aopen+label%3Abug`, list('github', GH, 'project', 'facebook/react', 'issues')],
  [`${GH}/issues`, list('github', GH, 'global', null, 'dashboard')],
  [`${GH}/issues/assigned`, list('github', GH, 'global', null, 'dashboard')],
  [`${GH}/issues?q=is%3Aopen+assignee%3A%40me`, list('github', GH, 'global', null, 'dashboard')],
  [`${GH}/search?q=weight&type=issues`, list('github', GH, 'global', null, 'search')],
  [`${GH}/search?q=weight&type=Issues`, list('github', GH, 'global', null, 'search')],
  [`${GHE}/issues`, list('github', GHE, 'global', null, 'dashboard')],
  [`${LOOP_GH}/acme/widgets/issues?q=is%3Aopen`, list('github', LOOP_GH, 'project', 'acme/widgets', 'issues')],
];

const NEGATIVE: string[] = [
  // GitLab: other project pages
  `${GL}/gitlab-org/gitlab`,
  `${GL}/gitlab-org/gitlab/-/merge_requests/1`,
  `${GL}/gitlab-org/gitlab/merge_requests/1`,
  `${GL}/gitlab-org/gitlab/-/wikis/home`,
  `${GL}/gitlab-org/gitlab/-/settings/general`,
  `${GL}/gitlab-org/gitlab/-/tree/main/-/issues/1`,
  // GitLab: issue sub-pages and non-issue ids
  `${GL}/gitlab-org/gitlab/-/issues/new`,
  `${GL}/gitlab-org/gitlab/-/issues/1/edit`,
  `${GL}/gitlab-org/gitlab/-/issues/1/designs/screen.png`,
  `${GL}/gitlab-org/gitlab/-/issues/1%2Fedit`,
  `${GL}/gitlab-org/gitlab/-/issues/service_desk`,
  `${GL}/gitlab-org/gitlab/-/issues/abc`,
  `${GL}/gitlab-org/gitlab/-/issues/0`,
  `${GL}/gitlab-org/gitlab/-/issues/01`,
  `${GL}/gitlab-org/gitlab/-/issues/1.json`,
  `${GL}/gitlab-org/gitlab/-/issues/99999999999999999999`,
  `${GL}/gitlab-org/gitlab/-/boards/abc`,
  `${GL}/g//p/-/issues/1`,
  `${GL}/gitlab/-/issues/1`,
  // GitLab: group pages that are not issues
  `${GL}/groups/gitlab-org/-/issues/5`,
  `${GL}/groups/gitlab-org/-/epics`,
  `${GL}/gitlab-org/gitlab/-/milestones`,
  `${GL}/gitlab-org/gitlab/-/milestones/new`,
  `${GL}/groups/gitlab-org`,
  // GitLab: instance routes
  `${GL}/users/sign_in`,
  `${GL}/users/someone/-/issues/1`,
  `${GL}/explore/projects`,
  `${GL}/admin/projects`,
  `${GL}/help/user/issues/1`,
  `${GL}/-/profile`,
  `${GL}/-/ide/project/g/p/edit/main`,
  `${GL}/dashboard/merge_requests`,
  `${GL}/search?search=weight`,
  `${GL}/search?search=weight&scope=merge_requests`,
  // Hosts not configured, or outside the configured relative root
  `https://gitlab.example.net/g/p/-/issues/1`,
  `https://git.example.org/g/p/-/issues/1`,
  `https://git.example.org/gitlabx/g/p/-/issues/1`,
  `https://gist.github.com/octocat/1234`,
  `ftp://gitlab.com/g/p/-/issues/1`,
  `not a url`,
  // GitHub: pull requests and issue sub-pages
  `${GH}/facebook/react/pull/1`,
  `${GH}/facebook/react/pulls`,
  `${GH}/pulls`,
  `${GH}/facebook/react/issues/new`,
  `${GH}/facebook/react/issues/new/choose`,
  `${GH}/facebook/react/issues/1/anything`,
  `${GH}/facebook/react/issues/0`,
  `${GH}/facebook/react/issues/abc`,
  `${GH}/issues/new`,
  // GitHub: reserved first segments
  `${GH}/orgs/acme/issues/1`,
  `${GH}/settings/profile/issues/1`,
  `${GH}/notifications`,
  `${GH}/marketplace/actions/issues`,
  `${GH}/sponsors/acme`,
  `${GH}/topics/issues`,
  `${GH}/features/issues`,
  `${GH}/login?return_to=%2Facme%2Fw%2Fissues%2F1`,
  `${GH}/explore`,
  `${GH}/codespaces/new`,
  `${GH}/apps/dependabot/issues/1`,
  // GitHub: other repository pages, searches of other types
  `${GH}/facebook/react`,
  `${GH}/facebook/react/wiki`,
  `${GH}/facebook/react/settings`,
  `${GH}/search?q=weight&type=code`,
  `${GH}/search?q=weight`,
  `${GHE}/team/app/pull/3`,
];

describe('parsePageUrl', () => {
  it.each(POSITIVE)('recognises %s', (url, expected) => {
    expect(parsePageUrl(url, HOSTS)).toEqual(expected);
  });

  it.each(NEGATIVE)('does not treat %s as an issue page, list or board', (url) => {
    expect(parsePageUrl(url, HOSTS)).toBeNull();
  });

  it('gives refs the background accepts (zod model)', () => {
    for (const [url] of POSITIVE) {
      const page = parsePageUrl(url, HOSTS);
      if (page?.type === 'issue') expect(issueRef.parse(page.ref)).toEqual(page.ref);
    }
  });

  it('never changes its answer for an added query string or fragment (search pages aside)', () => {
    for (const [url, expected] of POSITIVE) {
      if (expected.type === 'issue-list' && expected.variant === 'search') continue;
      const [noFragment] = url.split('#');
      const withQuery = `${noFragment}${noFragment!.includes('?') ? '&' : '?'}utm=1&state=closed#note_99`;
      expect(parsePageUrl(withQuery, HOSTS)).toEqual(expected);
    }
  });

  it('does not recognise self-managed hosts that are not configured', () => {
    expect(parsePageUrl(`${SELF_MANAGED}/group/project/-/issues/1`, [])).toBeNull();
    expect(parsePageUrl(`${GHE}/team/app/issues/12`, [])).toBeNull();
  });
});
