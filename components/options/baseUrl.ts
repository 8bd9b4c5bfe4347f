// Checks the address a person types for a self-managed host and turns it into a connection base URL.
import type { ConnectionInfo } from '@/lib/messaging';

export type HostKind = ConnectionInfo['kind'];

export type BaseUrlCheck = { ok: true; baseUrl: string; host: string } | { ok: false; message: string };

const BUILT_IN_HOSTS: Record<string, string> = {
  'gitlab.com': 'gitlab.com',
  'www.gitlab.com': 'gitlab.com',
  'github.com': 'github.com',
  'www.github.com': 'github.com',
  'api.github.com': 'github.com',
};

/**
 * Accepts `http(s)://host[:port][/relative/root]` (a relative root only for GitLab: GitHub Enterprise lives at its
 * host's root). Strips trailing slashes. Messages say what to change.
 */
export function checkBaseUrl(kind: HostKind, input: string, existing: readonly ConnectionInfo[] = []): BaseUrlCheck {
  const text = input.trim();
  const example = kind === 'gitlab' ? 'https://gitlab.example.com' : 'https://github.example.com';
  if (text === '') return { ok: false, message: `Enter the server's address, for example ${example}.` };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return { ok: false, message: `Start the address with https:// (or http://), for example https://${text.replace(/^\/+/, '')}.` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `That is not a valid web address. Use one like ${example}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Use an address that starts with https:// or http://.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the address; the token goes below.' };
  }
  if (url.search || url.hash) {
    return { ok: false, message: 'Remove the part from “?” or “#” on: only the server address is needed.' };
  }
  const builtIn = BUILT_IN_HOSTS[url.hostname];
  if (builtIn) return { ok: false, message: `${builtIn} is built in: set its token in the list above.` };

  const path = url.pathname.replace(/\/+$/, '');
  if (kind === 'github' && path !== '') {
    return {
      ok: false,
      message: `GitHub Enterprise is served from the root of its host: use ${url.origin} (without ${path}).`,
    };
  }
  if (kind === 'gitlab' && /(^|\/)-(\/|$)/.test(path)) {
    return {
      ok: false,
      message: 'That looks like a page inside GitLab. Enter only the server address (with its relative root, if it has one).',
    };
  }
  const baseUrl = `${url.origin}${path}`;
  if (existing.some((c) => c.baseUrl.replace(/\/+$/, '').toLowerCase() === baseUrl.toLowerCase())) {
    return { ok: false, message: `${baseUrl} is already connected.` };
  }
  return { ok: true, baseUrl, host: url.host };
}

/**
 * The host permission to request for a base URL. Without the port: Firefox refuses match patterns with a port,
 * and in Chrome a pattern without one matches every port.
 */
export function hostPermissionPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Where to create a token with the rights Refinery needs. */
export function tokenPageUrl(kind: HostKind, baseUrl: string): string {
  return kind === 'gitlab'
    ? `${baseUrl}/-/user_settings/personal_access_tokens?name=Refinery&scopes=api`
    : `${baseUrl}/settings/personal-access-tokens/new`;
}
