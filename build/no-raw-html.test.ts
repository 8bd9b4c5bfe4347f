import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAW_HTML_ERROR, removeRawHtml } from './no-raw-html';

const site = `(null != prevValue ? prevValue.__html : void 0) !== key &&
            (domElement.innerHTML = key);`;
const module = (sites: number, extra = '') =>
  [...Array.from({ length: sites }, (_, i) => `case ${i}: if (null != key) { ${site} } break;`), extra].join('\n');

describe('removeRawHtml', () => {
  it('replaces both sites with a throw', () => {
    const out = removeRawHtml(module(2));
    expect(out).not.toContain('innerHTML');
    expect(out.split(`throw Error(${JSON.stringify(RAW_HTML_ERROR)});`)).toHaveLength(3);
  });

  it('keeps an assignment of a string literal (react-dom creates script elements that way)', () => {
    const literal = 'nextResource.innerHTML = "<script>\\x3c/script>";';
    expect(removeRawHtml(module(2, literal))).toContain(literal);
  });

  it.each([0, 1, 3])('fails with %i sites', (n) => {
    expect(() => removeRawHtml(module(n))).toThrow(`expected 2 dangerouslySetInnerHTML sites in react-dom's production client, found ${n}`);
  });

  it('fails when another assignment of a value to innerHTML is left', () => {
    expect(() => removeRawHtml(module(2, 'node.innerHTML = html;'))).toThrow('1 assignment(s) of a value to innerHTML left');
    expect(() => removeRawHtml(module(2, 'node.innerHTML=html;'))).toThrow('left');
  });

  it('fits the installed react-dom', () => {
    const file = path.join(import.meta.dirname, '../node_modules/react-dom/cjs/react-dom-client.production.js');
    const out = removeRawHtml(fs.readFileSync(file, 'utf8'));
    expect(out).toContain(RAW_HTML_ERROR);
    expect(out).not.toMatch(/domElement\.innerHTML/);
  });
});
