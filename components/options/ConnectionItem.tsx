// One connection: its token state, a connection test, setting a new token, and removal for self-managed hosts.
import { useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { call, type ConnectionInfo, type Response } from '@/lib/messaging';
import { describeError } from './describeError';
import { hostPermissionPattern } from './baseUrl';
import { kindName, maskedToken, shortUrl } from './connectionText';
import { TokenHelp } from './TokenHelp';

type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: Response<'testConnection'> }
  | { status: 'failed'; message: string };

export interface ConnectionItemProps {
  connection: ConnectionInfo;
  onSaved(info: ConnectionInfo): void;
  onRemoved(id: string): void;
}

export function ConnectionItem({ connection: c, onSaved, onRemoved }: ConnectionItemProps) {
  const titleId = useId();
  const tokenId = useId();
  const helpId = useId();
  const host = shortUrl(c.baseUrl);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [editing, setEditing] = useState(false);
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function runTest() {
    setTest({ status: 'running' });
    const r = await call('testConnection', { id: c.id });
    setTest(r.ok ? { status: 'done', result: r.data } : { status: 'failed', message: describeError(r.error) });
  }

  async function saveToken(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const value = token.trim();
    if (value === '') {
      setTokenError('Paste a token first.');
      return;
    }
    setTokenError(null);
    setSaving(true);
    // Self-managed hosts: make sure the host permission is (still) granted, while we have the user's click.
    if (!c.builtIn) {
      let granted = false;
      try {
        granted = await browser.permissions.request({ origins: [hostPermissionPattern(c.baseUrl)] });
      } catch (err) {
        setSaving(false);
        setTokenError(`Could not ask for access to ${host}: ${String(err)}`);
        return;
      }
      if (!granted) {
        setSaving(false);
        setTokenError(`Access to ${host} was refused, so the token was not saved.`);
        return;
      }
    }
    const r = await call('saveConnection', { id: c.id, kind: c.kind, baseUrl: c.baseUrl, token: value });
    setSaving(false);
    if (!r.ok) {
      setTokenError(`The token was not saved: ${describeError(r.error)}`);
      return;
    }
    setToken('');
    setEditing(false);
    setSaved(true);
    setTest({ status: 'idle' });
    onSaved(r.data);
  }

  async function remove() {
    setRemoveError(null);
    const r = await call('removeConnection', { id: c.id });
    if (!r.ok) {
      setRemoveError(`Could not remove ${host}: ${describeError(r.error)}`);
      return;
    }
    onRemoved(c.id);
  }

  return (
    <article className="connection" aria-labelledby={titleId}>
      <header className="connection-head">
        <h3 id={titleId}>
          {kindName(c)} — {host}
        </h3>
        {c.builtIn && <span className="badge">Built-in</span>}
      </header>
      <dl className="connection-facts">
        <div>
          <dt>Address</dt>
          <dd>{c.baseUrl}</dd>
        </div>
        <div>
          <dt>Token</dt>
          <dd>{maskedToken(c)}</dd>
        </div>
      </dl>

      <div className="actions">
        <button
          type="button"
          onClick={runTest}
          disabled={test.status === 'running'}
          aria-label={`Test connection to ${host}`}
        >
          {test.status === 'running' ? 'Testing…' : 'Test connection'}
        </button>
        {!editing && (
          <button
            type="button"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
            aria-label={`Set token for ${host}`}
          >
            Set token
          </button>
        )}
        {!c.builtIn && !confirmRemove && (
          <button type="button" onClick={() => setConfirmRemove(true)} aria-label={`Remove ${host}`}>
            Remove
          </button>
        )}
      </div>

      {test.status === 'done' && (
        <div role="status" className="result">
          <p>
            Connected as {test.result.user.name} (@{test.result.user.username})
          </p>
          {test.result.problems.length > 0 && (
            <ul className="problems" aria-label="Problems">
              {test.result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {test.status === 'failed' && (
        <p role="alert" className="error">
          {test.message}
        </p>
      )}
      {saved && (
        <p role="status" className="result">
          Token saved.
        </p>
      )}

      {editing && (
        <form className="token-form" onSubmit={saveToken} aria-label={`Set token for ${host}`} noValidate>
          <label htmlFor={tokenId}>Token for {host}</label>
          <input
            id={tokenId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={helpId}
            aria-invalid={tokenError !== null}
          />
          <TokenHelp kind={c.kind} baseUrl={c.baseUrl} id={helpId} />
          {tokenError && (
            <p role="alert" className="error">
              {tokenError}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save token'}
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                setTokenError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}

      {confirmRemove && (
        <div className="confirm" role="group" aria-label={`Confirm removing ${host}`}>
          <p>Remove {host} and its token from Refinery? Nothing changes on the server.</p>
          <div className="actions">
            <button type="button" className="danger" onClick={remove}>
              Remove connection
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep it
            </button>
          </div>
          {removeError && (
            <p role="alert" className="error">
              {removeError}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
