// "This page" in the popup: what Refinery made of the current tab (recognised, refused and why, or left alone), where
// each feature looked for its place and what it found, and "Copy diagnostics" for a bug report. The tab's content
// script answers (lib/content/answer-diagnosis.ts); the answer is checked, as everything from a page is.
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { DIAGNOSE_MESSAGE, type PageDiagnosis } from '@/lib/diagnostics/model';
import { pageDiagnosis } from '@/lib/diagnostics/schema';
import { browserName, diagnosticsText, placedText, recognitionText } from '@/lib/diagnostics/text';

type Load = { status: 'loading' } | { status: 'absent' } | { status: 'ready'; diagnosis: PageDiagnosis };

/** The tab the popup is about: `?tab=<id>` when the popup was opened as a page for a tab, else the active tab. */
async function currentTabId(): Promise<number | null> {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isSafeInteger(asked) && asked > 0) return asked;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function askTab(): Promise<PageDiagnosis | null> {
  const tabId = await currentTabId();
  if (tabId === null) return null;
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, { type: DIAGNOSE_MESSAGE });
    const parsed = pageDiagnosis.safeParse(answer);
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // no content script of ours in that tab
  }
}

async function copy(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no focus, an older browser): the selected text and the copy command.
    if (!fallback) return false;
    fallback.select();
    return document.execCommand('copy');
  }
}

export function PageDiagnostics() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [copied, setCopied] = useState<boolean | null>(null);
  const [field, setField] = useState<HTMLTextAreaElement | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    void askTab().then((diagnosis) => live && setLoad(diagnosis ? { status: 'ready', diagnosis } : { status: 'absent' }));
    return () => {
      live = false;
    };
  }, []);

  const text =
    load.status === 'ready' ? diagnosticsText(load.diagnosis, { version: browser.runtime.getManifest().version, browser: browserName(navigator.userAgent) }) : '';

  return (
    <section className="page-diagnostics" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>This page</h2>
      {load.status === 'loading' && <p role="status">Asking the page…</p>}
      {load.status === 'absent' && <p>Refinery does not run on this page: it is not on a GitLab or GitHub host Refinery knows.</p>}
      {load.status === 'ready' && (
        <>
          <p className="recognition">
            {load.diagnosis.forge === 'gitlab' ? 'GitLab' : 'GitHub'}: {recognitionText(load.diagnosis.recognition)}.
          </p>
          <ul aria-label="Where Refinery looked">
            {load.diagnosis.features.map((f) => (
              <li key={f.feature}>
                <span className={f.placed === 'docked' ? 'missing' : undefined}>
                  {f.feature}: {placedText(f.placed)}
                  {f.rows ? ` (${f.rows.badged} rows with a badge, ${f.rows.unplaced} issue links outside them)` : ''}
                </span>
                {f.anchors.length > 0 && (
                  <details>
                    <summary>Anchors tried</summary>
                    <ul aria-label={`Anchors tried for ${f.feature}`}>
                      {f.anchors.map((a) => (
                        <li key={a.selector}>
                          <code>{a.selector}</code> {a.found ? 'found' : 'missing'}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => void copy(text, field).then(setCopied)}
          >
            Copy diagnostics
          </button>
          <p role="status" aria-live="polite">
            {copied === true ? 'Copied.' : copied === false ? 'Could not copy: select the text below and copy it.' : ''}
          </p>
          <details>
            <summary>What is copied</summary>
            <textarea ref={setField} readOnly aria-label="Diagnostics text" value={text} rows={8} />
          </details>
        </>
      )}
    </section>
  );
}

export const pageDiagnosticsStyles = `
.page-diagnostics { border-top: 1px solid color-mix(in srgb, CanvasText 20%, transparent); margin-top: 10px; padding-top: 8px; }
.page-diagnostics h2 { font-size: 0.9rem; margin: 0 0 4px; }
.page-diagnostics p { margin: 0 0 6px; }
.page-diagnostics ul { display: block; }
.page-diagnostics li { display: block; margin-bottom: 4px; }
.page-diagnostics code { font-size: 0.85em; overflow-wrap: anywhere; }
.page-diagnostics textarea { width: 100%; box-sizing: border-box; font: 11px/1.3 ui-monospace, monospace; }
`;
