// The options page: connections to GitLab / GitHub hosts and their tokens, and the team's handbook settings.
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { call, type ConnectionInfo } from '@/lib/messaging';
import { AddConnectionForm } from './AddConnectionForm';
import { ConnectionItem } from './ConnectionItem';
import { LayoutOption } from './LayoutOption';
import { SettingsForm } from './SettingsForm';
import { TeamForm } from './TeamForm';
import { TemplatesOptions } from '@/components/templates/TemplatesOptions';
import { describeError } from './describeError';
import { hostPermissionPattern } from './baseUrl';
import { optionsStyles } from './styles';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready' };

export function Options() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [connections, setConnections] = useState<ConnectionInfo[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    call('listConnections', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setConnections(r.data);
        setLoad({ status: 'ready' });
      } else {
        setLoad({ status: 'failed', message: describeError(r.error) });
      }
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const upsert = useCallback((info: ConnectionInfo) => {
    setConnections((list) =>
      list.some((c) => c.id === info.id) ? list.map((c) => (c.id === info.id ? info : c)) : [...list, info],
    );
  }, []);

  const removed = useCallback(
    (id: string) => {
      const gone = connections.find((c) => c.id === id);
      const rest = connections.filter((c) => c.id !== id);
      setConnections(rest);
      // Give back the host permission unless another connection still uses that host.
      if (gone && !gone.builtIn) {
        const pattern = hostPermissionPattern(gone.baseUrl);
        if (!rest.some((c) => hostPermissionPattern(c.baseUrl) === pattern)) {
          browser.permissions.remove({ origins: [pattern] }).catch(() => undefined);
        }
      }
    },
    [connections],
  );

  return (
    <main className="options">
      <style>{optionsStyles}</style>
      <h1>Refinery options</h1>

      <section aria-labelledby="connections-heading">
        <h2 id="connections-heading">Connections</h2>
        {load.status === 'loading' && (
          <p role="status" aria-live="polite">
            Loading connections…
          </p>
        )}
        {load.status === 'failed' && (
          <div role="alert" className="error">
            <p>Could not load the connections: {load.message}</p>
            <button
              type="button"
              onClick={() => {
                setLoad({ status: 'loading' });
                setAttempt((a) => a + 1);
              }}
            >
              Retry
            </button>
          </div>
        )}
        {load.status === 'ready' && (
          <ul className="connections" aria-label="Connections">
            {connections.map((c) => (
              <li key={c.id}>
                <ConnectionItem connection={c} onSaved={upsert} onRemoved={removed} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add a self-managed host</h2>
        <AddConnectionForm existing={connections} onSaved={upsert} />
      </section>

      <section aria-labelledby="layout-heading">
        <h2 id="layout-heading">Issue pages</h2>
        <LayoutOption />
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Handbook settings</h2>
        <SettingsForm />
      </section>

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">Templates</h2>
        <TemplatesOptions />
      </section>

      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">Lists and capacity</h2>
        <TeamForm />
      </section>
    </main>
  );
}
