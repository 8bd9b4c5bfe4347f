// Adds a self-managed GitLab or GitHub Enterprise host. The host permission is requested first, from the click.
import { useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { insecureWarning, isInsecureBaseUrl } from '@/lib/forge/model';
import { call, type ConnectionInfo } from '@/lib/messaging';
import { checkBaseUrl, hostPermissionPattern, type HostKind } from './baseUrl';
import { describeError } from './describeError';
import { TokenHelp } from './TokenHelp';

export interface AddConnectionFormProps {
  existing: readonly ConnectionInfo[];
  onSaved(info: ConnectionInfo): void;
}

export function AddConnectionForm({ existing, onSaved }: AddConnectionFormProps) {
  const urlId = useId();
  const urlErrorId = useId();
  const tokenId = useId();
  const helpId = useId();
  const [kind, setKind] = useState<HostKind>('gitlab');
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [insecureConfirmed, setInsecureConfirmed] = useState(false);
  const riskId = useId();

  const typed = checkBaseUrl(kind, address, existing);
  // http:// to a host that is not loopback: the token would cross the network in clear text.
  const insecure = typed.ok && isInsecureBaseUrl(typed.baseUrl);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return; // one save at a time: nothing is added twice
    setDone(null);
    setFormError(null);
    const checked = checkBaseUrl(kind, address, existing);
    if (!checked.ok) {
      setUrlError(checked.message);
      return;
    }
    if (isInsecureBaseUrl(checked.baseUrl) && !insecureConfirmed) {
      setUrlError(`${checked.host} is reached over http://: use https://, or tick the box below to accept the risk.`);
      return;
    }
    setUrlError(null);
    setBusy(true);
    // Must be the first await: browsers only grant permission requests made during the user's click.
    let granted = false;
    try {
      granted = await browser.permissions.request({ origins: [hostPermissionPattern(checked.baseUrl)] });
    } catch (err) {
      setBusy(false);
      setFormError(`Could not ask for access to ${checked.host}: ${String(err)}`);
      return;
    }
    if (!granted) {
      setBusy(false);
      setFormError(`Access to ${checked.host} was refused, so nothing was saved. Refinery needs it to read issues there.`);
      return;
    }
    const value = token.trim();
    const r = await call('saveConnection', {
      kind,
      baseUrl: checked.baseUrl,
      ...(value ? { token: value } : {}),
      ...(isInsecureBaseUrl(checked.baseUrl) ? { allowInsecure: insecureConfirmed } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setFormError(`${checked.host} was not added: ${describeError(r.error)}`);
      return;
    }
    setAddress('');
    setToken('');
    setInsecureConfirmed(false);
    setDone(`Added ${checked.host}.`);
    onSaved(r.data);
  }

  return (
    <form className="add-form" onSubmit={submit} aria-label="Add a self-managed host" noValidate>
      <fieldset>
        <legend>Kind</legend>
        <label>
          <input type="radio" name="kind" value="gitlab" checked={kind === 'gitlab'} onChange={() => setKind('gitlab')} />
          GitLab (self-managed)
        </label>
        <label>
          <input type="radio" name="kind" value="github" checked={kind === 'github'} onChange={() => setKind('github')} />
          GitHub Enterprise
        </label>
      </fieldset>

      <label htmlFor={urlId}>Server address</label>
      <input
        id={urlId}
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder={kind === 'gitlab' ? 'https://gitlab.example.com' : 'https://github.example.com'}
        value={address}
        onChange={(e) => {
          setAddress(e.target.value);
          setInsecureConfirmed(false); // a confirmation names one host
        }}
        aria-invalid={urlError !== null}
        aria-describedby={urlError ? urlErrorId : undefined}
      />
      {urlError && (
        <p id={urlErrorId} role="alert" className="error">
          {urlError}
        </p>
      )}
      {insecure && (
        <label className="risk">
          <input
            type="checkbox"
            checked={insecureConfirmed}
            onChange={(e) => setInsecureConfirmed(e.target.checked)}
            aria-describedby={riskId}
          />
          {insecureWarning(typed.baseUrl)}
        </label>
      )}
      {insecure && (
        <p id={riskId} className="help">
          Without https:// the token travels unencrypted. Only loopback addresses (localhost, 127.0.0.1, [::1]) are safe over http://.
        </p>
      )}
      {kind === 'gitlab' && <p className="help">Include the relative root if GitLab is served under a path, like https://example.com/gitlab.</p>}

      <label htmlFor={tokenId}>Personal access token (optional, can be set later)</label>
      <input
        id={tokenId}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        aria-describedby={helpId}
      />
      <TokenHelp kind={kind} baseUrl={typed.ok ? typed.baseUrl : null} id={helpId} />

      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      {done && (
        <p role="status" className="result">
          {done}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add host'}
      </button>
    </form>
  );
}
