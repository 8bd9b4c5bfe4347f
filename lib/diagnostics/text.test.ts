import { describe, expect, it } from 'vitest';
import type { PageDiagnosis } from './model';
import { pageDiagnosis } from './schema';
import { browserName, diagnosticsText } from './text';

const docked: PageDiagnosis = {
  forge: 'github',
  host: 'built-in',
  recognition: { status: 'recognised', page: 'issue (issue)' },
  dataPage: null,
  routePattern: '/_view_fragments/issues/show/:user_id/:repository/:id/issue_layout(.:format)',
  features: [
    {
      feature: 'panel',
      anchors: [
        { selector: '[data-testid="issue-body"]', found: false },
        { selector: '#partial-discussion-sidebar', found: true },
      ],
      placed: 'anchored',
    },
    { feature: 'badges', anchors: [], placed: 'none', rows: { badged: 0, unplaced: 12 } },
  ],
};

describe('diagnostics text', () => {
  it('names version, browser, forge, page, markers, anchors found and missing, rows', () => {
    const text = diagnosticsText(docked, { version: '0.1.0', browser: 'Chrome 156' });
    expect(text.split('\n')).toEqual([
      'Refinery diagnostics',
      'Version: 0.1.0',
      'Browser: Chrome 156',
      'Forge: GitHub (built-in)',
      'Page: recognised as issue (issue)',
      'data-page: (none)',
      'route-pattern: /_view_fragments/issues/show/:user_id/:repository/:id/issue_layout(.:format)',
      'panel: placed next to the page content',
      '  anchors found: #partial-discussion-sidebar',
      '  anchors missing: [data-testid="issue-body"]',
      'badges: not placed',
      '  rows with a badge: 0; issue links outside them: 12',
    ]);
  });

  it('says when the sidebar section found no sidebar and the full panel shows instead', async () => {
    const { placedText } = await import('./text');
    expect(placedText('fallback')).toBe('no issue sidebar found: shown in the full panel instead');
    const { pageDiagnosis } = await import('./schema');
    const d = { forge: 'github', host: 'built-in', recognition: { status: 'recognised', page: 'issue (issue)' }, dataPage: null, routePattern: null,
      features: [{ feature: 'sidebar', anchors: [{ selector: '#partial-discussion-sidebar', found: false }], placed: 'fallback' }] };
    expect(pageDiagnosis.safeParse(d).success).toBe(true);
  });

  it('says why a page was refused', () => {
    const text = diagnosticsText(
      { ...docked, recognition: { status: 'vetoed', page: 'issue (issue)', reason: 'route-pattern "/:user_id/:repository/pull/:id(.:format)" names a pull request' }, features: [] },
      { version: '1', browser: 'Firefox 153' },
    );
    expect(text).toContain('Page: the URL says issue (issue), but the page refused it: route-pattern "/:user_id/:repository/pull/:id(.:format)" names a pull request');
  });

  it('keeps only the browser name and major version of the user agent', () => {
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.114 Safari/537.36')).toBe('Chrome 156');
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe('Firefox 153');
    expect(browserName('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/150.0 Safari/537.36 Edg/150.0.1')).toBe('Edge 150');
    expect(browserName('curl/8')).toBe('unknown browser');
  });

  it("the popup's schema takes a diagnosis and refuses oversized or foreign answers", () => {
    expect(pageDiagnosis.safeParse(docked).success).toBe(true);
    expect(pageDiagnosis.safeParse({ ...docked, dataPage: 'x'.repeat(5000) }).success).toBe(false);
    expect(pageDiagnosis.safeParse({ ...docked, recognition: { status: 'pwned' } }).success).toBe(false);
    expect(pageDiagnosis.safeParse('<img src=x onerror=alert(1)>').success).toBe(false);
  });
});
