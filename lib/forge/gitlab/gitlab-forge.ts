// The GitLab adapter: REST v4 through gitbeaker's resources, health status, Status and custom fields through GraphQL,
// every failure a ForgeError.
import type { ChildrenRead } from '../children-model';
import { readGitlabChildren, type ChildrenSupport } from './children';
import { ForgeError } from '../errors';
import type { AssignedQuery, AssignedWork, Connection, ConnectionCheck, Forge } from '../forge';
import {
  containerPathProblem,
  labelChange as labelChangeSchema,
  labelDef as labelDefSchema,
  type Capabilities,
  type HealthStatus,
  type Issue,
  type IssueRef,
  type LabelChange,
  type LabelDef,
  type LinkedChange,
  type Note,
  type SplitSide,
  type User,
  type WorkItemStatus,
} from '../model';
import { createApi, type GitlabApi } from './api';
import { assignedOptions, batchesByProject, MAX_PER_REQUEST, projectPathOf } from './bulk';
import {
  CustomFieldsUnavailable,
  detectSplitFields,
  graphqlPoster,
  readSplitValues,
  SPLIT_FIELD_NAMES,
  topGroupOf,
  writeSplitValue,
  type SplitFields,
} from './custom-fields';
import { readEpic, setEpicHealth, type EpicFields } from './epic-work-item';
import { guarded } from './errors';
import { GraphqlUnavailable, setHealthStatusGraphql } from './health';
import { addedScopes, planLabelWrite } from './labels';
import {
  activeMembers,
  capabilitiesOf,
  toIssue,
  toLabelDef,
  toLinkedChange,
  toNote,
  toUser,
  type RawIssue,
  type RawLabel,
  type RawMember,
  type RawMergeRequest,
  type RawNote,
  type RawUser,
} from './map';
import { ListNativeUnavailable, readListNative, type ListNative, type ListNativeItem } from './list-native';
import { commandLines, isUnrunCommands } from './quick-actions';
import { createRequesterFn } from './requester';
import { readNative, NativeUnavailable, type FieldsAsk } from './native-read';
import { readStatus, setStatusGraphql, type StatusRead } from './status';

/**
 * Group epics have no weight or health status in the Epics API; they exist only from Premium. Their work item adds a
 * rolled-up weight (read-only) and, on Ultimate, health status (epic-work-item.ts).
 */
const EPIC_CAPABILITIES: Capabilities = { weight: false, healthStatus: false, scopedLabels: true, epics: true };
const epicCapabilities = (health: boolean | undefined): Capabilities => ({ ...EPIC_CAPABILITIES, healthStatus: health === true });
const EXPIRY_WARNING_DAYS = 14;
const DAY = 86_400_000;

interface RawEpic extends Omit<RawIssue, 'project_id'> {
  group_id: number;
}

interface RawToken {
  scopes?: string[];
  active?: boolean;
  revoked?: boolean;
  expires_at?: string | null;
}

export class GitlabForge implements Forge {
  private readonly baseUrl: string;
  private readonly api: GitlabApi;
  /** Per container path, for the adapter's lifetime: a project's tier does not change under us in practice. */
  private readonly capabilities = new Map<string, Capabilities>();
  /** Project path → id of its parent group (null: a user namespace); projects rarely move. */
  private readonly parentGroups = new Map<string, number | null>();
  private me?: Promise<User>;
  /**
   * Top-level group → its statuses, or null where it has none (Free, Status off): Status is configured per top-level
   * group, so one answer serves its projects and a group without statuses is not asked again.
   */
  private readonly statusGroups = new Map<string, WorkItemStatus[] | null>();
  /** This GitLab's GraphQL schema has no Status (older than 18.2): labels everywhere, no more queries. */
  private statusOff = false;
  /** This GitLab's schema lacks a name the GraphQL-only list read uses: lists are read by REST. */
  private fullListOff = false;
  /** Issue → its WorkItem global id, for the mutation. */
  private readonly workItemIds = new Map<string, string>();
  /**
   * Per top-level group (lower-cased): its "Backend weight" / "Frontend weight" number custom fields, null when it
   * has none or this GitLab has no custom fields. Asked once per adapter; a failed ask is asked again next time.
   */
  private readonly splitFields = new Map<string, Promise<SplitFields | null>>();
  private readonly graphql: ReturnType<typeof graphqlPoster>;
  /** Per group: whether its epics have the health status widget (Ultimate), as their work-item read said. */
  private readonly epicHealth = new Map<string, boolean>();
  /**
   * An epic's id (its notes are addressed by it, not by its iid), kept once read: a group's epic iid never names
   * another epic, so the notes of an epic just shown cost no second read of it.
   */
  private readonly epicIds = new Map<string, number>();
  /** What the children read learnt this GitLab's schema lacks (descendant counts, custom fields). */
  private readonly childrenSupport: ChildrenSupport = {};
  /** This GitLab's GraphQL has no epic work items (or not these widgets): epics stay on REST. */
  private epicWorkItemsOff = false;

  constructor(private readonly connection: Pick<Connection, 'baseUrl' | 'token'>) {
    this.baseUrl = connection.baseUrl.replace(/\/+$/, '');
    // The token as `Authorization: Bearer` (GitLab takes personal access tokens so): browsers drop that header when a
    // redirect changes origin, which they do not for PRIVATE-TOKEN; and the requester follows no redirect at all.
    this.api = createApi({ host: this.baseUrl, oauthToken: connection.token, requesterFn: createRequesterFn(), queryTimeout: 30_000 });
    this.graphql = graphqlPoster(this.baseUrl, connection.token);
  }

  async testConnection(): Promise<ConnectionCheck> {
    const user = await guarded(() => this.api.Users.showCurrentUser() as Promise<unknown> as Promise<RawUser>);
    const problems: string[] = [];
    let token: RawToken | undefined;
    try {
      token = (await this.api.PersonalAccessTokens.show()) as RawToken;
    } catch {
      // GET /personal_access_tokens/self exists from GitLab 15.5 and only for personal access tokens.
      problems.push('Could not read the token’s scopes and expiry date; check them in GitLab (User settings > Access tokens).');
    }
    if (token) problems.push(...tokenProblems(token));
    return { user: toUser(user), problems };
  }

  async getIssue(ref: IssueRef): Promise<Issue> {
    this.check(ref);
    if (isEpic(ref)) {
      const [raw, fields] = await Promise.all([this.epic(ref), this.epicFields(ref)]);
      this.capabilities.set(cacheKey(ref), epicCapabilities(this.epicHealth.get(cacheKey(ref))));
      return withEpicFields(toIssue(ref, raw, 'epic'), fields);
    }
    const rest = guarded(() => this.api.Issues.show(ref.iid, { projectId: ref.path }) as Promise<unknown> as Promise<RawIssue>);
    // Custom fields and Status exist from Premium: asked alongside the issue where the tier is known, after it on a
    // project's first view (the issue's answer tells the tier), never on Free.
    const known = this.capabilities.get(cacheKey(ref));
    let issue: Issue;
    let native: Native;
    if (known) {
      [issue, native] = await Promise.all([rest.then((raw) => this.remember(ref, raw)), known.weight ? this.nativeOf(ref) : {}]);
    } else {
      issue = this.remember(ref, await rest);
      native = this.capabilities.get(cacheKey(ref))?.weight === true ? await this.nativeOf(ref) : {};
    }
    return withStatus(native.split ? { ...issue, splitWeights: native.split } : issue, native.status);
  }

  /**
   * The issue's Status and split weights: one GraphQL request where the group may have both (an issue view stays
   * within 2 requests), each alone where only one is possible or this GitLab's schema refused the combined query.
   */
  private async nativeOf(ref: IssueRef): Promise<Native> {
    const wantStatus = this.mayHaveStatus(ref);
    const key = groupKey(ref);
    const asked = this.splitFields.get(key);
    const fields: FieldsAsk | null = asked ? await asked.catch(() => null) : 'detect';
    if (wantStatus && fields) {
      try {
        const read = await readNative(this.baseUrl, this.connection.token, ref.path, ref.iid, fields);
        this.keepStatus(ref, read.status);
        if (fields === 'detect') this.splitFields.set(key, Promise.resolve(read.fields));
        return { status: read.status ?? undefined, split: read.values ? { backend: read.values.backend, frontend: read.values.frontend } : undefined };
      } catch (e) {
        if (!(e instanceof NativeUnavailable)) return {}; // a hiccup never breaks the issue view: labels for now
      }
    }
    const [status, split] = await Promise.all([wantStatus ? this.statusOf(ref) : undefined, fields ? this.splitWeights(ref) : undefined]);
    return { status, split };
  }

  async getCapabilities(ref: IssueRef): Promise<Capabilities> {
    let known = this.knownCapabilities(ref);
    if (!known) {
      await this.getIssue(ref); // asks for the group's custom fields and Status too
      known = this.knownCapabilities(ref) ?? EPIC_CAPABILITIES;
    }
    const fields = isEpic(ref) ? null : await this.splitFieldsOf(ref);
    if (!fields) return known;
    const names = { ...(fields.backend ? { backend: fields.backend.name } : {}), ...(fields.frontend ? { frontend: fields.frontend.name } : {}) };
    return { ...known, splitWeightFields: names };
  }

  /**
   * Sets GitLab Status by `workItemUpdate(statusWidget)`; where this GitLab's schema lacks that input, by a `/status`
   * quick-action comment. Read back either way: a status that did not stick is an error. A done or canceled status
   * closes the issue (GitLab does that itself).
   */
  async setStatus(ref: IssueRef, statusId: string): Promise<Issue> {
    this.check(ref);
    if (isEpic(ref)) throw new ForgeError('invalid', 'Refinery sets GitLab Status on issues only.');
    const status = (await this.getCapabilities(ref)).statuses?.find((s) => s.id === statusId);
    if (!status) throw new ForgeError('invalid', 'That status is not one this issue’s namespace allows.');
    try {
      const workItemId = this.workItemIds.get(issueKey(ref)) ?? (await readStatus(this.baseUrl, this.connection.token, ref.path, ref.iid))?.workItemId;
      if (!workItemId) throw new ForgeError('not-found', 'GitLab did not find this issue as a work item.', 404);
      await setStatusGraphql(this.baseUrl, this.connection.token, workItemId, statusId);
    } catch (e) {
      if (!(e instanceof GraphqlUnavailable)) throw e;
      await this.statusByQuickAction(ref, status);
    }
    const issue = await this.getIssue(ref);
    if (issue.status?.id !== statusId) throw new ForgeError('invalid', `GitLab did not store the status "${status.name}".`);
    return issue;
  }

  /**
   * The group's split fields as known (null: none, not asked yet, or asking failed). Issue views ask with their first
   * read, list pages with their first bulk read.
   */
  private async splitFieldsOf(ref: IssueRef): Promise<SplitFields | null> {
    return (await this.splitFields.get(groupKey(ref))?.catch(() => null)) ?? null;
  }

  /** Keeps a group's answer: this GitLab without custom fields is "none" for good; a failed ask is asked again. */
  private rememberFields(key: string, asked: Promise<SplitFields | null>): void {
    const fields = asked.catch((e: unknown) => {
      if (e instanceof CustomFieldsUnavailable) return null;
      throw e;
    });
    this.splitFields.set(key, fields);
    fields.catch(() => this.splitFields.delete(key));
  }

  /**
   * A list page's native fields for one project's issues (list-native.ts): one GraphQL query beside the REST read,
   * where the top-level group has Status or split-weight custom fields or is not known yet (then the query also asks
   * what it has). None where it has neither. Empty on any failure: the badges use labels.
   */
  private async listNative(ref: IssueRef, iids: readonly number[]): Promise<ListNative> {
    const none: ListNative = { items: new Map() };
    const key = groupKey(ref);
    const group = topGroup(ref);
    const fieldsKnown = this.splitFields.has(key);
    const fields = fieldsKnown ? await this.splitFieldsOf(ref) : null;
    const statusKnown = this.statusOff || this.statusGroups.has(group);
    const ask = {
      groupFields: !fieldsKnown,
      values: !fieldsKnown || fields !== null,
      status: !this.statusOff && this.statusGroups.get(group) !== null,
      allowed: !statusKnown,
    };
    if (!ask.values && !ask.status) return none;
    const read = readListNative(this.baseUrl, this.connection.token, ask, { group: topGroupOf(ref.path), project: ref.path, iids }, fields);
    if (ask.groupFields) this.rememberFields(key, read.then((r) => r.fields ?? null, (e: unknown) => (e instanceof ListNativeUnavailable && e.feature === 'custom-fields' ? null : Promise.reject(e))));
    try {
      const answer = await read;
      if (ask.allowed && answer.allowed !== undefined) this.statusGroups.set(group, answer.allowed);
      for (const [iid, item] of answer.items) this.workItemIds.set(issueKey({ ...ref, iid }), item.workItemId);
      return answer;
    } catch (e) {
      if (e instanceof ListNativeUnavailable && e.feature === 'status') this.statusOff = true;
      return none;
    }
  }

  /**
   * The issue's values in the group's split-weight custom fields; undefined where the group has none or they could
   * not be read (the panel then shows labels: a GraphQL hiccup never breaks the issue view).
   */
  private async splitWeights(ref: IssueRef): Promise<Issue['splitWeights']> {
    const key = groupKey(ref);
    const known = this.splitFields.get(key);
    try {
      if (known) {
        const fields = await known;
        const values = fields ? await readSplitValues(this.graphql, ref.path, ref.iid, fields) : null;
        return values ? { backend: values.backend, frontend: values.frontend } : undefined;
      }
      const detection = detectSplitFields(this.graphql, ref.path, ref.iid);
      this.rememberFields(key, detection.then((d) => d.fields));
      const { values } = await detection;
      return values ? { backend: values.backend, frontend: values.frontend } : undefined;
    } catch {
      return undefined;
    }
  }

  async listNotes(ref: IssueRef): Promise<Note[]> {
    this.check(ref);
    const options = { sort: 'asc' as const, orderBy: 'created_at' as const, perPage: 100 };
    const raw = isEpic(ref)
      ? await this.epicId(ref).then((id) => guarded(() => this.api.EpicNotes.all(ref.path, id, options) as Promise<unknown> as Promise<RawNote[]>))
      : await guarded(() => this.api.IssueNotes.all(ref.path, ref.iid, options) as Promise<unknown> as Promise<RawNote[]>);
    return raw.map(toNote).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
  }

  async listLinkedChanges(ref: IssueRef): Promise<LinkedChange[]> {
    this.check(ref);
    if (isEpic(ref)) return [];
    const [issue, mrs] = await Promise.all([
      guarded(() => this.api.Issues.show(ref.iid, { projectId: ref.path }) as Promise<unknown> as Promise<RawIssue>),
      guarded(() => this.api.Issues.allRelatedMergeRequests(ref.path, ref.iid) as Promise<unknown> as Promise<RawMergeRequest[]>),
    ]);
    this.remember(ref, issue);
    return mrs.map((mr) => toLinkedChange(mr, issue.project_id));
  }

  async changeLabels(ref: IssueRef, change: LabelChange): Promise<Issue> {
    this.check(ref);
    const parsed = labelChangeSchema.parse(change);
    // Re-read right before writing so other labels of an added scope are removed even if someone changed the issue.
    const current = addedScopes(parsed).size ? (await this.getIssue(ref)).labels : [];
    const write = planLabelWrite(parsed, current);
    if (!write.add.length && !write.remove.length) return this.getIssue(ref);
    // One PUT with add_labels/remove_labels: never a `labels=` replacement built from a possibly stale copy.
    const body = {
      ...(write.add.length ? { addLabels: write.add.join(',') } : {}),
      ...(write.remove.length ? { removeLabels: write.remove.join(',') } : {}),
    };
    if (isEpic(ref)) {
      const epic = await guarded(() => this.api.Epics.edit(ref.path, ref.iid, body) as Promise<unknown> as Promise<RawEpic>);
      return toIssue(ref, epic, 'epic');
    }
    return this.withSplit(ref, this.remember(ref, await guarded(() => this.api.Issues.edit(ref.path, ref.iid, body) as Promise<unknown> as Promise<RawIssue>)));
  }

  /** A written issue with its split-weight custom field values (a request only where the group is known to have them). */
  private async withSplit(ref: IssueRef, issue: Issue): Promise<Issue> {
    if (isEpic(ref) || !(await this.splitFieldsOf(ref))) return issue; // never a first ask on a write
    const split = await this.splitWeights(ref);
    return split ? { ...issue, splitWeights: split } : issue;
  }

  async setWeight(ref: IssueRef, weight: number | null): Promise<Issue> {
    this.check(ref);
    if (weight !== null && (!Number.isInteger(weight) || weight < 0)) throw new ForgeError('invalid', `A weight is a whole number of 0 or more, not ${weight}.`);
    if (!(await this.getCapabilities(ref)).weight) throw new ForgeError('invalid', 'This GitLab tier has no weight field; use a weight:: label instead.');
    // GitLab clears the weight with `weight: null`; gitbeaker's type only knows numbers.
    const raw = await guarded(() => this.api.Issues.edit(ref.path, ref.iid, { weight: weight as number }) as Promise<unknown> as Promise<RawIssue>);
    const issue = this.remember(ref, raw);
    if (issue.weight !== weight) throw new ForgeError('invalid', 'GitLab did not store the weight.');
    return this.withSplit(ref, issue);
  }

  /**
   * Writes the group's "Backend weight" / "Frontend weight" custom field with `workItemUpdate(customFieldsWidget)`
   * and checks the value GitLab answers: one it did not keep (the field archived meanwhile) is an error.
   */
  async setSplitWeight(ref: IssueRef, side: SplitSide, weight: number | null): Promise<Issue> {
    this.check(ref);
    if (weight !== null && (!Number.isInteger(weight) || weight < 0)) throw new ForgeError('invalid', `A weight is a whole number of 0 or more, not ${weight}.`);
    if (!isEpic(ref) && !this.splitFields.has(groupKey(ref))) await this.getIssue(ref);
    const fields = isEpic(ref) ? null : await this.splitFieldsOf(ref);
    const field = fields?.[side];
    if (!fields || !field) throw new ForgeError('invalid', `This group has no "${SPLIT_FIELD_NAMES[side]}" custom field: use a ${side}-weight:: label instead.`);
    // Read just before writing; a work item is its issue's record, so the issue's id is the work item's.
    const raw = await guarded(() => this.api.Issues.show(ref.iid, { projectId: ref.path }) as Promise<unknown> as Promise<RawIssue>);
    let after;
    try {
      after = await writeSplitValue(this.graphql, `gid://gitlab/WorkItem/${raw.id}`, field, weight, fields);
    } catch (e) {
      if (!(e instanceof CustomFieldsUnavailable)) throw e;
      this.splitFields.delete(groupKey(ref));
      throw new ForgeError('invalid', 'This GitLab no longer offers custom fields: reload the page to use labels.');
    }
    const kept = after?.[side] ?? null;
    if (!after || kept !== weight) {
      this.splitFields.delete(groupKey(ref)); // the field may have gone: look again next time
      throw new ForgeError('conflict', `GitLab did not keep the ${side} weight in the "${field.name}" custom field (it reads ${kept ?? 'unset'}). Reload to check the field still exists.`);
    }
    return { ...this.remember(ref, raw), splitWeights: { backend: after.backend, frontend: after.frontend } };
  }

  /**
   * GraphQL `updateIssue(healthStatus)` as GitLab's own UI does. Only when this GitLab cannot do that through GraphQL
   * (no /api/graphql, or a schema without the argument) do we fall back to a `/health_status` quick-action comment,
   * which GitLab applies without storing a comment.
   */
  async setHealthStatus(ref: IssueRef, status: HealthStatus | null): Promise<Issue> {
    this.check(ref);
    if (!(await this.getCapabilities(ref)).healthStatus) throw new ForgeError('invalid', 'Health status needs GitLab Ultimate; use a health:: label instead.');
    if (isEpic(ref)) return this.setEpicHealthStatus(ref, status);
    try {
      await setHealthStatusGraphql(this.baseUrl, this.connection.token, ref.path, ref.iid, status);
    } catch (e) {
      if (!(e instanceof GraphqlUnavailable)) throw e;
      await this.healthStatusByQuickAction(ref, status);
    }
    const issue = await this.getIssue(ref);
    if (issue.healthStatus !== status) throw new ForgeError('invalid', 'GitLab did not store the health status.');
    return issue;
  }

  /** An epic's health status through its work item (the Epics REST API gets no new fields); read back. */
  private async setEpicHealthStatus(ref: IssueRef, status: HealthStatus | null): Promise<Issue> {
    const workItemId = this.workItemIds.get(issueKey(ref)) ?? (await this.epicFields(ref))?.workItemId;
    if (!workItemId) throw new ForgeError('not-found', 'GitLab did not find this epic as a work item.', 404);
    const saved = await setEpicHealth(this.baseUrl, this.connection.token, workItemId, status);
    if (saved?.health?.value !== status) throw new ForgeError('invalid', 'GitLab did not store the epic’s health status.');
    return this.getIssue(ref);
  }

  /**
   * Posts a comment. A comment made only of quick actions is special: GitLab runs the commands it offers and stores no
   * comment (202), so the note returned is the system note the commands left (`promoted to epic &4`); commands that
   * left none fail as `invalid` saying they ran. Commands GitLab does not offer here (tier, version, role) would be kept
   * as a comment: that comment is removed again and the call fails as `invalid`.
   */
  async createNote(ref: IssueRef, body: string): Promise<Note> {
    this.check(ref);
    if (!body.trim()) throw new ForgeError('invalid', 'An empty comment cannot be posted.');
    const epicId = isEpic(ref) ? await this.epicId(ref) : undefined;
    const commands = commandLines(body);
    // The newest note before posting tells the system notes the commands leave from older ones.
    const before = commands ? ((await this.newestNotes(ref, epicId, 1))[0]?.id ?? 0) : 0;
    const raw =
      epicId !== undefined
        ? await guarded(() => this.api.EpicNotes.create(ref.path, epicId, body) as Promise<unknown> as Promise<RawNote | QuickActionsOnly>)
        : await guarded(() => this.api.IssueNotes.create(ref.path, ref.iid, body) as Promise<unknown> as Promise<RawNote | QuickActionsOnly>);
    if ('id' in raw) {
      if (commands && isUnrunCommands(raw.body, commands)) return this.takeBackCommands(ref, epicId, raw, commands);
      return toNote(raw);
    }
    const left = await this.systemNoteSince(ref, epicId, before);
    if (left) return left;
    throw new ForgeError('invalid', `GitLab ran the quick actions (${raw.summary?.join(' ') || 'no summary'}) and stored no comment.`);
  }

  async updateNote(ref: IssueRef, noteId: number, body: string): Promise<Note> {
    this.check(ref);
    if (!body.trim()) throw new ForgeError('invalid', 'A comment cannot be emptied; delete it in GitLab instead.');
    const raw = isEpic(ref)
      ? await this.epic(ref).then((e) => guarded(() => this.api.EpicNotes.edit(ref.path, e.id, noteId, { body }) as Promise<unknown> as Promise<RawNote>))
      : await guarded(() => this.api.IssueNotes.edit(ref.path, ref.iid, noteId, { body }) as Promise<unknown> as Promise<RawNote>);
    return toNote(raw);
  }

  /** GET …/notes/:note_id. A 404 means the comment was deleted (or the issue with it): null, never an error. */
  async getNote(ref: IssueRef, noteId: number): Promise<Note | null> {
    this.check(ref);
    try {
      const raw = isEpic(ref)
        ? await this.epic(ref).then((e) => guarded(() => this.api.EpicNotes.show(ref.path, e.id, noteId) as Promise<unknown> as Promise<RawNote>))
        : await guarded(() => this.api.IssueNotes.show(ref.path, ref.iid, noteId) as Promise<unknown> as Promise<RawNote>);
      return toNote(raw);
    } catch (e) {
      if (e instanceof ForgeError && e.kind === 'not-found') return null;
      throw e;
    }
  }

  /**
   * Open issues linked as "is blocked by" (GET …/links, which lists only issues the token can see). Blocking links are
   * Premium+; on Free every link reads `relates_to`, so the count is 0. Epics are not linked through issue links, and a
   * GitLab without the endpoint (CE before 13.4) answers 404: both are unknown (null).
   */
  async countOpenBlockers(ref: IssueRef): Promise<number | null> {
    this.check(ref);
    if (isEpic(ref)) return null;
    try {
      const links = await guarded(() => this.api.IssueLinks.all(ref.path, ref.iid) as Promise<unknown> as Promise<RawIssueLink[]>);
      return links.filter((l) => l.link_type === 'is_blocked_by' && l.state === 'opened').length;
    } catch (e) {
      if (e instanceof ForgeError && e.kind === 'not-found') return null;
      throw e;
    }
  }

  async listMembers(ref: IssueRef): Promise<User[]> {
    this.check(ref);
    const options = { includeInherited: true, perPage: 100 };
    const rows = isEpic(ref)
      ? await guarded(() => this.api.GroupMembers.all(ref.path, options) as Promise<unknown> as Promise<RawMember[]>)
      : await guarded(() => this.api.ProjectMembers.all(ref.path, options) as Promise<unknown> as Promise<RawMember[]>);
    return activeMembers(rows);
  }

  async listLabels(ref: IssueRef): Promise<LabelDef[]> {
    this.check(ref);
    const options = { includeAncestorGroups: true, perPage: 100 };
    const rows = isEpic(ref)
      ? await guarded(() => this.api.GroupLabels.all(ref.path, options) as Promise<unknown> as Promise<RawLabel[]>)
      : await guarded(() => this.api.ProjectLabels.all(ref.path, options) as Promise<unknown> as Promise<RawLabel[]>);
    return rows.filter((l) => !l.archived).map(toLabelDef);
  }

  /**
   * `group` creates the label on the project's parent group (a project in a user namespace has none: project level
   * then). Epics live in a group, so their labels are always group labels.
   */
  async createLabel(ref: IssueRef, label: LabelDef, level: 'project' | 'group'): Promise<'created' | 'exists'> {
    this.check(ref);
    const parsed = labelDefSchema.safeParse(label);
    // GitLab joins label lists with commas, so a title may not contain one.
    if (!parsed.success || parsed.data.name.includes(',')) throw new ForgeError('invalid', `"${label.name}" is not a label GitLab can create: a name without commas and a #rrggbb colour are needed.`);
    const { name, color, description } = parsed.data;
    const options = description ? { description } : {};
    const group = isEpic(ref) ? ref.path : level === 'group' ? await this.parentGroup(ref) : null;
    try {
      if (group !== null) await guarded(() => this.api.GroupLabels.create(group, name, color, options));
      else await guarded(() => this.api.ProjectLabels.create(ref.path, name, color, options));
      return 'created';
    } catch (e) {
      // 409 "Label already exists": the title is taken where the label would live or in an ancestor group.
      if (e instanceof ForgeError && e.status === 409) return 'exists';
      throw e;
    }
  }

  /** The token's user, read once per adapter (a token belongs to one user). */
  currentUser(): Promise<User> {
    this.me ??= guarded(() => this.api.Users.showCurrentUser() as Promise<unknown> as Promise<RawUser>).then(toUser, (e: unknown) => {
      this.me = undefined;
      throw e;
    });
    return this.me;
  }

  /**
   * POST /markdown with `gfm` and the project, so `#12`, `!11`, `~label` and `@user` render as GitLab renders them in
   * the issue. Epics live in a group, which the endpoint cannot take: references there render without a project.
   */
  async renderMarkdown(ref: IssueRef, text: string): Promise<string> {
    this.check(ref);
    // GitLab's API takes a JSON boolean; gitbeaker types `gfm` as a string.
    const options = { gfm: true as unknown as string, ...(isEpic(ref) ? {} : { project: ref.path }) };
    const out = await guarded(() => this.api.Markdown.render(text, options) as Promise<unknown> as Promise<{ html?: unknown }>);
    if (typeof out?.html !== 'string') throw new ForgeError('forge', 'GitLab answered the Markdown preview without HTML.');
    return out.html;
  }

  /** The work-item hierarchy's children, one GraphQL request per page (children.ts). */
  listChildren(ref: IssueRef): Promise<ChildrenRead> {
    return readGitlabChildren(this.baseUrl, this.connection.token, ref, this.childrenSupport);
  }

  /**
   * Issues by number for list pages: one `GET /projects/:id/issues?iids[]=…&per_page=100` per project among the refs
   * (a group list shows several projects). A project the token cannot see answers 404: its issues stay missing.
   */
  async listIssuesByNumber(refs: readonly IssueRef[]): Promise<Issue[]> {
    refs.forEach((r) => this.check(r));
    const out: Issue[] = [];
    // Epics are not in the issues API (their iids are the group's); they get no list badge.
    for (const batch of batchesByProject(refs.filter((r) => !isEpic(r)))) {
      const iids = batch.refs.map((r) => r.iid);
      // A project read before, in a group with Status or split-weight fields: one GraphQL query, no REST read.
      const listed = await this.listFull(batch.refs, iids);
      if (listed) {
        out.push(...listed);
        continue;
      }
      let rows: RawIssue[];
      // Status and the custom fields' values at the same time (nothing asked where the group has neither).
      const native = this.listNative(batch.refs[0]!, iids);
      try {
        rows = await guarded(() => this.api.Issues.all({ projectId: batch.path, iids, state: 'all', perPage: MAX_PER_REQUEST, maxPages: 1 }) as Promise<unknown> as Promise<RawIssue[]>);
      } catch (e) {
        if (e instanceof ForgeError && e.kind === 'not-found') continue;
        throw e;
      }
      const { items } = await native;
      for (const raw of rows) {
        const ref = batch.refs.find((r) => r.iid === raw.iid);
        if (ref) out.push(this.withListNative(ref, this.remember(ref, raw), items.get(raw.iid)));
      }
    }
    return out;
  }

  /** One request per person (GitLab CE takes a single `assignee_username`), 100 issues each at most. */
  async listAssignedIssues(query: AssignedQuery): Promise<AssignedWork> {
    const milestones = new Set<string>(query.milestone === null ? [] : [query.milestone]);
    const people: AssignedWork['people'] = [];
    for (const username of query.usernames) {
      try {
        const page = (await guarded(() => this.api.Issues.all(assignedOptions(query, username)) as Promise<unknown>)) as { data: RawIssue[]; paginationInfo: { next: number | null } };
        const issues = page.data.flatMap((raw) => {
          const path = projectPathOf(raw, this.baseUrl);
          if (!path) return [];
          if (raw.milestone) milestones.add(raw.milestone.title);
          return [this.remember({ forge: 'gitlab', baseUrl: this.baseUrl, container: 'project', path, iid: raw.iid, kind: 'issue' }, raw)];
        });
        people.push({ username, issues, truncated: page.paginationInfo.next !== null, error: null });
      } catch (e) {
        if (e instanceof ForgeError && e.kind === 'rate-limited') throw e; // the others would fail the same way
        people.push({ username, issues: [], truncated: false, error: e instanceof ForgeError ? e.toData() : { kind: 'unknown', message: String(e) } });
      }
    }
    await this.withCapacitySplit(people);
    return { milestones: [...milestones].sort(), people };
  }

  /**
   * Capacity's issues with their split-weight custom field values: one GraphQL query per project among them
   * (list-native.ts, which on a group's first ask also asks its fields), none in a group known to have no such fields.
   * A failure leaves the split labels to be read.
   */
  private async withCapacitySplit(people: AssignedWork['people']): Promise<void> {
    const values = new Map<string, Issue['splitWeights']>();
    for (const batch of batchesByProject(people.flatMap((p) => p.issues.map((i) => i.ref)))) {
      const first = batch.refs[0]!;
      if (this.splitFields.has(groupKey(first)) && !(await this.splitFieldsOf(first))) continue;
      const { items } = await this.listNative(first, batch.refs.map((r) => r.iid));
      for (const ref of batch.refs) {
        const split = items.get(ref.iid)?.split;
        if (split) values.set(issueKey(ref), { backend: split.backend, frontend: split.frontend });
      }
    }
    for (const person of people) {
      person.issues = person.issues.map((issue) => {
        const split = values.get(issueKey(issue.ref));
        return split ? { ...issue, splitWeights: split } : issue;
      });
    }
  }

  /**
   * The GraphQL-only list read (list-native.ts, `full`), where the project's tier is known (an earlier REST read) and
   * its group has Status or split-weight fields; null where it does not apply or fails, so the caller reads by REST.
   */
  private async listFull(refs: readonly IssueRef[], iids: readonly number[]): Promise<Issue[] | null> {
    const first = refs[0]!;
    if (this.fullListOff || !this.capabilities.has(cacheKey(first)) || !this.splitFields.has(groupKey(first))) return null;
    const fields = await this.splitFieldsOf(first);
    const status = !this.statusOff && !!this.statusGroups.get(topGroup(first))?.length;
    if (!fields && !status) return null;
    try {
      const ask = { groupFields: false, values: fields !== null, status, allowed: false, full: true };
      const answer = await readListNative(this.baseUrl, this.connection.token, ask, { group: topGroupOf(first.path), project: first.path, iids }, fields);
      return refs.flatMap((ref) => {
        const item = answer.items.get(ref.iid);
        if (!item?.issue) return [];
        this.workItemIds.set(issueKey(ref), item.workItemId);
        return [this.withListNative(ref, { ref, ...item.issue }, item)];
      });
    } catch (e) {
      if (e instanceof ListNativeUnavailable) this.fullListOff = true;
      else if (e instanceof ForgeError && (e.kind === 'rate-limited' || e.kind === 'auth')) throw e;
      return null;
    }
  }

  /** A listed issue with its status (where its group has statuses) and split-weight field values. */
  private withListNative(ref: IssueRef, issue: Issue, item: ListNativeItem | undefined): Issue {
    if (!item) return issue;
    const status = item.status && this.knownCapabilities(ref)?.statuses ? { status: item.status } : {};
    const split = item.split ? { splitWeights: { backend: item.split.backend, frontend: item.split.frontend } } : {};
    return { ...issue, ...status, ...split };
  }

  private mayHaveStatus(ref: IssueRef): boolean {
    return !isEpic(ref) && !this.statusOff && this.statusGroups.get(topGroup(ref)) !== null;
  }

  /** The issue's status read, or undefined: a failure here never fails the issue, it only leaves Status out. */
  private async statusOf(ref: IssueRef): Promise<StatusRead | undefined> {
    try {
      return this.keepStatus(ref, await readStatus(this.baseUrl, this.connection.token, ref.path, ref.iid));
    } catch (e) {
      if (e instanceof GraphqlUnavailable) this.statusOff = true;
      return undefined;
    }
  }

  /** Remembers the work item's id and its group's statuses (null: none, not asked again). */
  private keepStatus(ref: IssueRef, read: StatusRead | null): StatusRead | undefined {
    if (!read) return undefined;
    this.workItemIds.set(issueKey(ref), read.workItemId);
    this.statusGroups.set(topGroup(ref), read.allowed);
    return read;
  }

  private knownCapabilities(ref: IssueRef): Capabilities | undefined {
    const known = this.capabilities.get(cacheKey(ref));
    const statuses = known?.weight && this.mayHaveStatus(ref) ? this.statusGroups.get(topGroup(ref)) : undefined;
    return known && statuses ? { ...known, statuses } : known;
  }

  private async statusByQuickAction(ref: IssueRef, status: WorkItemStatus): Promise<void> {
    // The name quoted, as GitLab's docs write it; a quote inside would end it early.
    const command = `/status "${status.name.replace(/"/g, '')}"`;
    const raw = await guarded(() => this.api.IssueNotes.create(ref.path, ref.iid, command) as Promise<unknown> as Promise<RawNote | QuickActionsOnly>);
    if ('id' in raw) {
      // GitLab did not know the command and kept it as a comment: take it back rather than leave noise behind.
      await guarded(() => this.api.IssueNotes.remove(ref.path, ref.iid, raw.id));
      throw new ForgeError('invalid', 'This GitLab cannot set the status (no GraphQL mutation, no /status quick action).');
    }
  }

  private async healthStatusByQuickAction(ref: IssueRef, status: HealthStatus | null): Promise<void> {
    const command = status ? `/health_status ${status}` : '/clear_health_status';
    const raw = await guarded(() => this.api.IssueNotes.create(ref.path, ref.iid, command) as Promise<unknown> as Promise<RawNote | QuickActionsOnly>);
    if ('id' in raw) {
      // GitLab did not know the command and kept it as a comment: take it back rather than leave noise behind.
      await guarded(() => this.api.IssueNotes.remove(ref.path, ref.iid, raw.id));
      throw new ForgeError('invalid', 'This GitLab cannot set the health status (no GraphQL mutation, no quick action).');
    }
  }

  /** The newest notes first, one page: for telling what a post just added. */
  private newestNotes(ref: IssueRef, epicId: number | undefined, perPage: number): Promise<RawNote[]> {
    const options = { sort: 'desc' as const, orderBy: 'created_at' as const, perPage, page: 1 };
    return epicId !== undefined
      ? guarded(() => this.api.EpicNotes.all(ref.path, epicId, options) as Promise<unknown> as Promise<RawNote[]>)
      : guarded(() => this.api.IssueNotes.all(ref.path, ref.iid, options) as Promise<unknown> as Promise<RawNote[]>);
  }

  /** The newest system note the token's user left after note `afterId`, if any. */
  private async systemNoteSince(ref: IssueRef, epicId: number | undefined, afterId: number): Promise<Note | null> {
    const [me, notes] = await Promise.all([this.currentUserId(), this.newestNotes(ref, epicId, 20)]);
    const mine = notes.filter((n) => n.system && n.id > afterId && n.author.id === me).sort((a, b) => b.id - a.id);
    return mine[0] ? toNote(mine[0]) : null;
  }

  /** Removes a comment GitLab kept because it did not run the commands in it, and says so. */
  private async takeBackCommands(ref: IssueRef, epicId: number | undefined, note: RawNote, sent: string[]): Promise<never> {
    const unrun = commandLines(note.body) ?? [];
    const what = unrun.join(', ');
    const others = unrun.length < sent.length ? ' It ran the other quick actions.' : '';
    try {
      await guarded(() => (epicId !== undefined ? this.api.EpicNotes.remove(ref.path, epicId, note.id) : this.api.IssueNotes.remove(ref.path, ref.iid, note.id)));
    } catch {
      throw new ForgeError('invalid', `GitLab did not run ${what} and kept it as a comment, which could not be removed.${others}`);
    }
    throw new ForgeError('invalid', `GitLab did not run ${what}: not available here (GitLab tier, version or your role), so no comment was left.${others}`);
  }

  private async currentUserId(): Promise<number> {
    return (await this.currentUser()).id;
  }

  /** The id of the group a project sits in directly, or null for a project in a user namespace. */
  private async parentGroup(ref: IssueRef): Promise<number | null> {
    const known = this.parentGroups.get(ref.path);
    if (known !== undefined) return known;
    const project = await guarded(() => this.api.Projects.show(ref.path) as Promise<unknown> as Promise<{ namespace?: { id: number; kind?: string } }>);
    const group = project.namespace?.kind === 'group' ? project.namespace.id : null;
    this.parentGroups.set(ref.path, group);
    return group;
  }

  /**
   * The epic's work-item fields (rolled-up weight, health status); null where this GitLab has no epic work items or
   * the read failed (the epic still shows from REST). Tells the group's capabilities whether it has health status.
   */
  private async epicFields(ref: IssueRef): Promise<EpicFields | null> {
    if (this.epicWorkItemsOff) return null;
    try {
      const fields = await readEpic(this.baseUrl, this.connection.token, ref.path, ref.iid);
      if (fields) {
        this.workItemIds.set(issueKey(ref), fields.workItemId);
        this.epicHealth.set(cacheKey(ref), fields.health !== null);
      }
      return fields;
    } catch (e) {
      if (e instanceof GraphqlUnavailable) this.epicWorkItemsOff = true;
      return null;
    }
  }

  /** Epic notes are addressed by the epic's global id, so epics are read first. */
  private async epicId(ref: IssueRef): Promise<number> {
    return this.epicIds.get(`epic:${issueKey(ref)}`) ?? (await this.epic(ref)).id;
  }

  private async epic(ref: IssueRef): Promise<RawEpic> {
    try {
      const epic = await guarded(() => this.api.Epics.show(ref.path, ref.iid) as Promise<unknown> as Promise<RawEpic>);
      this.capabilities.set(cacheKey(ref), epicCapabilities(this.epicHealth.get(cacheKey(ref))));
      if (Number.isSafeInteger(epic.id)) this.epicIds.set(`epic:${issueKey(ref)}`, epic.id);
      return epic;
    } catch (e) {
      // "If epics feature is not available a 403 status code is returned" (Epics API docs).
      if (e instanceof ForgeError && e.status === 403) throw new ForgeError('forbidden', 'Epics need GitLab Premium, or your token cannot see this group.', 403);
      throw e;
    }
  }

  private remember(ref: IssueRef, raw: RawIssue): Issue {
    this.capabilities.set(cacheKey(ref), capabilitiesOf(raw));
    return toIssue(ref, raw);
  }

  private check(ref: IssueRef): void {
    if (ref.forge !== 'gitlab' || ref.baseUrl.replace(/\/+$/, '') !== this.baseUrl) {
      throw new ForgeError('invalid', `This issue (${ref.baseUrl}) does not belong to the GitLab connection ${this.baseUrl}.`);
    }
    // The protocol's schema checks this too; the requester refuses dot segments whatever the caller.
    const problem = containerPathProblem('gitlab', ref.container, ref.path);
    if (problem) throw new ForgeError('invalid', problem);
  }
}

/** A row of GET /projects/:id/issues/:iid/links: the linked issue and how it relates to this one. */
interface RawIssueLink {
  state: string;
  link_type?: 'relates_to' | 'blocks' | 'is_blocked_by' | string;
}

interface QuickActionsOnly {
  commands_changes?: Record<string, unknown>;
  summary?: string[];
}

const isEpic = (ref: IssueRef): boolean => ref.kind === 'epic' || ref.container === 'group';
const cacheKey = (ref: IssueRef): string => `${isEpic(ref) ? 'group' : 'project'}:${ref.path}`;
const topGroup = (ref: IssueRef): string => ref.path.split('/')[0]!.toLowerCase();
const issueKey = (ref: IssueRef): string => `${ref.path.toLowerCase()}#${ref.iid}`;

/** The epic with what its work item adds: GitLab's rolled-up weight and the health status (where licensed). */
function withEpicFields(issue: Issue, fields: EpicFields | null): Issue {
  if (!fields) return issue;
  return {
    ...issue,
    ...(fields.health ? { healthStatus: fields.health.value } : {}),
    ...(fields.rolledUpWeight ? { rolledUpWeight: fields.rolledUpWeight } : {}),
  };
}

/** What GitLab keeps outside REST for an issue, where it has it. */
interface Native {
  status?: StatusRead;
  split?: Issue['splitWeights'];
}

/** The issue with its status where the namespace has statuses; as it was otherwise. */
function withStatus(issue: Issue, read: StatusRead | undefined): Issue {
  return read?.allowed && read.status ? { ...issue, status: read.status } : issue;
}
const groupKey = (ref: IssueRef): string => topGroupOf(ref.path).toLowerCase();

/** Readable token problems from GET /personal_access_tokens/self. */
export function tokenProblems(t: RawToken, now = Date.now()): string[] {
  const problems: string[] = [];
  if (t.revoked) problems.push('The token is revoked: create a new one in GitLab.');
  else if (t.active === false) problems.push('The token is not active (expired or revoked): create a new one in GitLab.');
  if (t.expires_at && !t.revoked && t.active !== false) {
    // Tokens stop working at the start of their expiry date (UTC).
    const days = Math.ceil((Date.parse(`${t.expires_at}T00:00:00Z`) - now) / DAY);
    if (days <= 0) problems.push(`The token expired on ${t.expires_at}.`);
    else if (days <= EXPIRY_WARNING_DAYS) problems.push(`The token expires in ${days} day${days === 1 ? '' : 's'} (${t.expires_at}).`);
  }
  const scopes = t.scopes ?? [];
  if (scopes.length && !scopes.includes('api')) {
    problems.push(scopes.includes('read_api') ? 'The token is missing scope api (has read_api): writes will fail.' : `The token is missing scope api (has ${scopes.join(', ')}): reading and writing issues will fail.`);
  }
  return problems;
}
