import { describe, expect, it } from 'vitest';
import { bodyHasUpdateId, hasUpdateWithId, isValidUpdateId, markerId, markersIn, newUpdateId, noteWithUpdateId, updateMarker } from './status-marker';

const ID = 'a5b2c9e0-1d4f-4c3b-9a8e-7f6d5c4b3a21';

describe('update markers', () => {
  it('writes a hidden HTML comment with the id and reads it back', () => {
    const marker = updateMarker('status-update', ID);
    expect(marker).toBe(`<!-- refinery:status-update id=${ID} -->`);
    expect(markersIn(`Complete: 80%\n\n${marker}`)).toEqual([{ kind: 'status-update', id: ID }]);
    expect(markerId(`x\n${updateMarker('epic-update', ID)}`, 'epic-update')).toBe(ID);
    expect(markerId(`x\n${updateMarker('epic-update', ID)}`, 'status-update')).toBeNull();
  });

  it('creates different, valid ids', () => {
    const a = newUpdateId();
    expect(isValidUpdateId(a)).toBe(true);
    expect(newUpdateId()).not.toBe(a);
  });

  it('refuses ids that could end the HTML comment', () => {
    expect(() => updateMarker('status-update', 'abc--> <b>x</b>')).toThrow(/Invalid update id/);
    expect(isValidUpdateId('short')).toBe(false);
    expect(isValidUpdateId('aaaa--bbbb')).toBe(false);
  });

  it('finds the note of an update id, not one with a longer id or a system note', () => {
    const notes = [
      { id: 1, body: `Complete: 5%\n<!-- refinery:status-update id=${ID}0 -->`, system: false },
      { id: 2, body: `mentioned in <!-- refinery:status-update id=${ID} -->`, system: true },
      { id: 3, body: `Complete: 10%\n\n<!-- refinery:status-update id=${ID} -->`, system: false },
    ];
    expect(noteWithUpdateId(notes, ID)?.id).toBe(3);
    expect(hasUpdateWithId(notes.slice(0, 2), ID)).toBe(false);
    expect(bodyHasUpdateId('<!--refinery:status-update   id=abcdefgh1234-->', 'abcdefgh1234')).toBe(true);
  });
});
