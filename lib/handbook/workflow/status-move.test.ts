import { describe, expect, it } from 'vitest';
import type { WorkItemStatus } from '@/lib/forge/model';
import { mergeSettings } from '../settings';
import { describeStatusMove, planStatusMove, type StatusMoveInput } from './status-move';

const status = (id: number, name: string, category: WorkItemStatus['category']): WorkItemStatus => ({ id: `gid://s/${id}`, name, category });
const TRIAGE = status(11, 'Needs validation', 'triage');
const REFINEMENT = status(12, 'Refinement', 'to_do');
const TODO = status(1, 'To do', 'to_do');
const PROGRESS = status(2, 'In progress', 'in_progress');
const REVIEW = status(13, 'In review', 'in_progress');
const DONE = status(3, 'Done', 'done');
const WONT = status(4, "Won't do", 'canceled');
const STATUSES = [TRIAGE, REFINEMENT, TODO, PROGRESS, REVIEW, DONE, WONT];
const target = (s: WorkItemStatus) => ({ id: s.id, name: s.name, category: s.category });

const settings = mergeSettings();
const migrating = mergeSettings({ nativeStatus: { mapping: {}, alsoWriteLabels: true } });
const plan = (labels: string[], current: WorkItemStatus | null = null, extra: Partial<StatusMoveInput> = {}, s = settings) =>
  planStatusMove({ labels, state: 'opened', status: current, statuses: STATUSES, ...extra }, s);

describe('planStatusMove', () => {
  it('sets the status the label’s stage maps to, then removes the label', () => {
    expect(plan(['backend', 'workflow::in dev'])).toEqual({ kind: 'move', label: 'workflow::in dev', stage: 'in dev', status: target(PROGRESS), labels: ['workflow::in dev'], closes: false });
    expect(plan(['workflow::ready for development'], TRIAGE)).toMatchObject({ kind: 'move', status: target(TODO) });
  });
  it('says that a done status closes the issue', () => {
    expect(plan(['workflow::complete'], PROGRESS)).toMatchObject({ kind: 'move', status: target(DONE), closes: true });
  });
  it('only removes the label when the status already agrees; while migrating keeps the label (nothing to do)', () => {
    expect(plan(['workflow::in review'], REVIEW)).toEqual({ kind: 'drop-label', label: 'workflow::in review', stage: 'in review', status: target(REVIEW), labels: ['workflow::in review'] });
    expect(plan(['workflow::in review'], REVIEW, {}, migrating)).toEqual({ kind: 'none' });
    expect(plan(['workflow::in review'], PROGRESS, {}, migrating)).toMatchObject({ kind: 'move', labels: [] });
  });
  it('leaves alone: unmapped stages, unknown stages, several labels, no Status', () => {
    expect(plan(['workflow::design'])).toEqual({ kind: 'skip', reason: 'no status maps to "design"' });
    expect(plan(['workflow::someday'])).toEqual({ kind: 'skip', reason: '"someday" is not one of the workflow stages' });
    expect(plan(['workflow::in dev', 'workflow::in review'])).toMatchObject({ kind: 'skip', reason: expect.stringContaining('several workflow labels') });
    expect(plan(['workflow::in dev'], null, { statuses: undefined })).toEqual({ kind: 'skip', reason: 'no GitLab Status here' });
    expect(plan(['backend'])).toEqual({ kind: 'none' });
  });
  it('never moves an issue back, never reopens a closed one', () => {
    expect(plan(['workflow::refinement'], REVIEW)).toEqual({ kind: 'skip', reason: 'the status In review is further along than workflow::refinement' });
    expect(plan(['workflow::in dev'], DONE, { state: 'closed' })).toMatchObject({ kind: 'skip', reason: expect.stringContaining('would reopen it') });
    expect(plan(['workflow::in dev'], WONT)).toMatchObject({ kind: 'skip', reason: expect.stringContaining('would reopen it') });
    expect(plan(['workflow::in dev'], null, { state: 'closed' })).toMatchObject({ kind: 'skip', reason: expect.stringContaining('would reopen it') });
    expect(plan(['workflow::complete'], null, { state: 'closed' })).toMatchObject({ kind: 'move', status: target(DONE) });
  });
  it('a stage chosen in the options maps to that status', () => {
    const chosen = mergeSettings({ nativeStatus: { mapping: { design: 'Needs validation' }, alsoWriteLabels: false } });
    expect(plan(['workflow::design'], null, {}, chosen)).toMatchObject({ kind: 'move', status: target(TRIAGE) });
  });
});

describe('describeStatusMove', () => {
  it('one preview line per case', () => {
    expect(describeStatusMove(plan(['workflow::in dev']))).toBe('workflow::in dev → status In progress, workflow::in dev removed');
    expect(describeStatusMove(plan(['workflow::complete']))).toBe('workflow::complete → status Done (closes the issue), workflow::complete removed');
    expect(describeStatusMove(plan(['workflow::in dev'], TODO, {}, migrating))).toBe('workflow::in dev → status In progress, label kept (also writing workflow labels)');
    expect(describeStatusMove(plan(['workflow::in review'], REVIEW))).toBe('status is already In review: workflow::in review removed');
    expect(describeStatusMove(plan(['workflow::design']))).toBe('left alone: no status maps to "design"');
  });
});
