// Where links point: github.com serves its API at api.github.com, GitHub Enterprise at `<host>/api/v3`.
import type { SandboxRequest } from '../core';

export interface Bases {
  /** Web origin, e.g. https://github.com or http://127.0.0.1:PORT (GHE). */
  web: string;
  /** REST root without trailing slash, e.g. https://api.github.com or http://127.0.0.1:PORT/api/v3. */
  api: string;
  /** True when the client reached us as github.com / api.github.com (e2e host mapping). */
  dotcom: boolean;
}

export function basesOf(req: Pick<SandboxRequest, 'base'>): Bases {
  const url = new URL(req.base);
  if (url.hostname === 'github.com' || url.hostname === 'api.github.com' || url.hostname === 'www.github.com') {
    return { web: 'https://github.com', api: 'https://api.github.com', dotcom: true };
  }
  return { web: req.base, api: `${req.base}/api/v3`, dotcom: false };
}
