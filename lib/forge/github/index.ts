// GitHub adapter: github.com, GitHub Enterprise Cloud (GHE.com) and GitHub Enterprise Server.
export { createGithubForge, GithubForge, scopeProblems, type GithubForgeOptions } from './adapter';
export { githubApiBaseUrl } from './api-base';
