import { describe, expect, it } from 'vitest';
import { BUILT_IN_HOSTS, hostFor, normalizeBaseUrl, type HostConfig } from './hosts';

const root: HostConfig = { kind: 'gitlab', baseUrl: 'https://code.example.org' };
const relative: HostConfig = { kind: 'gitlab', baseUrl: 'https://code.example.org/gitlab/' };
const deeper: HostConfig = { kind: 'gitlab', baseUrl: 'https://code.example.org/gitlab/next' };
const ghe: HostConfig = { kind: 'github', baseUrl: 'https://ghe.example.com' };
const loopback: HostConfig = { kind: 'gitlab', baseUrl: 'http://127.0.0.1:8929' };

describe('hostFor', () => {
  it('always knows gitlab.com and github.com, even with no configured hosts', () => {
    expect(hostFor('https://gitlab.com/g/p/-/issues/1', [])?.host).toBe(BUILT_IN_HOSTS[0]);
    expect(hostFor('https://github.com/o/r/issues/1', [])?.host.kind).toBe('github');
  });

  it('picks the longest matching base path and returns the path below it', () => {
    const hosts = [root, relative, deeper];
    const inRelative = hostFor('https://code.example.org/gitlab/g/p/-/issues/1', hosts);
    expect(inRelative?.host).toBe(relative);
    expect(inRelative?.baseUrl).toBe('https://code.example.org/gitlab');
    expect(inRelative?.rest).toBe('/g/p/-/issues/1');
    expect(hostFor('https://code.example.org/gitlab/next/g/p', hosts)?.host).toBe(deeper);
    expect(hostFor('https://code.example.org/other/p', hosts)?.host).toBe(root);
  });

  it('matches base paths on whole segments only', () => {
    expect(hostFor('https://code.example.org/gitlabx/g/p', [relative])).toBeNull();
    expect(hostFor('https://code.example.org/gitlab', [relative])?.rest).toBe('');
  });

  it('compares origin and base path case-insensitively', () => {
    const m = hostFor('https://CODE.example.org/GitLab/g/p', [relative]);
    expect(m?.host).toBe(relative);
    expect(m?.rest).toBe('/g/p');
  });

  it('requires the same scheme and port', () => {
    expect(hostFor('http://127.0.0.1:8929/root/demo', [loopback])?.host).toBe(loopback);
    expect(hostFor('http://127.0.0.1:8930/root/demo', [loopback])).toBeNull();
    expect(hostFor('https://127.0.0.1:8929/root/demo', [loopback])).toBeNull();
    expect(hostFor('http://ghe.example.com/o/r', [ghe])).toBeNull();
  });

  it('ignores unusable host configs and non-http URLs', () => {
    const broken: HostConfig[] = [{ kind: 'gitlab', baseUrl: 'not a url' }, { kind: 'gitlab', baseUrl: 'ftp://x.org' }];
    expect(hostFor('https://x.org/g/p', broken)).toBeNull();
    expect(hostFor('ftp://gitlab.com/g/p', [])).toBeNull();
    expect(hostFor('::', [])).toBeNull();
  });
});

describe('normalizeBaseUrl', () => {
  it('gives one spelling per base URL', () => {
    expect(normalizeBaseUrl('HTTPS://Code.Example.org/gitlab/')).toBe('https://code.example.org/gitlab');
    expect(normalizeBaseUrl('http://127.0.0.1:8929')).toBe('http://127.0.0.1:8929');
    expect(normalizeBaseUrl('https://github.com/')).toBe('https://github.com');
    expect(normalizeBaseUrl('javascript:alert(1)')).toBeNull();
  });
});
