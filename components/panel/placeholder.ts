// The panel's loading state as plain DOM, shown until its first render (panelStart.ts): the same region, title and
// status line as Panel's loading state, so screen readers and styles see one panel throughout.
export const LOADING_TEXT = 'Loading issue…';

export function loadingPlaceholder(doc: Document): HTMLElement {
  const region = doc.createElement('section');
  region.className = 'refinery-panel';
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Refinery');
  region.dataset.state = 'loading';
  const title = doc.createElement('h2');
  title.className = 'title';
  title.textContent = 'Refinery';
  const status = doc.createElement('p');
  status.className = 'loading';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.textContent = LOADING_TEXT;
  region.append(title, status);
  return region;
}
