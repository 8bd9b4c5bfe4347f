import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/forge/model';
import * as gl from '../../../test/sandbox/gitlab/seed-text';
import {
  epicHistoryFromNotes,
  formatEpicUpdate,
  parseEpicStatus,
  parseEpicUpdate,
  parseProgress,
  validateEpicUpdate,
  type EpicUpdateInput,
} from './epic-update';

const ID = 'c0ffee00-1d4f-4c3b-9a8e-7f6d5c4b3a21';
const MARKER = `<!-- refinery:epic-update id=${ID} -->`;
const meta = { createdAt: '2025-11-07T16:00:00Z', author: 'carol' };

const seeded: EpicUpdateInput = {
  status: 'so-so',
  summary: 'tree pagination is in review, blame streaming still needs a breakdown.',
  done: '3 of 8 issues',
  remaining: '5',
  eta: 'end of 18.11',
  confidence: 70,
  next: 'finish !11, break down the blame streaming issue.',
  help: 'to confirm the feature-flag rollout plan.',
  mentions: ['dave'],
};

const empty: EpicUpdateInput = { status: 'ok', done: '', remaining: '', eta: '', confidence: null, next: '', help: '', mentions: [] };

describe('formatEpicUpdate', () => {
  it('writes the weekly update the way the seeded epic comment reads, then the marker', () => {
    expect(formatEpicUpdate(seeded, { updateId: ID })).toBe(`${gl.epicUpdate}\n\n${MARKER}`);
  });

  it('leaves out what was not filled in', () => {
    expect(formatEpicUpdate(empty, { updateId: ID })).toBe(`**Status**: ok\n\n${MARKER}`);
    expect(formatEpicUpdate({ ...empty, status: 'bad', eta: 'end of Q4.' }, { updateId: ID })).toBe(`**Status**: bad\n\n- ETA end of Q4.\n\n${MARKER}`);
    expect(formatEpicUpdate({ ...empty, done: '60%', confidence: 50 }, { updateId: ID })).toContain('- Done: 60%.\n- Confidence: 50%');
  });

  it('mentions the people who need to help once, before the request', () => {
    const body = formatEpicUpdate({ ...empty, help: 'can @dave review the rollout plan?', mentions: ['@dave', 'erin', 'erin'] }, { updateId: ID });
    expect(body).toContain('- Help needed: @erin can @dave review the rollout plan?');
    expect(formatEpicUpdate({ ...empty, mentions: ['dave'] }, { updateId: ID })).toContain('- Help needed: @dave');
  });

  it('keeps several lines of "next" inside its list item and never as quick actions', () => {
    const body = formatEpicUpdate({ ...empty, next: 'finish !11\n/close the spike\nstart the blame viewer' }, { updateId: ID });
    expect(body).toContain('- Next: finish !11\n  \\/close the spike\n  start the blame viewer');
  });
});

describe('validateEpicUpdate', () => {
  it.each([
    [{ status: undefined }, 'Choose a status: ok, so-so or bad'],
    [{ status: 'fine' }, 'Choose a status: ok, so-so or bad'],
    [{ confidence: 120 }, 'Confidence cannot be above 100%'],
    [{ confidence: 33.3 }, 'Confidence must be a whole number from 0 to 100'],
    [{ mentions: ['dave smith'] }, 'Mentions are usernames, e.g. @dave'],
  ])('refuses %o', (patch, message) => {
    const result = validateEpicUpdate({ ...empty, ...patch });
    expect(result).toMatchObject({ ok: false, message });
  });

  it('makes formatEpicUpdate throw', () => {
    expect(() => formatEpicUpdate({ ...empty, confidence: -1 }, { updateId: ID })).toThrow('Confidence cannot be below 0%');
  });
});

describe('parseEpicUpdate', () => {
  it('reads the seeded epic update', () => {
    expect(parseEpicUpdate(gl.epicUpdate, meta)).toEqual({
      ...seeded,
      help: '@dave to confirm the feature-flag rollout plan.',
      eta: 'end of 18.11',
      changes: '',
      ...meta,
      updateId: null,
    });
  });

  it("writes and reads back the children's lines under \"Since the last update\"", () => {
    const changes = '- acme/app#3 Tree API: 40% → 70% complete\nacme/app#4 Audit events: closed\n/close';
    const body = formatEpicUpdate({ ...seeded, changes }, { updateId: ID });
    expect(body).toContain('- Since the last update:\n  - acme/app#3 Tree API: 40% → 70% complete\n  - acme/app#4 Audit events: closed\n  - \\/close\n');
    expect(parseEpicUpdate(body, meta)!.changes).toBe('- acme/app#3 Tree API: 40% → 70% complete\n- acme/app#4 Audit events: closed\n- \\/close');
    expect(formatEpicUpdate({ ...seeded, changes: ' \n ' }, { updateId: ID })).not.toContain('Since the last update');
  });

  it('reads back what formatEpicUpdate wrote', () => {
    const input: EpicUpdateInput = { ...seeded, next: 'finish !11\n/close the spike', help: 'please review', mentions: ['dave', 'erin'] };
    const parsed = parseEpicUpdate(formatEpicUpdate(input, { updateId: ID }), meta);
    expect(parsed).toMatchObject({ ...input, help: '@dave @erin please review', updateId: ID });
  });

  it.each([
    ['Status: :yellow_circle: so-so', 'so-so', ''],
    ['**Status:** 🔴 blocked on the database review', 'bad', 'blocked on the database review'],
    ['Status: OK, all issues in review', 'ok', 'all issues in review'],
    ['Status: 🟢', 'ok', ''],
    ['- **Status**: **so so** - waiting on UX', 'so-so', 'waiting on UX'],
  ])('reads %j', (line, status, summary) => {
    expect(parseEpicUpdate(line, meta)).toMatchObject({ status, summary });
  });

  it('reads done, remaining and ETA on one line or on their own lines', () => {
    expect(parseProgress('Done: 40%; Remaining: 60% ETA: mid December')).toEqual({ done: '40%', remaining: '60%', eta: 'mid December' });
    expect(parseEpicUpdate('Status: ok\n- Done: 2 issues\n- Remaining: 1 issue\n- ETA: 18.8', meta)).toMatchObject({ done: '2 issues', remaining: '1 issue', eta: '18.8' });
  });

  it('is null for comments without a status', () => {
    expect(parseEpicUpdate(gl.spikeFindings, meta)).toBeNull();
    expect(parseEpicUpdate('Status: badge colours look off', meta)).toBeNull();
    expect(parseEpicUpdate(gl.asyncUpdates[0]!, meta)).toBeNull();
  });
});

describe('epicHistoryFromNotes', () => {
  const note = (id: number, createdAt: string, body: string, system = false): Note => ({
    id,
    body,
    author: { id: 3, username: 'carol', name: 'Carol', avatarUrl: null, webUrl: null },
    createdAt,
    updatedAt: createdAt,
    system,
  });

  it('lists the weekly updates oldest first, once per id', () => {
    const ours = formatEpicUpdate({ ...empty, status: 'bad', confidence: 40 }, { updateId: ID });
    const notes = [
      note(3, '2025-11-14T16:00:00Z', ours),
      note(1, '2025-11-07T16:00:00Z', gl.epicUpdate),
      note(2, '2025-11-10T09:00:00Z', 'added issue acme/platform/backend#5', true),
      note(4, '2025-11-14T16:00:02Z', ours),
    ];
    expect(epicHistoryFromNotes(notes)).toEqual([
      { noteId: 1, createdAt: '2025-11-07T16:00:00Z', author: 'carol', status: 'so-so', confidence: 70, updateId: null },
      { noteId: 3, createdAt: '2025-11-14T16:00:00Z', author: 'carol', status: 'bad', confidence: 40, updateId: ID },
    ]);
  });

  it('reads statuses with or without a summary', () => {
    expect(parseEpicStatus('so-so — in review')).toEqual({ status: 'so-so', summary: 'in review' });
    expect(parseEpicStatus('unclear')).toBeNull();
  });
});
