// Quick actions in issue comments. Only commands available on the project's tier are taken out of the text; the
// others stay in the comment as plain text, as on GitLab (e.g. `/weight 3` on Free is posted as written).
import { changeLabels, closeIssue, HEALTH_VALUES, reopenIssue, setHealthStatus, setWeight } from './ops';
import { promoteToEpic, promotionGroup } from './promote';
import { setIssueStatus, statusByName, statusesFor } from './statuses';
import { tierAtLeast, type GitlabState, type GlIssue, type GlProject, type HealthStatusValue } from './state';

export interface QuickActionResult {
  /** The comment text without the executed commands. */
  body: string;
  /** Whether any command was recognised (executed or failed). */
  hadCommands: boolean;
  changes: Record<string, unknown>;
  messages: string[];
  errors: string[];
}

const labelRef = (name: string) => (/^[\w-]+$/.test(name) ? `~${name}` : `~"${name}"`);

/** `~foo ~"bar baz" qux` → ['foo', 'bar baz', 'qux']. */
function parseLabels(args: string): string[] {
  const out: string[] = [];
  for (const m of args.matchAll(/~?"([^"]+)"|~?([^\s~"]+)/g)) out.push((m[1] ?? m[2] ?? '').trim());
  return out.filter(Boolean);
}

type Command = (args: string) => { message?: string; error?: string; changes?: Record<string, unknown> };

function commandsFor(state: GitlabState, p: GlProject, issue: GlIssue, actorId: number): Record<string, Command> {
  const premium = tierAtLeast(p.tier, 'premium');
  const ultimate = tierAtLeast(p.tier, 'ultimate');
  const labelIds = (names: string[]) => state.labels.filter((l) => names.includes(l.name) && (l.projectId === p.id || l.groupId !== null)).map((l) => l.id);
  const cmds: Record<string, Command> = {
    label: (args) => {
      const names = parseLabels(args);
      if (!names.length) return { error: 'label' };
      const { added } = changeLabels(state, issue, { add: names });
      return {
        message: `Added ${names.map(labelRef).join(' ')} ${names.length > 1 ? 'labels' : 'label'}.`,
        changes: { add_label_ids: added.map((l) => l.id) },
      };
    },
    unlabel: (args) => {
      const names = parseLabels(args);
      const remove = names.length ? names : [...issue.labels];
      const ids = labelIds(remove);
      changeLabels(state, issue, { remove });
      return {
        message: names.length ? `Removed ${names.map(labelRef).join(' ')} ${names.length > 1 ? 'labels' : 'label'}.` : 'Removed all labels.',
        changes: { remove_label_ids: ids },
      };
    },
    relabel: (args) => {
      const names = parseLabels(args);
      if (!names.length) return { error: 'relabel' };
      changeLabels(state, issue, { set: names });
      return { message: `Replaced all labels with ${names.map(labelRef).join(' ')} ${names.length > 1 ? 'labels' : 'label'}.`, changes: { label_ids: labelIds(names) } };
    },
  };
  cmds.labels = cmds.label!;
  cmds.remove_label = cmds.unlabel!;
  if (issue.state === 'opened') cmds.close = () => (closeIssue(issue, actorId), { message: 'Closed this issue.', changes: { state_event: 'close' } });
  else cmds.reopen = () => (reopenIssue(issue), { message: 'Reopened this issue.', changes: { state_event: 'reopen' } });
  if (premium) {
    cmds.weight = (args) => {
      const n = args.trim();
      if (!/^\d+$/.test(n)) return { error: 'weight' };
      setWeight(issue, Number(n));
      return { message: `Set weight to ${n}.`, changes: { weight: Number(n) } };
    };
    cmds.clear_weight = () => (setWeight(issue, null), { message: 'Cleared weight.', changes: { weight: null } });
    const group = promotionGroup(state, p, issue);
    if (group) {
      // `/promote` is the issue command; `/promote_to <type>` the work-item one (GitLab titleizes the type name).
      cmds.promote = () => {
        promoteToEpic(state, p, group, issue, actorId);
        const message = issue.confidential
          ? 'Promoted confidential issue to a non-confidential epic. Information in this issue is no longer confidential as epics are public to group members.'
          : 'Promoted issue to an epic.';
        return { message, changes: { promote_to_epic: true } };
      };
      cmds.promote_to = (args) => {
        if (args.trim().toLowerCase() !== 'epic') return { message: 'Failed to promote this work item: Provided type is not supported.' };
        promoteToEpic(state, p, group, issue, actorId);
        return { message: 'Promoted successfully.' };
      };
    }
  }
  if (ultimate) {
    cmds.health_status = (args) => {
      const v = args.trim().toLowerCase().replace(/\s+/g, '_') as HealthStatusValue;
      if (!HEALTH_VALUES.includes(v)) return { error: 'health_status' };
      setHealthStatus(state, issue, v, actorId);
      return { message: `Set health status to ${v}.`, changes: { health_status: v } };
    };
    cmds.clear_health_status = () => (setHealthStatus(state, issue, null, actorId), { message: 'Removed health status.', changes: { health_status: null } });
  }
  const statuses = statusesFor(state, p);
  if (statuses) {
    // `/status "In progress"` (GitLab 18.2+ where the namespace has statuses).
    cmds.status = (args) => {
      const status = statusByName(statuses, args);
      if (!status) return { error: 'status' };
      setIssueStatus(state, issue, status, actorId);
      return { message: `Status set to ${status.name}.`, changes: { status: status.name } };
    };
  }
  return cmds;
}

/** Runs the quick actions of a comment (outside code fences) and returns what is left of the text. */
export function runQuickActions(state: GitlabState, p: GlProject, issue: GlIssue, body: string, actorId: number): QuickActionResult {
  const result: QuickActionResult = { body: '', hadCommands: false, changes: {}, messages: [], errors: [] };
  const kept: string[] = [];
  let inFence = false;
  for (const line of body.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const m = !inFence && line.match(/^\/([a-z_]+)(?:[ \t]+(.*))?$/);
    const cmd = m ? commandsFor(state, p, issue, actorId)[m[1]!] : undefined;
    if (!m || !cmd) {
      kept.push(line);
      continue;
    }
    result.hadCommands = true;
    const r = cmd(m[2] ?? '');
    if (r.error) result.errors.push(`Could not apply ${r.error} command.`);
    if (r.message) result.messages.push(r.message);
    Object.assign(result.changes, r.changes);
  }
  result.body = kept.join('\n').trim();
  return result;
}
