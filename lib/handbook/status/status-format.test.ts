import { describe, expect, it } from 'vitest';
import {
  InvalidUpdateError,
  escapeQuickActions,
  formatUpdate,
  labelReference,
  validateUpdate,
  type StatusUpdate,
} from './status-format';

const ID = 'a5b2c9e0-1d4f-4c3b-9a8e-7f6d5c4b3a21';
const MARKER = `<!-- refinery:status-update id=${ID} -->`;

function update(patch: Partial<StatusUpdate> = {}): StatusUpdate {
  return { complete: null, confidence: null, notes: '', concern: null, health: null, changes: [], ...patch };
}

const gitlab = { forge: 'gitlab', updateId: ID, healthVia: 'none' } as const;

/** What readers see: the body without the hidden lines. */
const visible = (body: string) => body.split('\n\n<!--')[0];

describe('formatUpdate: the handbook format', () => {
  it('writes the four lines of the handbook example, then the hidden marker and data', () => {
    const body = formatUpdate(
      update({ complete: 80, confidence: 90, notes: 'expecting to go into review tomorrow', concern: 'frontend' }),
      gitlab,
    );
    expect(body).toBe(
      [
        'Complete: 80%',
        'Confidence: 90%',
        'Notes: expecting to go into review tomorrow',
        'Concern: ~frontend',
        '',
        MARKER,
        '<!-- refinery:status-data complete=80 confidence=90 -->',
      ].join('\n'),
    );
  });

  it('writes the issue status and one line per merge request, as in the handbook example', () => {
    const body = formatUpdate(
      update({
        complete: 20,
        confidence: 75,
        changes: [
          { reference: '!11111', title: 'docs update', complete: 80, confidence: 99, note: 'need to add one more section' },
          {
            reference: '!21212',
            title: 'api update',
            complete: 10,
            confidence: 70,
            note: 'database migrations created, working on creating the rest of the functionality next',
          },
        ],
      }),
      gitlab,
    );
    expect(visible(body)).toBe(`Issue status: 20% complete, 75% confident

MR statuses:
!11111 - 80% complete, 99% confident - docs update - need to add one more section
!21212 - 10% complete, 70% confident - api update - database migrations created, working on creating the rest of the functionality next`);
  });

  it('keeps notes and concern next to the issue status when there are merge requests', () => {
    const body = formatUpdate(
      update({
        complete: 40,
        confidence: 80,
        notes: 'keyset pagination is done',
        concern: 'backend',
        changes: [{ reference: '!11', title: 'api update', complete: 60, confidence: 90, note: 'specs in progress' }],
      }),
      gitlab,
    );
    expect(visible(body)).toBe(`Issue status: 40% complete, 80% confident
Notes: keyset pagination is done
Concern: ~backend

MR statuses:
!11 - 60% complete, 90% confident - api update - specs in progress`);
  });

  it('says "PR statuses" on GitHub and uses the pull requests\' references', () => {
    const body = formatUpdate(
      update({
        complete: 40,
        confidence: 75,
        changes: [
          { reference: '#21', title: 'api update', complete: 60, confidence: 80, note: 'storing viewed state per reviewer' },
          { reference: 'acme/db#22', title: '', complete: 100, confidence: 99, note: 'merged' },
        ],
      }),
      { forge: 'github', updateId: ID, healthVia: 'none' },
    );
    expect(visible(body)).toBe(`Issue status: 40% complete, 75% confident

PR statuses:
#21 - 60% complete, 80% confident - api update - storing viewed state per reviewer
acme/db#22 - 100% complete, 99% confident - merged`);
  });

  it('leaves out untouched merge request rows, and the whole list when none was filled in', () => {
    const untouched = { reference: '!12', title: 'frontend', complete: null, confidence: null, note: '  ' };
    const body = formatUpdate(update({ complete: 50, confidence: 60, changes: [untouched] }), gitlab);
    expect(visible(body)).toBe('Complete: 50%\nConfidence: 60%');
    const withOne = formatUpdate(
      update({ complete: 50, changes: [untouched, { ...untouched, reference: '!13', note: 'waiting for review' }] }),
      gitlab,
    );
    expect(withOne).toContain('!13 - ?% complete, ?% confident - frontend - waiting for review');
    expect(withOne).not.toContain('!12');
  });

  it('leaves out lines the user did not fill in and writes ? for an unknown percentage next to a known one', () => {
    expect(visible(formatUpdate(update({ confidence: 70, notes: 'blocked on review' }), gitlab))).toBe(
      'Confidence: 70%\nNotes: blocked on review',
    );
    const body = formatUpdate(
      update({ confidence: 70, changes: [{ reference: '!11', title: '', complete: 30, confidence: null, note: '' }] }),
      gitlab,
    );
    expect(body.startsWith('Issue status: ?% complete, 70% confident\n\nMR statuses:\n!11 - 30% complete, ?% confident\n')).toBe(
      true,
    );
  });

  it('quotes concern labels GitLab would not read unquoted', () => {
    expect(labelReference('frontend')).toBe('~frontend');
    expect(labelReference('~backend')).toBe('~backend');
    expect(labelReference('technical debt')).toBe('~"technical debt"');
    expect(labelReference('group::source code')).toBe('~"group::source code"');
    expect(formatUpdate(update({ complete: 10, concern: 'UX work' }), gitlab)).toContain('Concern: ~"UX work"');
  });

  it('writes multi-line notes as typed, but never as GitLab quick actions', () => {
    const body = formatUpdate(update({ complete: 30, notes: 'cursor done\n/close\n  /label ~bug\nnext: API' }), gitlab);
    expect(visible(body)).toBe('Complete: 30%\nNotes: cursor done\n\\/close\n  \\/label ~bug\nnext: API');
    expect(body.split('\n').some((l) => /^\/(close|label)/.test(l))).toBe(false);
    expect(escapeQuickActions('a /b')).toBe('a /b');
  });

  it('writes merge request titles and notes on one line', () => {
    const body = formatUpdate(
      update({ changes: [{ reference: '!11', title: 'api\nupdate', complete: 5, confidence: 50, note: 'first\n\nsecond' }] }),
      gitlab,
    );
    expect(body).toContain('!11 - 5% complete, 50% confident - api update - first second');
  });

  it('does not read placeholders inside what the user typed', () => {
    const body = formatUpdate(update({ complete: 10, notes: 'the {{confidence}} template' }), gitlab);
    expect(body).toContain('Notes: the {{confidence}} template');
  });
});

describe('formatUpdate: health status', () => {
  it('on GitLab Ultimate ends with the quick action; what GitLab keeps after removing it is still the update', () => {
    const body = formatUpdate(update({ complete: 80, confidence: 90, health: 'needs_attention' }), {
      ...gitlab,
      healthVia: 'quick-action',
    });
    const lines = body.split('\n');
    expect(lines.at(-1)).toBe('/health_status needs_attention');
    const stored = lines.filter((l) => !l.startsWith('/health_status')).join('\n');
    expect(stored).toBe(
      `Complete: 80%\nConfidence: 90%\n\n${MARKER}\n<!-- refinery:status-data complete=80 confidence=90 health=needs_attention -->`,
    );
  });

  it('writes no quick action when the health status is set another way (labels)', () => {
    const body = formatUpdate(update({ complete: 80, health: 'at_risk' }), gitlab);
    expect(body).not.toContain('/health_status');
    expect(body).toContain('health=at_risk');
  });

  it('refuses the quick action on GitHub', () => {
    expect(() =>
      formatUpdate(update({ complete: 1, health: 'on_track' }), { forge: 'github', updateId: ID, healthVia: 'quick-action' }),
    ).toThrow(/GitLab only/);
  });

  it('writes a visible health line for an update that only changes the health status', () => {
    const body = formatUpdate(update({ health: 'at_risk' }), { ...gitlab, healthVia: 'quick-action' });
    expect(body.split('\n')[0]).toBe('Health status: At risk');
    expect(body.split('\n').at(-1)).toBe('/health_status at_risk');
  });
});

describe('validateUpdate', () => {
  it('accepts whole percentages from 0 to 100', () => {
    expect(validateUpdate(update({ complete: 0, confidence: 100 })).ok).toBe(true);
  });

  it.each([
    [{ complete: 120 }, 'Complete cannot be above 100%'],
    [{ complete: -5 }, 'Complete cannot be below 0%'],
    [{ confidence: 80.5 }, 'Confidence must be a whole number from 0 to 100'],
    [{ confidence: Number.NaN }, 'Confidence must be a number from 0 to 100'],
  ])('refuses %o with a readable message', (patch, message) => {
    const result = validateUpdate(update({ notes: 'x', ...patch }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(message);
  });

  it('names the merge request whose row is wrong', () => {
    const result = validateUpdate(
      update({ complete: 50, changes: [{ reference: '!21212', title: 'api', complete: 10, confidence: 170, note: '' }] }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'changes.0.confidence', message: '!21212: Confidence cannot be above 100%' }],
    });
  });

  it('refuses an empty update, including one with only a concern or untouched merge request rows', () => {
    for (const u of [
      update(),
      update({ notes: '   \n ' }),
      update({ concern: 'frontend' }),
      update({ changes: [{ reference: '!11', title: 'api', complete: null, confidence: null, note: '' }] }),
    ]) {
      const result = validateUpdate(u);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^Nothing to post/);
    }
  });

  it('accepts an update with only notes, only a health status or only one merge request row', () => {
    expect(validateUpdate(update({ notes: 'waiting for review' })).ok).toBe(true);
    expect(validateUpdate(update({ health: 'on_track' })).ok).toBe(true);
    expect(validateUpdate(update({ changes: [{ reference: '#5', title: '', complete: null, confidence: null, note: 'merged' }] })).ok).toBe(
      true,
    );
  });

  it('refuses concern labels that cannot be written as a label reference', () => {
    const result = validateUpdate(update({ complete: 5, concern: 'say "hi"' }));
    expect(result.ok).toBe(false);
  });

  it('makes formatUpdate throw the same messages', () => {
    expect(() => formatUpdate(update({ complete: 101 }), gitlab)).toThrow(InvalidUpdateError);
    expect(() => formatUpdate(update(), gitlab)).toThrow(/Nothing to post/);
  });
});

describe('formatUpdate: a team template', () => {
  it('uses the team\'s layout for the parts it overrides', () => {
    const body = formatUpdate(update({ complete: 80, confidence: 90, notes: 'in review', concern: 'frontend', health: 'on_track' }), {
      ...gitlab,
      template: { single: '**% Complete**: {{complete}}%\n**Confidence**: {{confidence}}%\n**Health**: {{health}}\n{{notes}}\n{{concern}}' },
    });
    expect(visible(body)).toBe('**% Complete**: 80%\n**Confidence**: 90%\n**Health**: On track\nin review\n~frontend');
  });

  it('refuses unknown placeholders and templates that would drop what the user typed', () => {
    expect(() => formatUpdate(update({ complete: 1 }), { ...gitlab, template: { single: '{{complete}} {{confidence}} {{notes}} {{concern}} {{eta}}' } })).toThrow(
      /Unknown placeholder \{\{eta\}\}/,
    );
    expect(() => formatUpdate(update({ complete: 1 }), { ...gitlab, template: { single: 'Complete: {{complete}}%' } })).toThrow(
      /must contain \{\{confidence\}\}/,
    );
  });
});
