// Where a GitHub web host keeps its REST API.

/**
 * REST root for a GitHub web base URL: api.github.com for github.com, api.<sub>.ghe.com for GitHub Enterprise
 * Cloud with data residency, `<web base>/api/v3` for GitHub Enterprise Server (any path prefix kept).
 */
export function githubApiBaseUrl(webBase: string): string {
  const url = new URL(webBase);
  const host = url.hostname.toLowerCase();
  if (host === 'github.com' || host === 'www.github.com' || host === 'api.github.com') return 'https://api.github.com';
  if (host.endsWith('.ghe.com') && !host.startsWith('api.')) return `https://api.${host}`;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/api/v3`;
}
