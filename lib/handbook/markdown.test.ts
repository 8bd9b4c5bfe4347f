import { describe, expect, it } from 'vitest';
import { cleanTitle, endsPart, findParts, headingTitle, lineTitle, partHasContent, stripComments } from './markdown';

describe('stripComments', () => {
  it('removes template hints, including multi-line and unclosed ones', () => {
    expect(stripComments('a <!-- hint --> b')).toBe('a  b');
    expect(stripComments('a\n<!--\nline\n-->\nb')).toBe('a\n\nb');
    expect(stripComments('a <!-- never closed\nb')).toBe('a ');
  });
});

describe('lineTitle', () => {
  it('reads headings, bold titles and "Name:" lines', () => {
    expect(lineTitle('### Steps to reproduce')).toEqual({ title: 'Steps to reproduce', rest: '' });
    expect(lineTitle('**Expected:** the badge shows')).toEqual({ title: 'Expected:', rest: 'the badge shows' });
    expect(lineTitle('- __Proposal__')).toEqual({ title: 'Proposal', rest: '' });
    expect(lineTitle('Requirements: fast')).toEqual({ title: 'Requirements', rest: 'fast' });
  });

  it('does not take URLs or plain sentences for titles', () => {
    expect(lineTitle('see https://gitlab.com/gitlab-org/gitlab/-/issues/1')).toBeNull();
    expect(lineTitle('The proposal is fine')).toBeNull();
  });
});

describe('headingTitle / cleanTitle / endsPart', () => {
  it('only headings and bold lines are headings', () => {
    expect(headingTitle('## Implementation plan')).toBe('Implementation plan');
    expect(headingTitle('Implementation plan: soon')).toBeNull();
  });

  it('cleans emoji codes, numbering, emphasis and a trailing colon', () => {
    expect(cleanTitle(':bug: 1. **Steps to reproduce:**')).toBe('Steps to reproduce');
    expect(cleanTitle('2. Dependencies')).toBe('Dependencies');
  });

  it('ends a part at the next heading or bold title, not at bold text in a sentence', () => {
    expect(endsPart('### Next')).toBe(true);
    expect(endsPart('**3. Implementation Steps**')).toBe(true);
    expect(endsPart('**Note:** keep going')).toBe(false);
    expect(endsPart('- Task 1')).toBe(false);
  });
});

describe('findParts', () => {
  it('gives every part with the name, with its lines up to the next part', () => {
    const text = '### Summary\nx\n\n### Steps to reproduce\n<!-- hint -->\n1. a\n2. b\n### Logs\nnone';
    const parts = findParts(text, /^steps to reproduce\b/i);
    expect(parts).toEqual([{ title: 'Steps to reproduce', rest: '', lines: ['', '1. a', '2. b'] }]);
    expect(partHasContent(parts[0]!)).toBe(true);
  });

  it('finds an empty part from an unfilled template', () => {
    const [part] = findParts('### Steps to reproduce\n\n<!-- Describe how -->\n\n### Logs', /^steps to reproduce/i);
    expect(part && partHasContent(part)).toBe(false);
  });
});
