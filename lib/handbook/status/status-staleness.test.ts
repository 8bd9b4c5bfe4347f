import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, staleness, workingDaysBetween } from './status-staleness';

// Local times, so the tests read the same in every time zone. 3 November 2025 is a Monday.
const at = (day: number, hour = 10) => new Date(2025, 10, day, hour);
const iso = (day: number, hour = 10) => at(day, hour).toISOString();
const MON = 3, TUE = 4, THU = 6, FRI = 7, SAT = 8, SUN = 9, NEXT_MON = 10, NEXT_TUE = 11;

describe('workingDaysBetween', () => {
  it.each([
    ['Friday evening → Monday morning', at(FRI, 18), at(NEXT_MON, 8), 1],
    ['same day', at(MON, 8), at(MON, 18), 0],
    ['Monday → Tuesday', at(MON), at(TUE), 1],
    ['Saturday → Monday', at(SAT), at(NEXT_MON), 1],
    ['Friday → Sunday', at(FRI), at(SUN), 0],
    ['a whole week', at(MON), at(NEXT_MON), 5],
    ['backwards', at(NEXT_MON), at(FRI), -1],
  ])('%s', (_name, a, b, days) => {
    expect(workingDaysBetween(a, b)).toBe(days);
  });

  it('counts calendar days by date, not by 24-hour spans', () => {
    expect(calendarDaysBetween(at(MON, 23), at(TUE, 1))).toBe(1);
  });
});

describe('staleness', () => {
  const dev = { inDevelopment: true, maxWorkingDays: 2 };

  it('says how long ago the last update was, from the newest one', () => {
    const history = [{ createdAt: iso(THU) }, { createdAt: iso(MON) }];
    expect(staleness(history, at(NEXT_MON), dev)).toMatchObject({ lastUpdateAt: iso(THU), lastUpdateDaysAgo: 4, workingDaysSinceUpdate: 2, message: 'Last update 4 days ago', stale: false });
    expect(staleness(history, at(THU, 17), dev).message).toBe('Last update today');
    expect(staleness(history, at(FRI), dev).message).toBe('Last update yesterday');
  });

  it('flags an issue in development with no update for more than the allowed working days', () => {
    const s = staleness([{ createdAt: iso(THU) }], at(NEXT_TUE), dev);
    expect(s).toMatchObject({ stale: true, workingDaysSinceUpdate: 3, message: 'Last update 5 days ago' });
    expect(s.reason).toBe('No status update for 3 working days; the team expects one at least every 2 working days');
  });

  it('does not count the weekend', () => {
    expect(staleness([{ createdAt: iso(FRI) }], at(NEXT_TUE), dev).stale).toBe(false);
  });

  it('never flags an issue that is not in development', () => {
    expect(staleness([{ createdAt: iso(MON) }], at(NEXT_TUE, 17), { inDevelopment: false, maxWorkingDays: 1 })).toMatchObject({ stale: false, reason: null });
    expect(staleness([], at(NEXT_TUE), { inDevelopment: false, maxWorkingDays: 1 }).stale).toBe(false);
  });

  it('with no update at all: "No update yet", stale in development unless it started recently', () => {
    expect(staleness([], at(TUE), dev)).toMatchObject({ lastUpdateDaysAgo: null, message: 'No update yet', stale: true });
    expect(staleness([], at(NEXT_MON), { ...dev, since: at(FRI) }).stale).toBe(false);
    expect(staleness([], at(NEXT_MON), { ...dev, since: iso(MON) }).stale).toBe(true);
  });

  it('uses the configured limit', () => {
    const history = [{ createdAt: iso(MON) }];
    expect(staleness(history, at(THU), { inDevelopment: true, maxWorkingDays: 2 }).stale).toBe(true);
    expect(staleness(history, at(THU), { inDevelopment: true, maxWorkingDays: 3 }).stale).toBe(false);
  });
});
