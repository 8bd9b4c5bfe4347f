// @vitest-environment happy-dom
// Recognition and the mount point over the real captured pages (../shared/real-pages), not our imitation of them.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { REAL_PAGES, readRealPage } from '../../test/real-pages/catalogue';
import { findMountPoint, findSidebarPoint, recognizePage } from './index';
import { vetoOf } from './corroborate';
import { parsePageUrl } from './recognize';

/** The page as a browser would parse it, at its URL, with none of its scripts or styles fetched or run. */
function load(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe.each(REAL_PAGES)('real page $file', (real) => {
  const url = `${real.baseUrl}${real.path}`;
  const hosts = [{ kind: real.forge, baseUrl: real.baseUrl }];
  const doc = load(readRealPage(real), url);

  it('is recognised as the issue it shows, with nothing on the page vetoing it', () => {
    const page = parsePageUrl(url, hosts);
    expect(page?.type).toBe('issue');
    expect(vetoOf(page!, doc)).toBeNull();
    const recognised = recognizePage(url, doc, hosts);
    expect(recognised).toMatchObject({ type: 'issue', forge: real.forge, ref: { path: real.project, iid: real.iid } });
  });

  it('offers the anchor next to the issue (not the docked fallback)', () => {
    const page = recognizePage(url, doc, hosts)!;
    const point = findMountPoint(doc, page);
    expect(point.docked).toBe(false);
    expect(point.anchor).toBe(doc.querySelector(real.anchor));
  });

  it(real.sidebar ? "offers a place in the issue's own sidebar" : 'has no sidebar: the panel is used', () => {
    const point = findSidebarPoint(doc, recognizePage(url, doc, hosts)!);
    if (!real.sidebar) return expect(point).toBeNull();
    expect(point).not.toBeNull();
    expect(point!.anchor.closest(real.sidebar)).toBe(doc.querySelector(real.sidebar));
  });

  it("has the page's own title where the catalogue says", () => {
    const title = doc.querySelector(real.title);
    expect(title, real.title).not.toBeNull();
    if (real.titleText) expect(title!.textContent!.replace(/\s+/g, ' ').trim()).toBe(real.titleText);
  });
});
