import { describe, expect, it } from 'vitest';
import { taskLinkOf, taskLinks } from './task-list';

describe('taskLinks', () => {
  it("reads a tracking issue's task list: references, full references and issue URLs on this host", () => {
    const body = [
      '## Tasks',
      '- [ ] #12 first',
      '- [x] acme/other#3',
      '* [ ] https://github.com/acme/widgets/issues/7 (the widget)',
      '1. [X] [tree API](https://github.com/acme/widgets/issues/8)',
      '- [ ] https://evil.example/acme/widgets/issues/9',
      '- [ ] Write the docs',
      '- [ ] #12 again',
      '- #14 not a task',
      '```',
      '- [ ] #99 in code',
      '```',
    ].join('\n');
    expect(taskLinks(body, 'acme/widgets', 'github.com')).toEqual({
      links: [
        { path: 'acme/widgets', number: 12, checked: false },
        { path: 'acme/other', number: 3, checked: true },
        { path: 'acme/widgets', number: 7, checked: false },
        { path: 'acme/widgets', number: 8, checked: true },
      ],
      more: 0,
    });
  });

  it('keeps the first `max` and counts the others', () => {
    const body = Array.from({ length: 5 }, (_, k) => `- [ ] #${k + 1}`).join('\n');
    expect(taskLinks(body, 'a/b', 'github.com', 3)).toMatchObject({ more: 2, links: [{ number: 1 }, { number: 2 }, { number: 3 }] });
  });

  it('a link on another host is not an issue of this forge; a bare mention without a task box is not a child', () => {
    expect(taskLinkOf('https://ghe.example/a/b/issues/4', 'x/y', 'github.com')).toBeNull();
    expect(taskLinkOf('see a/b#4', 'x/y', 'github.com')).toEqual({ path: 'a/b', number: 4 });
    expect(taskLinks('#4 and #5', 'x/y', 'github.com').links).toEqual([]);
  });
});
