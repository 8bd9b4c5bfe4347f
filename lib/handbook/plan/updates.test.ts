import { describe, expect, it } from 'vitest';
import { update } from './__fixtures__/children';
import { childUpdates, looksLikeUpdate, updateAsOf, updatesOf } from './updates';

describe("a child's updates from its newest comments", () => {
  const comments = [update('2026-12-08T10:00:00Z', 'Complete: 70%'), update('2026-12-01T10:00:00Z', 'Complete: 10%'), update('2026-12-09T10:00:00Z', 'LGTM')];

  it('the latest readable update, whatever the order the forge gave', () => {
    expect(childUpdates(comments)).toMatchObject({ latest: { complete: 70 }, unrecognised: null });
    expect(updatesOf(comments).map((u) => u.complete)).toEqual([10, 70]);
    expect(updateAsOf(updatesOf(comments), Date.parse('2026-12-05T00:00:00Z'))?.complete).toBe(10);
    expect(updateAsOf(updatesOf(comments), Date.parse('2026-11-05T00:00:00Z'))).toBeNull();
  });

  it('a newer comment that looks like an update but cannot be read is "not recognised"', () => {
    const odd = update('2026-12-10T10:00:00Z', 'Async update: complete: nearly');
    expect(childUpdates([...comments, odd])).toMatchObject({ latest: { complete: 70 }, unrecognised: odd });
    const older = update('2026-12-02T10:00:00Z', 'Async update: complete: nearly');
    expect(childUpdates([...comments, older]).unrecognised).toBeNull(); // superseded by a readable update
    expect(looksLikeUpdate('Thanks, merged!')).toBe(false);
    expect(looksLikeUpdate('We are 80 % complete')).toBe(true);
  });
});
