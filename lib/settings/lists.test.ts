import { describe, expect, it } from 'vitest';
import { availabilityOf, DEFAULT_LIST_SETTINGS, parseListSettings } from './lists';

describe('list settings', () => {
  it('keeps valid fields and falls back field by field', () => {
    expect(parseListSettings({ quietChip: true, myAvailability: 150, team: [{ username: 'erin', availability: 60 }] })).toEqual({
      quietChip: true,
      myAvailability: 100,
      team: [{ username: 'erin', availability: 60 }],
    });
    expect(parseListSettings({ team: [{ username: 'has space', availability: 60 }] }).team).toEqual([]);
    expect(parseListSettings(null)).toEqual(DEFAULT_LIST_SETTINGS);
  });

  it('plans with the team list’s availability, yours when it is you, else full', () => {
    const s = { quietChip: false, myAvailability: 70, team: [{ username: 'Erin', availability: 40 }] };
    expect(availabilityOf(s, 'erin', false)).toBe(40);
    expect(availabilityOf(s, 'alice', true)).toBe(70);
    expect(availabilityOf(s, 'bob', false)).toBe(100);
  });
});
