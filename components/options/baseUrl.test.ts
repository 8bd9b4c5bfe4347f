import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '@/lib/messaging';
import { checkBaseUrl, hostPermissionPattern, tokenPageUrl } from './baseUrl';

describe('checkBaseUrl', () => {
  it('accepts a GitLab host, stripping trailing slashes', () => {
    expect(checkBaseUrl('gitlab', ' https://gitlab.example.com/ ')).toEqual({
      ok: true,
      baseUrl: 'https://gitlab.example.com',
      host: 'gitlab.example.com',
    });
  });

  it('accepts a GitLab relative root and a port', () => {
    expect(checkBaseUrl('gitlab', 'https://Example.org:8443/gitlab//')).toMatchObject({
      ok: true,
      baseUrl: 'https://example.org:8443/gitlab',
    });
    expect(checkBaseUrl('gitlab', 'http://10.0.0.5')).toMatchObject({ ok: true, baseUrl: 'http://10.0.0.5' });
  });

  it('refuses a GitHub Enterprise address with a path', () => {
    const r = checkBaseUrl('github', 'https://ghe.example.com/api/v3');
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain('https://ghe.example.com');
    expect(checkBaseUrl('github', 'https://ghe.example.com/')).toMatchObject({ ok: true, baseUrl: 'https://ghe.example.com' });
  });

  it('refuses a page URL inside GitLab', () => {
    expect(checkBaseUrl('gitlab', 'https://gitlab.example.com/group/project/-/issues/1')).toMatchObject({ ok: false });
  });

  it.each([
    ['', 'Enter the server'],
    ['gitlab.example.com', 'Start the address with https://'],
    ['https://', 'not a valid web address'],
    ['ftp://gitlab.example.com', 'https:// or http://'],
    ['https://me:secret@gitlab.example.com', 'user name and password'],
    ['https://gitlab.example.com/?x=1', '“?” or “#”'],
    ['https://gitlab.com', 'built in'],
  ])('explains what is wrong with %j', (input, message) => {
    const r = checkBaseUrl('gitlab', input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('refuses a host that is already connected', () => {
    const existing: ConnectionInfo[] = [
      { id: 'x', kind: 'gitlab', baseUrl: 'https://gitlab.example.com', hasToken: true, tokenHint: 'abcd', builtIn: false },
    ];
    expect(checkBaseUrl('gitlab', 'https://GITLAB.example.com/', existing)).toMatchObject({ ok: false });
  });
});

describe('hostPermissionPattern', () => {
  it('drops the port and path', () => {
    expect(hostPermissionPattern('https://example.org:8443/gitlab')).toBe('https://example.org/*');
    expect(hostPermissionPattern('http://ghe.local')).toBe('http://ghe.local/*');
  });
});

describe('tokenPageUrl', () => {
  it('points to each forge token page under the base URL', () => {
    expect(tokenPageUrl('gitlab', 'https://h/gitlab')).toBe(
      'https://h/gitlab/-/user_settings/personal_access_tokens?name=Refinery&scopes=api',
    );
    expect(tokenPageUrl('github', 'https://github.com')).toBe('https://github.com/settings/personal-access-tokens/new');
  });
});
