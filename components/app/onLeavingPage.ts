// The page is hidden or left (reload, tab closed, navigation away). Its unload does not unmount our React trees, so
// what waits to be saved must be saved on these events (drafts: components/status/useAutosave.ts, templates/OwnEditor).

/** Calls `cb` when the page is hidden or left; returns the removal. */
export function onLeavingPage(cb: () => void): () => void {
  const hidden = () => {
    if (document.visibilityState === 'hidden') cb();
  };
  window.addEventListener('pagehide', cb);
  window.addEventListener('beforeunload', cb);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    window.removeEventListener('pagehide', cb);
    window.removeEventListener('beforeunload', cb);
    document.removeEventListener('visibilitychange', hidden);
  };
}
