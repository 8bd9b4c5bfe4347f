import type { ConnectionInfo } from '@/lib/messaging';

export function kindName(c: Pick<ConnectionInfo, 'kind' | 'builtIn'>): string {
  if (c.kind === 'gitlab') return c.builtIn ? 'GitLab' : 'GitLab (self-managed)';
  return c.builtIn ? 'GitHub' : 'GitHub Enterprise';
}

/** `https://h/gitlab` → `h/gitlab`: short enough for headings and button names. */
export function shortUrl(baseUrl: string): string {
  return baseUrl.replace(/^https?:\/\//, '');
}

/** The token is never shown: only whether one is set and, if known, its last characters. */
export function maskedToken(c: Pick<ConnectionInfo, 'hasToken' | 'tokenHint'>): string {
  if (!c.hasToken) return 'No token';
  return c.tokenHint ? `•••• ${c.tokenHint}` : '••••';
}
