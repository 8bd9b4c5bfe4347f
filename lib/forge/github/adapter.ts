// The GitHub adapter (github.com, GHE.com, GitHub Enterprise Server) behind the Forge interface.
// GitHub stores the weight in an organisation's number issue field where it has one (issue-fields.ts); otherwise
// weights, health and workflow stages are labels, and scoped labels are kept exclusive here. Every failure leaves as
// a ForgeError.
import { ForgeError } from '../errors';
import type { AssignedQuery, AssignedWork, Connection, ConnectionCheck, Forge, IssueTypeDef, SubIssueResult } from '../forge';
import { containerPathProblem, labelChange, labelNameProblem, labelDef, type Capabilities, type HealthStatus, type Issue, type IssueRef, type LabelChange, type LabelDef, type LinkedChange, type Note, type SplitSide, type User } from '../model';
import { MAX_ISSUES_PER_QUERY, type FieldNames } from './bulk';
import { readGithubChildren } from './children';
import type { ChildrenRead } from '../children-model';
import { readAssigned, readIssuesByNumber, type GraphqlSupport } from './bulk-reads';
import { createGithubClient, type GithubClient, type GithubClientOptions } from './client';
import type { EtagStats } from './etag-fetch';
import { toForgeError } from './forge-error';
import { chooseIssueFields, fieldWeight, NO_ISSUE_FIELDS, splitFieldNames, type ChosenField, type GhIssueFieldJson, type IssueFieldChoice } from './issue-fields';
import { DEFAULT_WEIGHT_FIELDS } from '../../handbook/settings';
import { planLabelChange } from './labels';
import { labelNames, linkedPullRequests, mapIssue, mapLabel, mapNote, mapUser, type GhCommentJson, type GhIssueJson, type GhLabelJson, type GhUserJson } from './map';

export type GithubForgeOptions = GithubClientOptions;

const NO_CAPABILITIES: Capabilities = { weight: false, healthStatus: false, scopedLabels: false, epics: false };

type RepoRef = {
  owner: string;
  repo: string;
  issue_number: number;
};

function trimBase(url: string): string {
  return url.replace(/\/+$/, '').toLowerCase();
}

/** Problems a classic token's scopes (x-oauth-scopes) cause; fine-grained tokens send no such header. */
export function scopeProblems(header: string | null | undefined): string[] {
  if (header === null || header === undefined) return [];
  const scopes = header
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (scopes.includes('repo')) return [];
  if (scopes.includes('public_repo')) {
    return ['This token has the `public_repo` scope but not `repo`: Refinery cannot see issues in private repositories.'];
  }
  return [
    `This token has neither the \`repo\` nor the \`public_repo\` scope (it has: ${scopes.join(', ') || 'none'}): ` +
      'Refinery cannot change labels or post comments. Create a token with the `repo` scope.',
  ];
}

export class GithubForge implements Forge {
  private readonly client: GithubClient;
  /** What this server's GraphQL schema turned out to lack. */
  private readonly graphql: GraphqlSupport = { issueType: true, issueFields: true };
  private me?: Promise<User>;
  /** Issue fields per organisation (lower-cased owner), read once per adapter like capabilities on GitLab. */
  private readonly fields = new Map<string, Promise<IssueFieldChoice>>();
  private weightNames: readonly string[] = DEFAULT_WEIGHT_FIELDS;

  constructor(
    private readonly connection: Connection,
    opts: GithubForgeOptions = {},
  ) {
    this.client = createGithubClient(connection.baseUrl, connection.token, opts);
  }

  /** Conditional GETs answered 304 (served from the ETag cache) and answered in full. */
  get etagStats(): Readonly<EtagStats> {
    return this.client.etags;
  }

  private get octokit() {
    return this.client.octokit;
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw toForgeError(e);
    }
  }

  private target(ref: IssueRef): RepoRef {
    if (ref.forge !== 'github' || ref.container !== 'project' || ref.kind !== 'issue') {
      throw new ForgeError('invalid', 'GitHub has only repository issues: this reference is not one.');
    }
    if (trimBase(ref.baseUrl) !== trimBase(this.connection.baseUrl)) {
      throw new ForgeError('invalid', `This connection is for ${this.connection.baseUrl}, not ${ref.baseUrl}.`);
    }
    // Octokit encodes each part of its URL templates but leaves `.` and `..` as they are: `../..` would reach another route.
    const problem = containerPathProblem('github', 'project', ref.path);
    if (problem) throw new ForgeError('invalid', problem);
    if (!Number.isSafeInteger(ref.iid) || ref.iid < 1) throw new ForgeError('invalid', `#${ref.iid} is not an issue number.`);
    const [owner, repo] = ref.path.split('/') as [string, string];
    return { owner, repo, issue_number: ref.iid };
  }

  private async readIssue(ref: IssueRef): Promise<GhIssueJson> {
    const t = this.target(ref);
    const { data } = await this.octokit.rest.issues.get(t);
    const issue = data as GhIssueJson;
    // The issues API answers for pull requests too; Refinery plans issues only.
    if (issue.pull_request) {
      throw new ForgeError('not-found', `${ref.path}#${ref.iid} is a pull request, not an issue.`, 404);
    }
    return issue;
  }

  /** The team's weight field names changed: choose each organisation's field again. */
  useFieldNames(names: { weight: readonly string[] }): void {
    if (names.weight.join('\n') === this.weightNames.join('\n')) return;
    this.weightNames = [...names.weight];
    this.fields.clear();
  }

  /**
   * The owner's issue fields Refinery uses. A personal account, or an organisation without issue fields (GitHub
   * Enterprise Server, a token without access to them), answers 404/403/410: none, labels as before.
   */
  private issueFields(owner: string): Promise<IssueFieldChoice> {
    const key = owner.toLowerCase();
    let hit = this.fields.get(key);
    if (!hit) {
      hit = (async () => {
        try {
          const res = await this.octokit.request('GET /orgs/{org}/issue-fields', { org: owner });
          return chooseIssueFields(Array.isArray(res.data) ? (res.data as GhIssueFieldJson[]) : [], this.weightNames);
        } catch (e) {
          const status = statusOf(e);
          if (status === 404 || status === 403 || status === 410) return NO_ISSUE_FIELDS;
          throw e;
        }
      })();
      hit.catch(() => this.fields.delete(key)); // a failed read is asked again next time
      this.fields.set(key, hit);
    }
    return hit;
  }

  /** The issue as the model has it, its weights read from the organisation's weight fields where it has them. */
  private async mapWithFields(ref: IssueRef, json: GhIssueJson): Promise<Issue> {
    const issue = mapIssue(ref, json);
    const { weight, backend, frontend } = await this.issueFields(this.target(ref).owner);
    const value = (field: ChosenField | null) => (field ? fieldWeight(json.issue_field_values, field.id) : null);
    return {
      ...issue,
      ...(weight ? { weight: value(weight) } : {}),
      ...(backend || frontend ? { splitWeights: { backend: value(backend), frontend: value(frontend) } } : {}),
    };
  }

  /** The organisation's field names, for the bulk reads' GraphQL answers (which name fields, not ids). */
  private async fieldNames(owner: string): Promise<FieldNames> {
    const { weight, backend, frontend } = await this.issueFields(owner);
    return { weight: weight?.name ?? null, backend: backend?.name ?? null, frontend: frontend?.name ?? null };
  }

  testConnection(): Promise<ConnectionCheck> {
    return this.run(async () => {
      const res = await this.octokit.request('GET /user');
      return { user: mapUser(res.data as GhUserJson), problems: scopeProblems(res.headers['x-oauth-scopes']) };
    });
  }

  getIssue(ref: IssueRef): Promise<Issue> {
    return this.run(async () => {
      const { owner } = this.target(ref);
      // Both at once: a first visit costs these two requests, a later one only the issue.
      const [json] = await Promise.all([this.readIssue(ref), this.issueFields(owner)]);
      return this.mapWithFields(ref, json);
    });
  }

  getCapabilities(ref: IssueRef): Promise<Capabilities> {
    return this.run(async () => {
      const choice = await this.issueFields(this.target(ref).owner);
      const split = splitFieldNames(choice);
      return {
        ...NO_CAPABILITIES,
        ...(choice.weight ? { weight: true, weightField: choice.weight.name } : {}),
        ...(split ? { splitWeightFields: split } : {}),
      };
    });
  }

  listNotes(ref: IssueRef): Promise<Note[]> {
    return this.run(async () => {
      const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.target(ref), per_page: 100 });
      return (comments as GhCommentJson[]).map(mapNote);
    });
  }

  listLinkedChanges(ref: IssueRef): Promise<LinkedChange[]> {
    return this.run(async () => {
      const t = this.target(ref);
      const events = await this.octokit.paginate(this.octokit.rest.issues.listEventsForTimeline, { ...t, per_page: 100 });
      return linkedPullRequests(events as unknown[], `${t.owner}/${t.repo}`);
    });
  }

  changeLabels(ref: IssueRef, change: LabelChange): Promise<Issue> {
    return this.run(async () => {
      const parsed = labelChange.safeParse(change);
      if (!parsed.success) throw new ForgeError('invalid', 'The label change is malformed.');
      const t = this.target(ref);
      // Re-read just before writing: the plan must see labels someone else set meanwhile.
      const plan = planLabelChange(labelNames((await this.readIssue(ref)).labels), parsed.data);
      // Add first so the issue is never without its stage; then remove one by one (never a whole-set replace).
      if (plan.add.length) await this.octokit.rest.issues.addLabels({ ...t, labels: plan.add });
      for (const name of plan.remove) {
        // Defence in depth: the name becomes a path segment (see labelNameProblem).
        const problem = labelNameProblem(name);
        if (problem) throw new ForgeError('invalid', `Refused to remove the label: ${problem}.`);
        try {
          await this.octokit.rest.issues.removeLabel({ ...t, name });
        } catch (e) {
          // Already gone (someone else removed it): the outcome we wanted.
          if ((e as { status?: unknown }).status !== 404) throw e;
        }
      }
      return this.mapWithFields(ref, await this.readIssue(ref));
    });
  }

  /**
   * Writes the organisation's weight field: POST adds this one value and keeps the issue's other fields (PUT would
   * replace them all); unsetting deletes the value. GitHub drops values silently where issue fields are unavailable,
   * so the issue is read back and a weight that did not stick is an error, not a success.
   */
  setWeight(ref: IssueRef, weight: number | null): Promise<Issue> {
    return this.run(async () => {
      const field = (await this.issueFields(this.target(ref).owner)).weight;
      if (!field) throw new ForgeError('invalid', 'This repository has no weight issue field: set a `weight::N` label with changeLabels instead.');
      return this.writeField(ref, field, weight, 'the weight', (i) => i.weight);
    });
  }

  createSubIssue(parent: IssueRef, input: { title: string; body: string }): Promise<SubIssueResult> {
    return this.run(async () => {
      const t = this.target(parent);
      const title = input.title.trim();
      if (title === '' || title.length > 256) throw new ForgeError('invalid', 'A sub-issue needs a title of at most 256 characters.');
      // Never retried: an issue created before the answer got lost would be created twice.
      const { data } = await this.octokit.rest.issues.create({ owner: t.owner, repo: t.repo, title, body: input.body, request: { retries: 0 } });
      const created = data as GhIssueJson & { id: number };
      const issue = mapIssue({ ...parent, iid: created.number }, created);
      try {
        await this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', { ...t, sub_issue_id: created.id });
        return { issue, linked: true, problem: null };
      } catch (e) {
        const status = statusOf(e);
        const why = status === 404 || status === 410 ? 'this GitHub has no sub-issues' : toForgeError(e).message;
        return { issue, linked: false, problem: `#${created.number} was created but not added as a sub-issue: ${why}` };
      }
    });
  }

  listIssueTypes(ref: IssueRef): Promise<IssueTypeDef[]> {
    return this.run(async () => {
      const { owner, repo } = this.target(ref);
      try {
        const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/issue-types', { owner, repo });
        return (Array.isArray(data) ? (data as { name?: unknown; description?: unknown; is_enabled?: unknown }[]) : [])
          .filter((t) => typeof t.name === 'string' && t.is_enabled !== false)
          .map((t) => ({ name: t.name as string, description: typeof t.description === 'string' ? t.description : null }));
      } catch (e) {
        if (statusOf(e) === 404 || statusOf(e) === 410) return []; // a personal repository, an older GitHub Enterprise Server
        throw e;
      }
    });
  }

  setIssueType(ref: IssueRef, type: string | null): Promise<Issue> {
    return this.run(async () => {
      const t = this.target(ref);
      await this.octokit.rest.issues.update({ ...t, type });
      const after = await this.mapWithFields(ref, await this.readIssue(ref));
      // GitHub drops a type silently without push access or where the organisation has no such type.
      if ((type === null && after.type !== 'issue') || (type !== null && after.type !== type.toLowerCase())) {
        throw new ForgeError('forbidden', `GitHub did not set the type ${type ?? '(none)'}: it needs push access and a type the organisation defines.`);
      }
      return after;
    });
  }

  /** The "Backend weight" / "Frontend weight" issue field, written and read back like the weight. */
  setSplitWeight(ref: IssueRef, side: SplitSide, weight: number | null): Promise<Issue> {
    return this.run(async () => {
      const field = (await this.issueFields(this.target(ref).owner))[side];
      if (!field) throw new ForgeError('invalid', `This repository has no ${side} weight issue field: set a \`${side}-weight::N\` label with changeLabels instead.`);
      return this.writeField(ref, field, weight, `the ${side} weight`, (i) => i.splitWeights?.[side] ?? null);
    });
  }

  private async writeField(ref: IssueRef, field: ChosenField, weight: number | null, what: string, read: (issue: Issue) => number | null): Promise<Issue> {
    const t = this.target(ref);
    if (weight !== null && (!Number.isSafeInteger(weight) || weight < 0)) throw new ForgeError('invalid', `${weight} is not a weight.`);
    const path = '/repos/{owner}/{repo}/issues/{issue_number}/issue-field-values';
    if (weight === null) {
      try {
        await this.octokit.request(`DELETE ${path}/{issue_field_id}`, { ...t, issue_field_id: field.id });
      } catch (e) {
        if (statusOf(e) !== 404) throw e; // already unset
      }
    } else {
      await this.octokit.request(`POST ${path}`, { ...t, issue_field_values: [{ field_id: field.id, value: weight }] });
    }
    const after = await this.mapWithFields(ref, await this.readIssue(ref));
    if (read(after) !== weight) {
      this.fields.delete(t.owner.toLowerCase()); // the field may have gone: look again next time
      throw new ForgeError('conflict', `GitHub did not keep ${what} in the "${field.name}" issue field (it reads ${read(after) ?? 'unset'}). Reload to check the field still exists.`);
    }
    return after;
  }

  setHealthStatus(ref: IssueRef, _status: HealthStatus | null): Promise<Issue> {
    return this.run(async () => {
      this.target(ref);
      throw new ForgeError('invalid', 'GitHub has no health status field: set a `health::` label with changeLabels instead.');
    });
  }

  setStatus(ref: IssueRef, _statusId: string): Promise<Issue> {
    return this.run(async () => {
      this.target(ref);
      throw new ForgeError('invalid', 'GitHub has no GitLab Status: move the workflow with `workflow::` labels instead.');
    });
  }

  createNote(ref: IssueRef, body: string): Promise<Note> {
    return this.run(async () => {
      if (body.trim() === '') throw new ForgeError('invalid', 'An empty comment cannot be posted.');
      const t = this.target(ref);
      // Never retried: a comment created before the answer got lost would be posted twice.
      const { data } = await this.octokit.rest.issues.createComment({ ...t, body, request: { retries: 0 } });
      return mapNote(data as GhCommentJson);
    });
  }

  updateNote(ref: IssueRef, noteId: number, body: string): Promise<Note> {
    return this.run(async () => {
      if (body.trim() === '') throw new ForgeError('invalid', 'A comment cannot be emptied; delete it on GitHub instead.');
      const { owner, repo, issue_number } = this.target(ref);
      // Comment ids are repository-wide: make sure this one belongs to the issue before changing it.
      const { data: current } = await this.octokit.rest.issues.getComment({ owner, repo, comment_id: noteId });
      if (!(current as GhCommentJson).issue_url?.endsWith(`/issues/${issue_number}`)) {
        throw new ForgeError('not-found', `Comment ${noteId} is not on ${ref.path}#${ref.iid}.`, 404);
      }
      const { data } = await this.octokit.rest.issues.updateComment({ owner, repo, comment_id: noteId, body });
      return mapNote(data as GhCommentJson);
    });
  }

  /** The comment as GitHub has it now; null when it was deleted (404) or is not on this issue (ids are repository-wide). */
  getNote(ref: IssueRef, noteId: number): Promise<Note | null> {
    return this.run(async () => {
      const { owner, repo, issue_number } = this.target(ref);
      try {
        const { data } = await this.octokit.rest.issues.getComment({ owner, repo, comment_id: noteId });
        const comment = data as GhCommentJson;
        return comment.issue_url?.endsWith(`/issues/${issue_number}`) ? mapNote(comment) : null;
      } catch (e) {
        if (statusOf(e) === 404) return null;
        throw e;
      }
    });
  }

  /**
   * Open issues this one is blocked by (issue dependencies, GET …/dependencies/blocked_by, all pages). GitHub Enterprise
   * Server before 3.19 has no such endpoint (404), and 410 means issues are off: the answer is unknown (null) then.
   */
  countOpenBlockers(ref: IssueRef): Promise<number | null> {
    return this.run(async () => {
      const t = this.target(ref);
      try {
        const blockers = await this.octokit.paginate(this.octokit.rest.issues.listDependenciesBlockedBy, { ...t, per_page: 100 });
        return (blockers as { state?: string }[]).filter((i) => i.state === 'open').length;
      } catch (e) {
        if (statusOf(e) === 404 || statusOf(e) === 410) return null;
        throw e;
      }
    });
  }

  /** The users GitHub lets this repository's issues be assigned to (its assignees list), all pages. */
  listMembers(ref: IssueRef): Promise<User[]> {
    return this.run(async () => {
      const { owner, repo } = this.target(ref);
      const users = await this.octokit.paginate(this.octokit.rest.issues.listAssignees, { owner, repo, per_page: 100 });
      return (users as GhUserJson[]).map(mapUser);
    });
  }

  listLabels(ref: IssueRef): Promise<LabelDef[]> {
    return this.run(async () => {
      const { owner, repo } = this.target(ref);
      const labels = await this.octokit.paginate(this.octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 });
      return (labels as GhLabelJson[]).map(mapLabel);
    });
  }

  /** The token's user, read once per adapter (a token belongs to one user). */
  currentUser(): Promise<User> {
    this.me ??= this.run(async () => mapUser((await this.octokit.request('GET /user')).data as GhUserJson)).catch((e: unknown) => {
      this.me = undefined;
      throw e;
    });
    return this.me;
  }

  /** POST /markdown in `gfm` mode with the repository as context, so `#12` and `@user` link as they do on GitHub. */
  renderMarkdown(ref: IssueRef, text: string): Promise<string> {
    return this.run(async () => {
      const { owner, repo } = this.target(ref);
      const { data } = await this.octokit.rest.markdown.render({ text, mode: 'gfm', context: `${owner}/${repo}` });
      if (typeof data !== 'string') throw new ForgeError('forge', 'GitHub answered the Markdown preview without HTML.');
      return data;
    });
  }

  /** One GraphQL request for up to 100 issues across repositories (see bulk.ts); unreadable ones are left out. */
  listIssuesByNumber(refs: readonly IssueRef[]): Promise<Issue[]> {
    return this.run(async () => {
      if (refs.length > MAX_ISSUES_PER_QUERY) throw new ForgeError('invalid', `At most ${MAX_ISSUES_PER_QUERY} issues are read at once, not ${refs.length}.`);
      // The organisations' weight fields (read once per adapter), then the one GraphQL request for the page.
      const owners = [...new Set(refs.map((r) => this.target(r).owner.toLowerCase()))];
      const fields = new Map(await Promise.all(owners.map(async (o) => [o, await this.fieldNames(o)] as const)));
      return readIssuesByNumber(this.octokit, this.connection.baseUrl, refs, this.graphql, (ref) => fields.get(this.target(ref).owner.toLowerCase())!);
    });
  }

  /**
   * The issue's sub-issues (up to four levels), else its task list's issues: one GraphQL request per page
   * (children.ts), with the weight field names of each organisation among the children.
   */
  listChildren(ref: IssueRef): Promise<ChildrenRead> {
    return this.run(() => readGithubChildren(this.octokit, this.connection.baseUrl, ref, this.graphql, (owner) => this.fieldNames(owner)));
  }

  /** One GraphQL search per person, `is:issue assignee:… milestone:"…"` (the repository's open milestone due next by default). */
  listAssignedIssues(query: AssignedQuery): Promise<AssignedWork> {
    const fieldsOf = (path: string) => this.fieldNames(path.split('/')[0] ?? '');
    return this.run(() => readAssigned(this.octokit, this.connection.baseUrl, query, this.graphql, fieldsOf));
  }

  /** GitHub has repository labels only: `level` does not matter. Names compare case-insensitively there. */
  createLabel(ref: IssueRef, label: LabelDef, _level: 'project' | 'group'): Promise<'created' | 'exists'> {
    return this.run(async () => {
      const parsed = labelDef.safeParse(label);
      if (!parsed.success) throw new ForgeError('invalid', `"${label.name}" is not a label GitHub can create: a name and a #rrggbb colour are needed.`);
      const { owner, repo } = this.target(ref);
      const { name, color, description } = parsed.data;
      try {
        await this.octokit.rest.issues.createLabel({ owner, repo, name, color: color.slice(1).toLowerCase(), ...(description ? { description } : {}) });
        return 'created';
      } catch (e) {
        if (alreadyExists(e)) return 'exists';
        throw e;
      }
    });
  }
}

function statusOf(e: unknown): unknown {
  return (e as { status?: unknown } | null)?.status;
}

/** 422 Validation Failed with `{"resource":"Label","code":"already_exists","field":"name"}`. */
function alreadyExists(e: unknown): boolean {
  const { status, response } = (e ?? {}) as { status?: unknown; response?: { data?: { errors?: unknown } } };
  const errors = response?.data?.errors;
  return status === 422 && Array.isArray(errors) && errors.some((x) => (x as { code?: unknown } | null)?.code === 'already_exists');
}

export function createGithubForge(connection: Connection, opts: GithubForgeOptions = {}): GithubForge {
  return new GithubForge(connection, opts);
}
