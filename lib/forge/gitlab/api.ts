// The GitLab REST resources the adapter uses, imported one by one from @gitbeaker/core so the bundle carries only
// these (@gitbeaker/rest's `Gitlab` builds all ~200 resources and its default requester).
import {
  EpicNotes,
  Epics,
  GroupLabels,
  GroupMembers,
  IssueLinks,
  IssueNotes,
  Issues,
  Markdown,
  PersonalAccessTokens,
  ProjectLabels,
  ProjectMembers,
  Projects,
  Users,
} from '@gitbeaker/core';
import type { BaseResourceOptions } from '@gitbeaker/requester-utils';

/** Same options as `new Gitlab(…)`; responses keep GitLab's snake_case keys. */
export type ApiOptions = BaseResourceOptions<false>;

export function createApi(options: ApiOptions) {
  return {
    EpicNotes: new EpicNotes<false>(options),
    Epics: new Epics<false>(options),
    GroupLabels: new GroupLabels<false>(options),
    GroupMembers: new GroupMembers<false>(options),
    IssueLinks: new IssueLinks<false>(options),
    IssueNotes: new IssueNotes<false>(options),
    Issues: new Issues<false>(options),
    Markdown: new Markdown<false>(options),
    PersonalAccessTokens: new PersonalAccessTokens<false>(options),
    ProjectLabels: new ProjectLabels<false>(options),
    ProjectMembers: new ProjectMembers<false>(options),
    Projects: new Projects<false>(options),
    Users: new Users<false>(options),
  };
}

export type GitlabApi = ReturnType<typeof createApi>;
