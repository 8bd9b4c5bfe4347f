import type { HostKind } from './baseUrl';
import { tokenPageUrl } from './baseUrl';

/** Which token to create and where; `baseUrl` is null while the address typed so far is not valid. */
export function TokenHelp({ kind, baseUrl, id }: { kind: HostKind; baseUrl: string | null; id?: string }) {
  const link = baseUrl && (
    <a href={tokenPageUrl(kind, baseUrl)} target="_blank" rel="noreferrer">
      {kind === 'gitlab' ? 'Create a GitLab token' : 'Create a GitHub token'}
    </a>
  );
  return kind === 'gitlab' ? (
    <p className="help" id={id}>
      Use a GitLab personal access token with the <code>api</code> scope. {link}
    </p>
  ) : (
    <p className="help" id={id}>
      Use a fine-grained personal access token with repository permissions <strong>Issues: Read and write</strong> and{' '}
      <strong>Pull requests: Read-only</strong>. {link}
    </p>
  );
}
