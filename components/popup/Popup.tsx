// The toolbar popup: which hosts are connected and whether each has a token; the options page does the rest.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { call, type ConnectionInfo } from '@/lib/messaging';
import { kindName, shortUrl } from '@/components/options/connectionText';
import { describeError } from '@/components/options/describeError';
import { Capacity, capacityStyles } from './Capacity';
import { PageDiagnostics, pageDiagnosticsStyles } from './PageDiagnostics';
import { popupStyles } from './styles';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; connections: ConnectionInfo[] };

export function Popup() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    call('listConnections', {}).then((r) => {
      if (live) setLoad(r.ok ? { status: 'ready', connections: r.data } : { status: 'failed', message: describeError(r.error) });
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="popup">
      <style>{popupStyles + capacityStyles + pageDiagnosticsStyles}</style>
      <h1>Refinery</h1>
      {load.status === 'loading' && (
        <p role="status" aria-live="polite">
          Loading connections…
        </p>
      )}
      {load.status === 'failed' && (
        <p role="alert" className="error">
          Could not load the connections: {load.message}
        </p>
      )}
      {load.status === 'ready' && (
        <ul aria-label="Connections">
          {load.connections.map((c) => (
            <li key={c.id}>
              <span className="host">
                {kindName(c)} — {shortUrl(c.baseUrl)}
              </span>
              <span className={c.hasToken ? 'ok' : 'missing'}>{c.hasToken ? 'Token set' : 'No token'}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
        Open options
      </button>
      {load.status === 'ready' && <Capacity connections={load.connections} />}
      <PageDiagnostics />
    </main>
  );
}
