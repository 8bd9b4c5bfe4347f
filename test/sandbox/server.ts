// The sandbox forge: a self-managed GitLab and a GitHub Enterprise on loopback, with in-memory state.
import { Faults, serveForge, type Fault, type RecordedRequest, type SandboxReply, type SandboxRequest } from './core';
import { createGitlabState, gitlabHandler, type GitlabState } from './gitlab';
import { createGithubState, githubHandler, type GithubState } from './github';

export interface Sandbox {
  /** Self-managed GitLab: API at `${url}/api/v4`, GraphQL at `${url}/api/graphql`; also served under `${url}/gitlab` (relative URL root). */
  gitlab: { url: string; state: GitlabState };
  /** GitHub Enterprise: pages at `${url}`, REST API at `apiUrl` (= `${url}/api/v3`). */
  github: { url: string; apiUrl: string; state: GithubState };
  faults: Faults;
  /** API requests as the sandbox saw them (control and page requests excluded). */
  requests: RecordedRequest[];
  /** Latency added to every API answer, in ms. */
  latencyMs: number;
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxOptions {
  gitlabPort?: number;
  githubPort?: number;
  latencyMs?: number;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const sb = {
    faults,
    requests,
    latencyMs: opts.latencyMs ?? 0,
    gitlabState: createGitlabState(),
    githubState: createGithubState(),
  };
  const control = (req: SandboxRequest): SandboxReply | null => {
    const what = req.path.slice('/__sandbox/'.length);
    if (what === 'reset' && req.method === 'POST') {
      sandbox.reset();
      return { status: 204 };
    }
    if (what === 'requests' && req.method === 'GET') return { status: 200, body: requests };
    if (what === 'requests' && req.method === 'DELETE') {
      requests.length = 0;
      return { status: 204 };
    }
    if (what === 'faults' && req.method === 'POST') {
      const f = req.body as Fault & { pathPattern?: string };
      faults.add({ ...f, path: f.pathPattern ? new RegExp(f.pathPattern) : f.path });
      return { status: 204 };
    }
    if (what === 'faults' && req.method === 'DELETE') {
      faults.clear();
      return { status: 204 };
    }
    if (what === 'latency' && req.method === 'POST') {
      sandbox.latencyMs = Number((req.body as { ms?: number })?.ms ?? 0);
      return { status: 204 };
    }
    return null;
  };
  const gl = await serveForge({
    forge: 'gitlab',
    handler: () => (req) => gitlabHandler(sandbox.gitlab.state, req),
    faults,
    log: requests,
    latencyMs: () => sandbox.latencyMs,
    control,
    port: opts.gitlabPort,
    roots: ['/gitlab'],
  });
  const gh = await serveForge({
    forge: 'github',
    handler: () => (req) => githubHandler(sandbox.github.state, req),
    faults,
    log: requests,
    latencyMs: () => sandbox.latencyMs,
    control,
    port: opts.githubPort,
  });
  const sandbox: Sandbox = {
    gitlab: { url: gl.url, state: sb.gitlabState },
    github: { url: gh.url, apiUrl: `${gh.url}/api/v3`, state: sb.githubState },
    faults,
    requests,
    latencyMs: sb.latencyMs,
    reset() {
      sandbox.gitlab.state = createGitlabState();
      sandbox.github.state = createGithubState();
      faults.clear();
      requests.length = 0;
    },
    async close() {
      const closed = Promise.all([gl, gh].map((s) => new Promise<void>((r) => s.server.close(() => r()))));
      // Kept-alive sockets stay open for minutes (core.ts): end them now, or close() would wait for them.
      gl.server.closeAllConnections();
      gh.server.closeAllConnections();
      await closed;
    },
  };
  return sandbox;
}
