// `npm run sandbox`: the sandbox forge alone, until Ctrl+C, printing where to reach it. Ports from SANDBOX_GITLAB_PORT
// / SANDBOX_GITHUB_PORT (default: any free one); SANDBOX_ONCE=1 prints the URLs and stops (a check that it starts).
import { startSandbox } from './server';

const port = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

const sandbox = await startSandbox({ gitlabPort: port('SANDBOX_GITLAB_PORT'), githubPort: port('SANDBOX_GITHUB_PORT') });
console.log(
  [
    'Refinery sandbox forge (in memory; tokens: sandbox-gitlab-token, sandbox-github-token)',
    `  GitLab (self-managed):      ${sandbox.gitlab.url}   issue page: ${sandbox.gitlab.url}/acme/platform/backend/-/issues/1`,
    `  GitLab under /gitlab:       ${sandbox.gitlab.url}/gitlab   REST: ${sandbox.gitlab.url}/api/v4`,
    `  GitHub Enterprise:          ${sandbox.github.url}   issue page: ${sandbox.github.url}/acme/widgets/issues/1`,
    `  GitHub REST:                ${sandbox.github.apiUrl}`,
    `  Control: POST ${sandbox.gitlab.url}/__sandbox/reset, GET …/__sandbox/requests`,
  ].join('\n'),
);
if (process.env.SANDBOX_ONCE) {
  await sandbox.close();
} else {
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
