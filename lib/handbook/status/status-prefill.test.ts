import { describe, expect, it } from 'vitest';
import type { LinkedChange } from '@/lib/forge/model';
import * as gl from '../../../test/sandbox/gitlab/seed-text';
import { parseUpdate } from './status-parse';
import { prefillUpdate, sameChange } from './status-prefill';

const change = (reference: string, title: string): LinkedChange => ({
  reference,
  iid: Number(reference.replace(/.*[!#]/, '')),
  title,
  state: 'opened',
  webUrl: `https://gitlab.com/acme/platform/backend/-/merge_requests/${reference.replace(/.*[!#]/, '')}`,
});

describe('prefillUpdate', () => {
  const previous = parseUpdate(gl.asyncUpdates[1]!, { createdAt: '2025-11-03T09:14:00Z', author: 'erin' });

  it('starts from the previous numbers with one row per merge request related now', () => {
    const linked = [change('!11', 'Keyset pagination for the tree API'), change('!13', 'Docs: tree API pagination')];
    expect(prefillUpdate(previous, linked)).toEqual({
      complete: 40,
      confidence: 80,
      notes: '',
      concern: null,
      health: null,
      changes: [
        { reference: '!11', title: 'api update', complete: 60, confidence: 90, note: 'keyset pagination done, specs in progress' },
        { reference: '!13', title: 'Docs: tree API pagination', complete: null, confidence: null, note: '' },
      ],
    });
  });

  it('carries the notes over only when asked', () => {
    const first = parseUpdate(gl.asyncUpdates[0]!, { createdAt: '2025-10-31T09:05:00Z', author: 'erin' });
    expect(prefillUpdate(first, []).notes).toBe('');
    expect(prefillUpdate(first, [], { keepNotes: true })).toMatchObject({ notes: expect.stringMatching(/^keyset cursor/), concern: 'backend' });
  });

  it('gives an empty form without a previous update', () => {
    expect(prefillUpdate(null, [change('!11', 'Tree API')])).toEqual({
      complete: null,
      confidence: null,
      notes: '',
      concern: null,
      health: null,
      changes: [{ reference: '!11', title: 'Tree API', complete: null, confidence: null, note: '' }],
    });
  });
});

describe('sameChange', () => {
  it('matches a reference with and without its project, but not across projects or kinds', () => {
    expect(sameChange('!11', 'acme/platform/backend!11')).toBe(true);
    expect(sameChange('Acme/Web#3', 'acme/web#3')).toBe(true);
    expect(sameChange('acme/a!11', 'acme/b!11')).toBe(false);
    expect(sameChange('!11', '#11')).toBe(false);
    expect(sameChange('!11', '!111')).toBe(false);
  });
});
