import { describe, expect, it } from 'vitest';
import { githubApiBaseUrl } from './api-base';

describe('githubApiBaseUrl', () => {
  it('uses api.github.com for github.com, whatever the spelling', () => {
    expect(githubApiBaseUrl('https://github.com')).toBe('https://api.github.com');
    expect(githubApiBaseUrl('https://GitHub.com/')).toBe('https://api.github.com');
    expect(githubApiBaseUrl('https://www.github.com')).toBe('https://api.github.com');
  });

  it('uses /api/v3 below the web base for GitHub Enterprise Server, keeping ports and path prefixes', () => {
    expect(githubApiBaseUrl('https://ghe.example.com')).toBe('https://ghe.example.com/api/v3');
    expect(githubApiBaseUrl('http://127.0.0.1:4321/')).toBe('http://127.0.0.1:4321/api/v3');
    expect(githubApiBaseUrl('https://example.com/github')).toBe('https://example.com/github/api/v3');
  });

  it('uses api.<subdomain>.ghe.com for GitHub Enterprise Cloud with data residency', () => {
    expect(githubApiBaseUrl('https://octocorp.ghe.com')).toBe('https://api.octocorp.ghe.com');
  });
});
