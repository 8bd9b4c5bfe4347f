// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { matchesHint, pageHint } from './hint';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('page hints', () => {
  it('reads GitLab work-item title and scoped label chips', () => {
    document.body.innerHTML = `<h1 data-testid="work-item-title"> Add  rate limiting </h1>
      <div data-testid="work-item-labels"><span class="gl-label"><a><span class="gl-label-text">workflow</span><span class="gl-label-text-scoped">in dev</span></a></span>
      <span class="gl-label"><a><span class="gl-label-text">backend</span></a></span></div>`;
    expect(pageHint(document, 'gitlab')).toEqual({ title: 'Add rate limiting', labels: ['workflow::in dev', 'backend'] });
  });

  it('reads GitHub title and label links', () => {
    document.body.innerHTML = `<bdi data-testid="issue-title">Remember viewed files</bdi><div data-testid="issue-labels"><a>type::feature</a><a> backend </a></div>`;
    expect(pageHint(document, 'github')).toEqual({ title: 'Remember viewed files', labels: ['type::feature', 'backend'] });
  });

  it('reads GitHub label chips by their name, not the description read to screen readers', () => {
    document.body.innerHTML = `<bdi data-testid="issue-title">Docs</bdi><div data-testid="issue-labels"><a class="IssueLabel" data-name="documentation"><span class="TokenTextContainer">documentation</span><span class="sr-only">Improvements or additions to documentation</span></a></div>`;
    const hint = pageHint(document, 'github');
    expect(hint.labels).toEqual(['documentation']);
    expect(matchesHint({ title: 'Docs', labels: ['documentation'] }, hint)).toBe(true);
  });

  it('says nothing about what the page does not show', () => {
    expect(pageHint(document, 'gitlab')).toEqual({});
    expect(matchesHint({ title: 'x', labels: ['a'] }, {})).toBe(true);
  });

  it('spots a title or label set that differs from our copy, ignoring case and spacing', () => {
    const issue = { title: 'Add rate limiting', labels: ['workflow::in dev', 'Backend'] };
    expect(matchesHint(issue, { title: 'Add rate limiting', labels: ['backend', 'workflow::in dev'] })).toBe(true);
    expect(matchesHint(issue, { title: 'Add rate limiting to mirrors' })).toBe(false);
    expect(matchesHint(issue, { labels: ['workflow::in review', 'backend'] })).toBe(false);
    expect(matchesHint(issue, { labels: ['backend'] })).toBe(false);
  });
});
