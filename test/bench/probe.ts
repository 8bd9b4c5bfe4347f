// Runs in the page (addInitScript): when DOMContentLoaded fired and when our UI first said data-state="ready" (the
// sidebar section, the default layout, or the full panel); for the sidebar section, its height when it appeared and
// now, and the layout shifts of the page when it appeared and after (the page's CLS contribution from then on).
// (Long tasks come from a trace instead: the page's PerformanceObserver does not see the content script's tasks.)
export const PROBE = `(() => {
  const r = { dcl: 0, ready: 0, sidebarAt: 0, sidebarShownAt: 0, sidebarHeight: 0, shiftsOnAppear: 0, shiftsAfter: 0 };
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
      if (n.nodeType !== 1) continue;
      const feature = n.getAttribute('data-refinery');
      if (feature === 'sidebar' && !r.sidebarAt) {
        r.sidebarAt = performance.now();
        r.sidebarHeight = n.getBoundingClientRect().height;
        // The frame that paints it is the appearance; anything after the next frame began is a shift after it.
        requestAnimationFrame(() => requestAnimationFrame((t) => { r.sidebarShownAt = t; }));
      }
      if (feature === 'panel' || feature === 'sidebar') watchHost(n);
    }
  }).observe(document, { subtree: true, childList: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!r.sidebarAt || e.startTime < r.sidebarAt || e.hadRecentInput) continue;
      if (!r.sidebarShownAt || e.startTime < r.sidebarShownAt) r.shiftsOnAppear += e.value;
      else r.shiftsAfter += e.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

export interface ProbeResult {
  dcl: number;
  ready: number;
  /** performance.now() when the sidebar section entered the page (0: it did not). */
  sidebarAt: number;
  /** Its height then, px. */
  sidebarHeight: number;
  /** performance.now() of the frame after the one that painted it. */
  sidebarShownAt: number;
  /** Layout-shift score of the frame the section appeared in (the sidebar's own sections below it move down once). */
  shiftsOnAppear: number;
  /** Layout-shift score of the page after the section appeared (without recent input): budget 0. */
  shiftsAfter: number;
}
