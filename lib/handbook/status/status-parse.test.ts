import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/forge/model';
import * as gh from '../../../test/sandbox/github/seed-text';
import * as gl from '../../../test/sandbox/gitlab/seed-text';
import { formatUpdate, type StatusUpdate } from './status-format';
import {
  CHECKBOX_CONFIDENCE,
  hasUpdateWithId,
  historyFromNotes,
  lastUpdateFor,
  parseChangeLine,
  parseConcern,
  parseHealth,
  parseUpdate,
} from './status-parse';

const meta = { createdAt: '2025-11-03T09:12:00Z', author: 'erin' };
const ID = 'a5b2c9e0-1d4f-4c3b-9a8e-7f6d5c4b3a21';

function update(patch: Partial<StatusUpdate> = {}): StatusUpdate {
  return { complete: null, confidence: null, notes: '', concern: null, health: null, changes: [], ...patch };
}

describe('parseUpdate: the handbook format (seeded comments)', () => {
  it('reads the four-line update', () => {
    expect(parseUpdate(gl.asyncUpdates[0]!, meta)).toEqual({
      complete: 20,
      confidence: 70,
      notes: 'keyset cursor for `TreeEntryFinder` is in place, working on the API parameters next',
      concern: 'backend',
      health: null,
      changes: [],
      ...meta,
      updateId: null,
    });
  });

  it('reads the issue status and each merge request line', () => {
    expect(parseUpdate(gl.asyncUpdates[1]!, meta)).toMatchObject({
      complete: 40,
      confidence: 80,
      changes: [
        { reference: '!11', title: 'api update', complete: 60, confidence: 90, note: 'keyset pagination done, specs in progress' },
        { reference: '!12', title: 'frontend', complete: 10, confidence: 70, note: 'infinite scrolling prototype, waiting for the API' },
      ],
    });
  });

  it('reads GitHub pull request lines', () => {
    expect(parseUpdate(gh.MR_STATUS_UPDATE, meta)).toMatchObject({
      complete: 40,
      confidence: 75,
      changes: [
        { reference: '#21', title: 'api update', complete: 60, confidence: 80, note: 'storing viewed state per reviewer' },
        { reference: '#22', title: 'database migration', complete: 100, confidence: 99, note: 'merged' },
      ],
    });
    expect(parseUpdate(gh.statusUpdate(55, 65, 'migration written', '~database'), meta)).toMatchObject({
      complete: 55,
      confidence: 65,
      notes: 'migration written',
      concern: 'database',
    });
  });

  it('reads the handbook\'s own examples', () => {
    const body = `Issue status: 20% complete, 75% confident

MR statuses:
!11111 - 80% complete, 99% confident - docs update - need to add one more section
!21212 - 10% complete, 70% confident - api update - database migrations created, working on creating the rest of the functionality next`;
    const u = parseUpdate(body, meta);
    expect(u?.changes.map((c) => [c.reference, c.complete, c.confidence, c.title])).toEqual([
      ['!11111', 80, 99, 'docs update'],
      ['!21212', 10, 70, 'api update'],
    ]);
  });
});

describe('parseUpdate: variants teams write', () => {
  it.each([
    ['**% Complete**: 50%\n**Confidence**: 90 %\n**Notes**: MR is in review, addressing feedback', 50, 90],
    ['% complete: 50\nconfidence: 60', 50, 60],
    ['**Complete:** 35%\n**Confidence:** 80%', 35, 80],
    ['- Complete: 70%\n- Confidence: 85%', 70, 85],
    ['Progress: 60%\nConfidence level: 40%', 60, 40],
    ['20% complete, 75% confident', 20, 75],
    ['Status update: 75% confident, 30% complete — backend done', 30, 75],
    ['**Issue status**: 45% complete, 70% confident', 45, 70],
  ])('%j', (body, complete, confidence) => {
    expect(parseUpdate(body, meta)).toMatchObject({ complete, confidence });
  });

  it('maps the confidence checkboxes to 25 / 50 / 90', () => {
    const body = (ticked: string) =>
      `Progress: 60%\n\nHow confident are you?\n${['Not', 'Slightly', 'Very'].map((w) => `- [${w === ticked ? 'x' : ' '}] ${w} confident`).join('\n')}`;
    expect(parseUpdate(body('Not'), meta)?.confidence).toBe(CHECKBOX_CONFIDENCE.not);
    expect(parseUpdate(body('Slightly'), meta)?.confidence).toBe(50);
    expect(parseUpdate(body('Very'), meta)?.confidence).toBe(90);
    expect(parseUpdate(body('none'), meta)?.confidence).toBeNull();
    // A written percentage wins over a ticked box.
    expect(parseUpdate(`Confidence: 70%\n- [x] Very confident`, meta)?.confidence).toBe(70);
  });

  it('reads the health status from quick action lines and health lines', () => {
    expect(parseUpdate('Complete: 90%\nNotes: waiting for maintainer review\n\n/health_status on_track', meta)?.health).toBe('on_track');
    expect(parseUpdate('Health status: At risk\nComplete: 10%', meta)?.health).toBe('at_risk');
    expect(parseUpdate('**Health**: needs attention', meta)?.health).toBe('needs_attention');
    expect(parseUpdate('Issue status: on track', meta)?.health).toBe('on_track');
    expect(parseHealth('~"health::needs attention"')).toBe('needs_attention');
    expect(parseHealth('so-so')).toBeNull();
  });

  it('reads merge requests in other projects, links and bulleted lines', () => {
    expect(parseChangeLine('group/project!12 - 50% complete, 80% confident - frontend - feature spec')).toEqual({
      reference: 'group/project!12',
      title: 'frontend',
      complete: 50,
      confidence: 80,
      note: 'feature spec',
    });
    expect(parseChangeLine('- [!12](https://gitlab.com/acme/platform/backend/-/merge_requests/12) - 50% complete, 80% confident - specs')).toMatchObject({
      reference: '!12',
      note: 'specs',
    });
    expect(parseChangeLine('https://gitlab.example.com/gitlab/acme/platform/backend/-/merge_requests/12 - 50% complete, 70% confident')?.reference).toBe(
      'acme/platform/backend!12',
    );
    expect(parseChangeLine('* https://github.com/acme/web/pull/21 - 60% complete, 80% confident - api')?.reference).toBe('acme/web#21');
    expect(parseChangeLine('acme/web#7: 100% complete, 99% confident')).toMatchObject({ reference: 'acme/web#7', title: '', note: '' });
    expect(parseChangeLine('#12 - waiting for review')).toBeNull();
  });

  it('reads concerns written as labels, words or "none"', () => {
    expect(parseConcern('~frontend')).toBe('frontend');
    expect(parseConcern('~"UX work"')).toBe('UX work');
    expect(parseConcern('backend')).toBe('backend');
    expect(parseConcern('none')).toBeNull();
    expect(parseConcern('I worry about the migration')).toBeNull();
  });

  it('reads notes over several lines until the next recognised line', () => {
    const u = parseUpdate('Complete: 30%\nNotes: cursor done\nspecs next\n\\/close is not a command here\nConfidence: 60%', meta);
    expect(u).toMatchObject({ complete: 30, confidence: 60, notes: 'cursor done\nspecs next\n/close is not a command here' });
  });
});

describe('parseUpdate: what is not an update', () => {
  it.each([
    ['refinement checklist', gl.issueRefinementChecklist],
    ['bug checklist', gh.BUG_CHECKLIST_COMMENT],
    ['implementation plan', gl.implementationPlan],
    ['spike findings', gl.spikeFindings],
    ['prose with a percentage', 'The migration is about 50% complete, I will post an update tomorrow.'],
    ['a notes-only comment written by hand', 'Notes: looked at the logs'],
    ['a quoted update', '> Issue status: 20% complete, 75% confident\n>\n> Complete: 80%\n\nThanks, looks good!'],
    ['an epic update we posted', '**Status**: ok\n\n- Confidence: 70%\n\n<!-- refinery:epic-update id=a5b2c9e0-1d4f-4c3b-9a8e-7f6d5c4b3a21 -->'],
    ['the format in a code block', 'Please use:\n\n```\nComplete: 80%\nConfidence: 90%\n```'],
  ])('%s', (_name, body) => {
    expect(parseUpdate(body, meta)).toBeNull();
  });
});

describe('parseUpdate: our own comments', () => {
  const cases: [string, StatusUpdate][] = [
    ['four lines', update({ complete: 80, confidence: 90, notes: 'expecting to go into review tomorrow', concern: 'frontend' })],
    ['spaces in the concern and several lines of notes', update({ complete: 5, notes: 'started\n/close was typed', concern: 'UX work' })],
    [
      'merge requests',
      update({
        complete: 40,
        confidence: 80,
        notes: 'on schedule',
        changes: [
          { reference: '!11', title: 'api update', complete: 60, confidence: 90, note: 'specs in progress' },
          { reference: 'acme/web!3', title: '', complete: 100, confidence: 99, note: 'merged' },
        ],
      }),
    ],
  ];
  it.each(cases)('reads back what formatUpdate wrote: %s', (_name, u) => {
    const body = formatUpdate(u, { forge: 'gitlab', updateId: ID, healthVia: 'none' });
    expect(parseUpdate(body, meta)).toEqual({ ...u, ...meta, updateId: ID });
  });

  it('keeps the health status when GitLab removed the quick action from the stored note', () => {
    const posted = formatUpdate(update({ complete: 80, confidence: 90, health: 'at_risk' }), {
      forge: 'gitlab',
      updateId: ID,
      healthVia: 'quick-action',
    });
    const stored = posted.replace(/\n\/health_status .*$/, '');
    expect(parseUpdate(stored, meta)).toMatchObject({ complete: 80, confidence: 90, health: 'at_risk', updateId: ID });
  });

  it('prefers what a reader sees when the comment was edited after posting', () => {
    const body = formatUpdate(update({ complete: 80, confidence: 90 }), { forge: 'gitlab', updateId: ID, healthVia: 'none' });
    expect(parseUpdate(body.replace('Complete: 80%', 'Complete: 85%'), meta)?.complete).toBe(85);
  });

  it('reads a team template we do not parse from the hidden data line', () => {
    const body = formatUpdate(update({ complete: 45, confidence: 55, notes: 'x', concern: 'backend' }), {
      forge: 'gitlab',
      updateId: ID,
      healthVia: 'none',
      template: { single: 'Avancement {{complete}} / fiabilité {{confidence}}\n{{notes}} {{concern}}' },
    });
    expect(parseUpdate(body, meta)).toMatchObject({ complete: 45, confidence: 55, updateId: ID });
  });

  it('recognises a notes-only update by its marker', () => {
    const body = formatUpdate(update({ notes: 'waiting for review' }), { forge: 'github', updateId: ID, healthVia: 'none' });
    expect(parseUpdate(body, meta)).toMatchObject({ notes: 'waiting for review', complete: null, updateId: ID });
  });
});

let nextId = 1;
function note(author: string, createdAt: string, body: string, system = false): Note {
  const user = { id: author.length, username: author, name: author, avatarUrl: null, webUrl: null };
  return { id: nextId++, body, author: user, createdAt, updatedAt: createdAt, system };
}

describe('historyFromNotes', () => {
  const ours = formatUpdate(update({ complete: 60, confidence: 85, health: 'on_track' }), {
    forge: 'gitlab',
    updateId: ID,
    healthVia: 'quick-action',
  }).replace(/\n\/health_status .*$/, '');
  const notes = [
    note('erin', '2025-11-06T09:00:00Z', ours),
    note('erin', '2025-11-06T09:00:01Z', 'changed health status to **on track**', true),
    note('dave', '2025-10-28T10:00:00Z', gl.issueRefinementChecklist),
    note('erin', '2025-10-31T09:05:00Z', gl.asyncUpdates[0]!),
    note('erin', '2025-11-03T09:15:00Z', 'changed health status to **needs attention**', true),
    note('erin', '2025-11-03T09:14:00Z', gl.asyncUpdates[1]!),
    // The same update posted twice (e.g. by an older client): one point.
    note('erin', '2025-11-06T09:00:05Z', ours),
  ];

  it('lists the updates oldest first with their numbers, author and id', () => {
    const history = historyFromNotes(notes);
    expect(history.map((h) => [h.createdAt, h.author, h.complete, h.confidence, h.updateId])).toEqual([
      ['2025-10-31T09:05:00Z', 'erin', 20, 70, null],
      ['2025-11-03T09:14:00Z', 'erin', 40, 80, null],
      ['2025-11-06T09:00:00Z', 'erin', 60, 85, ID],
    ]);
  });

  it('gives each update the health status it was posted with, or GitLab\'s health status at that time', () => {
    expect(historyFromNotes(notes).map((h) => [h.health, h.healthFrom])).toEqual([
      [null, null],
      ['needs_attention', 'system-note'],
      ['on_track', 'update'],
    ]);
  });

  it('is empty for an issue without updates', () => {
    expect(historyFromNotes([note('dave', '2025-10-28T10:00:00Z', gl.implementationPlan)])).toEqual([]);
  });
});

describe('lastUpdateFor and hasUpdateWithId', () => {
  const notes = [
    note('erin', '2025-10-31T09:05:00Z', gl.asyncUpdates[0]!),
    note('Dave', '2025-11-04T09:05:00Z', gh.statusUpdate(50, 50, 'dave update')),
    note('erin', '2025-11-03T09:14:00Z', gl.asyncUpdates[1]!),
    note('erin', '2025-11-05T11:00:00Z', 'Thanks @dave, I will take a look.'),
  ];

  it("returns the user's most recent update", () => {
    expect(lastUpdateFor(notes, 'erin')).toMatchObject({ complete: 40, confidence: 80, createdAt: '2025-11-03T09:14:00Z' });
    expect(lastUpdateFor(notes, '@dave')).toMatchObject({ notes: 'dave update', author: 'Dave' });
    expect(lastUpdateFor(notes, 'frank')).toBeNull();
  });

  it('finds an update by its id', () => {
    const body = formatUpdate(update({ complete: 1 }), { forge: 'gitlab', updateId: ID, healthVia: 'none' });
    expect(hasUpdateWithId(notes, ID)).toBe(false);
    expect(hasUpdateWithId([...notes, note('erin', '2025-11-06T09:00:00Z', body)], ID)).toBe(true);
  });
});
