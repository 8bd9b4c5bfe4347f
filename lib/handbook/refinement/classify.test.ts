import { describe, expect, it } from 'vitest';
import { isBug, isSecurity, isSpike, normalizeLabel } from './classify';
import { mergeSettings } from '../settings';

const issue = (title: string, labels: string[] = [], type?: string) => ({ title, labels, type });

describe('normalizeLabel', () => {
  it('ignores case and spaces around ::', () => {
    expect(normalizeLabel('Bug:: Vulnerability')).toBe('bug::vulnerability');
    expect(normalizeLabel(' Spike ')).toBe('spike');
    expect(normalizeLabel('workflow::ready  for development')).toBe('workflow::ready for development');
  });
});

describe('isSpike', () => {
  it.each(['Spike: evaluate Gitaly RPC for blame', 'spike - try the new diff engine', '[Spike] GraphQL pagination', '(SPIKE) caching', 'Spike | Search'])(
    'recognises the title %j',
    (title) => expect(isSpike(issue(title))).toBe(true),
  );

  it.each(['Spike in memory usage after deploy', 'Spiked traffic on /api/v4/projects', 'Investigate the spike: CPU at 100%', 'Add spike protection'])(
    'does not take %j for a spike',
    (title) => expect(isSpike(issue(title))).toBe(false),
  );

  it('recognises the spike label in any case', () => {
    expect(isSpike(issue('Evaluate blame caching', ['backend', 'Spike']))).toBe(true);
  });

  it('uses the team’s spike label', () => {
    const settings = mergeSettings({ labels: { spike: 'investigation' } });
    expect(isSpike(issue('Evaluate caching', ['investigation']), settings)).toBe(true);
    expect(isSpike(issue('Evaluate caching', ['spike']), settings)).toBe(false);
  });
});

describe('isSecurity', () => {
  it.each([['security'], ['type::security'], ['Type::Vulnerability'], ['bug::vulnerability']])('recognises %j', (label) =>
    expect(isSecurity(issue('XSS in wiki', [label]))).toBe(true),
  );

  it('recognises a forge issue type', () => {
    expect(isSecurity(issue('XSS in wiki', [], 'vulnerability'))).toBe(true);
  });

  it('ignores lookalikes', () => {
    expect(isSecurity(issue('Security page typo', ['documentation', 'type::bug', 'secure', 'bug::performance']))).toBe(false);
  });

  it('uses renamed labels and type scope', () => {
    const settings = mergeSettings({ labels: { security: 'sec', securityAliases: [] }, scopes: { type: 'kind' } });
    expect(isSecurity(issue('x', ['sec']), settings)).toBe(true);
    expect(isSecurity(issue('x', ['kind::security']), settings)).toBe(true);
    expect(isSecurity(issue('x', ['security', 'type::security', 'bug::vulnerability']), settings)).toBe(false);
  });
});

describe('isBug', () => {
  it('recognises type::bug, the bug label and the bug issue type', () => {
    expect(isBug(issue('x', ['type::bug']))).toBe(true);
    expect(isBug(issue('x', ['bug']))).toBe(true);
    expect(isBug(issue('x', [], 'bug'))).toBe(true);
  });

  it('is false for features', () => {
    expect(isBug(issue('x', ['type::feature', 'bug::vulnerability']), undefined)).toBe(false);
  });
});
