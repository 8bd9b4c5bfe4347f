// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDiagnosisBoard } from './board';

describe('the diagnosis board', () => {
  it("reads the page's markers when asked and asks each feature's reporter then", () => {
    document.head.innerHTML = '<meta name="route-pattern" content="/:user_id/:repository/issues/:id(.:format)">';
    document.body.setAttribute('data-page', 'projects:issues:show');
    const board = createDiagnosisBoard('gitlab', document, { status: 'unknown-host' }, 'self-managed');
    let asked = 0;
    const remove = board.report('panel', () => {
      asked++;
      return { feature: 'panel', anchors: [{ selector: '#x', found: false }], placed: 'docked' };
    });
    board.report('broken', () => {
      throw new Error('a reporter fails');
    });
    expect(asked).toBe(0);
    board.setRecognition({ status: 'recognised', page: 'issue (issue)' });
    expect(board.snapshot()).toEqual({
      forge: 'gitlab',
      host: 'self-managed',
      recognition: { status: 'recognised', page: 'issue (issue)' },
      dataPage: 'projects:issues:show',
      routePattern: '/:user_id/:repository/issues/:id(.:format)',
      features: [{ feature: 'panel', anchors: [{ selector: '#x', found: false }], placed: 'docked' }],
    });
    expect(asked).toBe(1);
    remove();
    expect(board.snapshot().features).toEqual([]);
  });
});
