// Which configured forge a URL belongs to. Pure URL logic: no network, no extension APIs.
import type { ForgeKind } from '../forge/model';

export interface HostConfig {
  kind: ForgeKind;
  /** Web base URL without trailing slash; GitLab may include a relative URL root (`https://host/gitlab`). */
  baseUrl: string;
}

export const BUILT_IN_HOSTS: readonly HostConfig[] = [
  { kind: 'gitlab', baseUrl: 'https://gitlab.com' },
  { kind: 'github', baseUrl: 'https://github.com' },
];

/** The matched host, its canonical base URL and the URL path after that base (always starting with `/` or empty). */
export interface HostMatch {
  host: HostConfig;
  /** `origin` + base path without trailing slash: the same string for every spelling of one configured base URL. */
  baseUrl: string;
  /** Raw (still percent-encoded) path below the base, e.g. `/group/project/-/issues/1`. */
  rest: string;
}

interface ParsedBase {
  origin: string;
  /** Lower-cased base path without trailing slash; '' for a host root. */
  prefix: string;
  /** Base path as configured, minus trailing slash (keeps case for the canonical base URL). */
  path: string;
}

function parseBase(baseUrl: string): ParsedBase | null {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const path = u.pathname.replace(/\/+$/, '');
  return { origin: u.origin, prefix: path.toLowerCase(), path };
}

/** Canonical form of a configured base URL (lower-case origin, no trailing slash), or null when it is not http(s). */
export function normalizeBaseUrl(baseUrl: string): string | null {
  const b = parseBase(baseUrl);
  return b ? b.origin + b.path : null;
}

/**
 * The host config whose origin equals the URL's and whose base path is the longest prefix of the URL's path
 * (compared case-insensitively, on whole segments). Built-in hosts are always candidates and win ties.
 */
export function hostFor(url: string | URL, hosts: readonly HostConfig[]): HostMatch | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const pathLower = u.pathname.toLowerCase();
  let best: { host: HostConfig; base: ParsedBase } | null = null;
  for (const host of [...BUILT_IN_HOSTS, ...hosts]) {
    const base = parseBase(host.baseUrl);
    if (!base || base.origin !== u.origin) continue;
    const inside = base.prefix === '' || pathLower === base.prefix || pathLower.startsWith(base.prefix + '/');
    if (!inside) continue;
    if (!best || base.prefix.length > best.base.prefix.length) best = { host, base };
  }
  if (!best) return null;
  return {
    host: best.host,
    baseUrl: best.base.origin + best.base.path,
    rest: u.pathname.slice(best.base.prefix.length),
  };
}
