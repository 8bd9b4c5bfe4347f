import { describe, expect, it } from 'vitest';
import type { WorkItemStatus } from '@/lib/forge/model';
import { mergeSettings, parseSettings } from '../settings';
import { closesIssue, labelsWithStatusStage, mapStagesToStatuses, stageOfStatus, statusStepper } from './status-mapping';

const status = (id: number, name: string, category: WorkItemStatus['category']): WorkItemStatus => ({
  id: `gid://gitlab/WorkItems::Statuses::Custom::Status/${id}`,
  name,
  category,
});
/** GitLab's system-defined lifecycle. */
const DEFAULTS = [status(1, 'To do', 'to_do'), status(2, 'In progress', 'in_progress'), status(3, 'Done', 'done'), status(4, "Won't do", 'canceled'), status(5, 'Duplicate', 'canceled')];
const CUSTOM = [status(10, 'Needs validation', 'triage'), status(11, 'Refinement', 'to_do'), ...DEFAULTS.slice(0, 2), status(12, 'IN REVIEW', 'in_progress'), ...DEFAULTS.slice(2)];
const byStage = (statuses: WorkItemStatus[], settings = mergeSettings()) =>
  Object.fromEntries(mapStagesToStatuses(statuses, settings).map((m) => [m.stage, m.status?.name ?? null]));

describe('mapStagesToStatuses', () => {
  it("GitLab's default statuses: To do → ready for development, In progress → in dev, Done → complete; nothing else", () => {
    const mapped = mapStagesToStatuses(DEFAULTS);
    expect(byStage(DEFAULTS)).toMatchObject({ 'ready for development': 'To do', 'in dev': 'In progress', complete: 'Done' });
    expect(mapped.find((m) => m.stage === 'in dev')!.via).toBe('default');
    // Won't do and Duplicate are canceled: no stage takes them, and every other stage says why it has none.
    expect(Object.values(byStage(DEFAULTS)).filter((n) => n !== null)).toHaveLength(3);
    expect(mapped.find((m) => m.stage === 'design')!.reason).toMatch(/No status of this namespace maps to "design"/);
  });

  it('a status named like the stage (any case) wins, then an unclaimed one of its category', () => {
    const m = byStage(CUSTOM);
    expect(m).toMatchObject({ refinement: 'Refinement', 'in review': 'IN REVIEW', 'problem validation': 'Needs validation' });
    // Claimed statuses are not handed out again by category.
    expect(m).toMatchObject({ design: null, 'solution validation': null, 'planning breakdown': null, verification: null, staging: null });
  });

  it("the options' choice wins; an unknown name says so", () => {
    const settings = mergeSettings({ nativeStatus: { mapping: { Verification: 'In review', staging: 'Deployed' }, alsoWriteLabels: false } });
    const mapped = mapStagesToStatuses(CUSTOM, settings);
    expect(mapped.find((x) => x.stage === 'verification')).toMatchObject({ status: { name: 'IN REVIEW' }, via: 'setting' });
    expect(mapped.find((x) => x.stage === 'staging')).toMatchObject({ status: null, reason: expect.stringMatching(/"Deployed" \(set in Refinery's options\) is not one/) });
  });

  it('a status two stages share stands for the one mapped by choice or name', () => {
    const settings = mergeSettings({ nativeStatus: { mapping: { staging: 'In progress' }, alsoWriteLabels: false } });
    const mapped = mapStagesToStatuses(DEFAULTS, settings);
    expect(stageOfStatus(DEFAULTS[1], mapped)).toBe('in dev');
    expect(stageOfStatus(DEFAULTS[3], mapped)).toBeNull();
    expect(stageOfStatus(null, mapped)).toBeNull();
  });
});

describe('statusStepper', () => {
  it('marks past, current, future and unmapped steps; next skips unmapped ones', () => {
    const s = statusStepper(CUSTOM[1], CUSTOM);
    expect(s.current).toBe('refinement');
    expect(s.steps.map((x) => x.state).join(',')).toBe('past,unmapped,unmapped,unmapped,current,future,future,future,unmapped,unmapped,future');
    expect(s.next).toMatchObject({ stage: 'ready for development', status: { name: 'To do' }, closes: false });
    expect(s.steps.at(-1)).toMatchObject({ stage: 'complete', closes: true });
  });

  it('without a status (or a canceled one) nothing is current and the first mapped stage is next', () => {
    expect(statusStepper(undefined, CUSTOM)).toMatchObject({ current: null, next: { stage: 'problem validation' } });
    expect(statusStepper(DEFAULTS[3], DEFAULTS)).toMatchObject({ current: null, next: { stage: 'ready for development' } });
  });
});

describe('closesIssue and the settings', () => {
  it('done and canceled statuses close the issue', () => {
    expect(DEFAULTS.map(closesIssue)).toEqual([false, false, true, true, true]);
  });

  it('stored settings keep a valid mapping and the migrating switch; bad values fall back', () => {
    expect(parseSettings({ nativeStatus: { mapping: { 'in dev': 'Doing' }, alsoWriteLabels: true } }).nativeStatus).toEqual({ mapping: { 'in dev': 'Doing' }, alsoWriteLabels: true });
    expect(parseSettings({ nativeStatus: { mapping: 5, alsoWriteLabels: 'yes' } }).nativeStatus).toEqual({ mapping: {}, alsoWriteLabels: false });
  });
});

describe('labelsWithStatusStage', () => {
  it('with statuses, the workflow label is the status’s stage; without, the labels as they are', () => {
    expect(labelsWithStatusStage(['type::bug', 'workflow::design'], DEFAULTS[1], DEFAULTS)).toEqual(['type::bug', 'workflow::in dev']);
    expect(labelsWithStatusStage(['workflow::design'], DEFAULTS[3], DEFAULTS)).toEqual([]);
    expect(labelsWithStatusStage(['workflow::design'], DEFAULTS[1], undefined)).toEqual(['workflow::design']);
  });
});
