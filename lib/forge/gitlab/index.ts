// The GitLab adapter; the background creates one per connection.
export { GitlabForge, tokenProblems } from './gitlab-forge';
