import { describe, expect, it } from 'vitest';
import { isAllowedSender } from './guard';

const ctx = {
  runtimeId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id',
  connections: [
    { kind: 'gitlab' as const, baseUrl: 'https://gitlab.com' },
    { kind: 'github' as const, baseUrl: 'https://github.com' },
    { kind: 'gitlab' as const, baseUrl: 'https://git.corp.example/gitlab' },
  ],
};
const ref = (baseUrl: string) => ({ ref: { baseUrl } });

describe('sender guard', () => {
  it('lets our options page manage connections', () => {
    expect(isAllowedSender(ctx, { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' }, 'saveConnection', {})).toBe(true);
  });
  it('refuses another extension, and senders without a URL', () => {
    expect(isAllowedSender(ctx, { id: 'evil', url: 'https://gitlab.com/a/b/-/issues/1' }, 'getIssue', ref('https://gitlab.com'))).toBe(false);
    expect(isAllowedSender(ctx, { id: 'ext-id' }, 'getIssue', ref('https://gitlab.com'))).toBe(false);
  });
  it('refuses content scripts asking for connection management (tokens stay in the background)', () => {
    for (const m of ['listConnections', 'saveConnection', 'removeConnection', 'testConnection'] as const) {
      expect(isAllowedSender(ctx, { id: 'ext-id', url: 'https://gitlab.com/a/b/-/issues/1', tab: {} }, m, {})).toBe(false);
    }
  });
  it('lets a content script on a configured host read issues of that host only', () => {
    const s = { id: 'ext-id', url: 'https://gitlab.com/a/b/-/issues/1', tab: {} };
    expect(isAllowedSender(ctx, s, 'getIssue', ref('https://gitlab.com'))).toBe(true);
    expect(isAllowedSender(ctx, s, 'getIssue', ref('https://git.corp.example/gitlab'))).toBe(false);
  });
  it('respects a relative URL root: the same origin outside /gitlab is not the configured host', () => {
    const inside = { id: 'ext-id', url: 'https://git.corp.example/gitlab/g/p/-/issues/2', tab: {} };
    const outside = { id: 'ext-id', url: 'https://git.corp.example/other/app', tab: {} };
    expect(isAllowedSender(ctx, inside, 'setWeight', ref('https://git.corp.example/gitlab'))).toBe(true);
    expect(isAllowedSender(ctx, outside, 'resolveConnection', {})).toBe(false);
  });
  it('refuses content scripts on hosts nobody configured', () => {
    expect(isAllowedSender(ctx, { id: 'ext-id', url: 'https://example.org/x', tab: {} }, 'resolveConnection', {})).toBe(false);
  });
});
