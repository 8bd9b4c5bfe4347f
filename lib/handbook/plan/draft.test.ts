import { describe, expect, it } from 'vitest';
import { formatEpicUpdate, parseEpicUpdate } from '../status/epic-update';
import { DEFAULT_SETTINGS } from '../settings';
import { changeLines, overallStatus, reportedBlocked, safeTitle, weeklyDraft, weightedConfidence } from './draft';
import { child, update } from './__fixtures__/children';
import { rollUp } from './rollup';

const NOW = new Date(2026, 11, 9, 12).getTime(); // Wednesday 9 December
const day = (d: number, h = 10) => new Date(2026, 11, d, h).toISOString();
const LAST_WEEKLY = day(4, 16); // Friday

function plan() {
  return rollUp(
    {
      parent: { weight: 10 },
      children: [
        child({ iid: 1, title: 'Tree API', weight: 3, comments: [update(day(3), 'Complete: 40%\nConfidence: 60%'), update(day(8), 'Complete: 70%\nConfidence: 80%\nNotes: in review\nfollow-up later')] }),
        child({ iid: 2, title: 'Blame streaming', weight: 2, comments: [update(day(3), 'Complete: 20%\nHealth status: on track'), update(day(9), 'Complete: 30%\nConfidence: 50%\nHealth status: at risk\nConcern: ~database')] }),
        child({ iid: 3, title: 'Audit events', weight: 1, state: 'closed', closedAt: day(7) }),
        child({ iid: 4, title: 'Old work', weight: 2, state: 'closed', closedAt: day(1) }),
        child({ iid: 5, title: 'Untouched @all', weight: 2, comments: [update(day(2), 'Complete: 10%')] }),
        child({ iid: 6, title: 'Needs a hand', comments: [update(day(8), 'Complete: 5%\nHealth status: needs attention')] }),
      ],
    },
    DEFAULT_SETTINGS,
    NOW,
  );
}

describe('weeklyDraft', () => {
  it('one line per child changed since the last weekly update, at risk first, with what moved', () => {
    expect(changeLines(plan(), Date.parse(LAST_WEEKLY))).toEqual([
      '- acme/app#2 Blame streaming: 20% → 30% complete, 50% confident, new concern: ~"database", on track → at risk',
      '- acme/app#6 Needs a hand: 5% complete, needs attention',
      '- acme/app#1 Tree API: 40% → 70% complete, 80% confident — in review',
      '- acme/app#3 Audit events: closed',
    ]);
  });

  it('a blocked child is a new blocker unless the last weekly update named it blocked; blocked makes the status so-so', () => {
    const r = rollUp(
      {
        parent: { weight: null },
        children: [
          child({ iid: 7, title: 'Waits on infra', weight: 2, blockedBy: 2 }),
          child({ iid: 8, title: 'Waits on design', weight: 1, labels: ['workflow::blocked'] }),
          child({ iid: 9, title: 'Done and blocked once', weight: 1, state: 'closed', closedAt: day(1), blockedBy: 1 }),
        ],
      },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(r.blocked.map((x) => [x.child.reference, x.blockedBy])).toEqual([["acme/app#7", 2], ["acme/app#8", null]]);
    expect(overallStatus(r)).toBe('so-so');
    expect(changeLines(r, Date.parse(LAST_WEEKLY))).toEqual([
      '- acme/app#7 Waits on infra: new blocker: blocked by 2 open items',
      '- acme/app#8 Waits on design: new blocker: blocked',
    ]);
    const last = '**Status**: so-so\n\n- Since the last update:\n  - acme/app#7 Waits on infra: new blocker: blocked by 2 open items\n  - acme/app#80 blocked';
    expect(changeLines(r, Date.parse(LAST_WEEKLY), last)).toEqual(['- acme/app#8 Waits on design: new blocker: blocked']);
    expect(weeklyDraft(r, { lastWeeklyAt: LAST_WEEKLY, lastText: last }).summary).toContain('2 blocked');
  });

  it('reportedBlocked: the reference on a line saying blocked, #1 never matching #12', () => {
    expect(reportedBlocked('- a/b#1 x: blocked', 'a/b#1')).toBe(true);
    expect(reportedBlocked('- A/B#1 x: new BLOCKER', 'a/b#1')).toBe(true);
    expect(reportedBlocked('- a/b#12 x: blocked', 'a/b#1')).toBe(false);
    expect(reportedBlocked('- a/b#1 x: 20% complete\nblocked elsewhere', 'a/b#1')).toBe(false);
    expect(reportedBlocked('', 'a/b#1')).toBe(false);
    expect(reportedBlocked('- x/a/b#1: blocked', 'a/b#1')).toBe(false); // another project's #1
    expect(reportedBlocked('blocked: a/b&4, a/b#1.', 'a/b#1')).toBe(true);
    expect(reportedBlocked('blocked (a/b#1)', 'a/b#1')).toBe(true);
  });

  it('without an earlier weekly update every child with an update or closed is listed', () => {
    const lines = changeLines(plan(), null);
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('- acme/app#5 Untouched @\u200ball: 10% complete');
  });

  it('overall status from the worst health, done and remaining by weight, confidence weighted', () => {
    const r = plan();
    // (3×70 + 2×30 + 1×100 + 2×100 + 2×10) / 10 = 59
    expect(r.completion).toBe(59);
    // Open and weighted with a confidence: (3×80 + 2×50) / 5 = 68
    expect(weightedConfidence(r)).toBe(68);
    const d = weeklyDraft(r, { lastWeeklyAt: LAST_WEEKLY, eta: 'end of 18.11' });
    expect(d).toMatchObject({
      status: 'bad',
      summary: '59% done by weight; 1 child at risk; 1 needs attention; 1 without a recent update; 1 unweighted',
      done: '59% by weight, 2 of 6 issues closed, weight 3 of 10',
      remaining: '4 open issues, weight 7, 1 unweighted',
      eta: 'end of 18.11',
      confidence: 68,
      next: '',
      help: '',
      mentions: [],
    });
    // The draft is a valid weekly update that reads back.
    const body = formatEpicUpdate(d, { updateId: 'draft-update-1' });
    expect(parseEpicUpdate(body, { createdAt: day(9), author: 'owner' })).toMatchObject({ status: 'bad', confidence: 68, changes: d.changes });
  });

  it('ok when all is on track, so-so with attention needed or stale updates', () => {
    const fresh = (h: string) => child({ weight: 1, comments: [update(day(9), `Complete: 50%\nHealth status: ${h}`)] });
    expect(overallStatus(rollUp({ parent: { weight: null }, children: [fresh('on track')] }, DEFAULT_SETTINGS, NOW))).toBe('ok');
    expect(overallStatus(rollUp({ parent: { weight: null }, children: [fresh('needs attention')] }, DEFAULT_SETTINGS, NOW))).toBe('so-so');
    const stale = child({ weight: 1, comments: [update(day(1), 'Complete: 50%')] });
    expect(overallStatus(rollUp({ parent: { weight: null }, children: [fresh('on track'), stale] }, DEFAULT_SETTINGS, NOW))).toBe('so-so');
    const empty = weeklyDraft(rollUp({ parent: { weight: null }, children: [] }, DEFAULT_SETTINGS, NOW), { lastWeeklyAt: null });
    expect(empty).toMatchObject({ status: 'ok', summary: '', done: '0 of 0 issues closed', remaining: '0 open issues', confidence: null, changes: '' });
  });

  it('titles stay on one line and mention nobody', () => {
    expect(safeTitle('Ping\n @team  now')).toBe('Ping @\u200bteam now');
    expect(safeTitle('x'.repeat(500))).toHaveLength(200);
  });
});
