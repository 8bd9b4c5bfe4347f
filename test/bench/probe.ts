// Runs in the page (addInitScript): when DOMContentLoaded fired and when our panel first said data-state="ready".
// (Long tasks come from a trace instead: the page's PerformanceObserver does not see the content script's tasks.)
export const PROBE = `(() => {
  const r = { dcl: 0, ready: 0 };
  window.__refineryBench = r;
  const epoch = () => performance.timeOrigin + performance.now();
  document.addEventListener('DOMContentLoaded', () => { r.dcl = epoch(); });
  const watchHost = (host) => {
    const root = host.shadowRoot;
    if (!root) return;
    const check = () => { if (!r.ready && root.querySelector('[data-state="ready"]')) r.ready = epoch(); };
    check();
    new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  };
  new MutationObserver((records) => {
    for (const rec of records) for (const n of rec.addedNodes) {
      if (n.nodeType === 1 && n.getAttribute('data-refinery') === 'panel') watchHost(n);
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

export interface ProbeResult {
  dcl: number;
  ready: number;
}
