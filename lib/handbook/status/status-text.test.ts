import { describe, expect, it } from 'vitest';
import { keyValue, percentPair, percentValue, plain, visibleLines } from './status-text';

describe('visibleLines', () => {
  it('drops HTML comments, fenced code (``` and ~~~) and quoted replies', () => {
    const body = 'a\r\n<!-- hidden\nstill hidden -->\n```md\nComplete: 1%\n```\n~~~~\nx\n~~~~\n> quoted\n   > quoted too\nb';
    expect(visibleLines(body)).toEqual(['a', '', 'b']);
  });
});

describe('keyValue', () => {
  it.each([
    ['Complete: 80%', 'complete', '80%'],
    ['**% Complete**: 50%', 'complete', '50%'],
    ['**Complete:** 80%', 'complete', '80%'],
    ['- __Confidence__ : 90 %', 'confidence', '90 %'],
    ['1. Notes: in review', 'notes', 'in review'],
    ['What’s next: finish !11', "what's next", 'finish !11'],
    ['MR statuses:', 'mr statuses', ''],
  ])('%j', (line, key, value) => {
    expect(keyValue(line)).toEqual({ key, value });
  });

  it('does not read prose, links or references as keys', () => {
    expect(keyValue('See https://gitlab.com/a/b')).toBeNull();
    expect(keyValue('!11 - 80% complete')).toBeNull();
  });
});

describe('percentages', () => {
  it('reads values from 0 to 100 and nothing else', () => {
    expect([percentValue('80%'), percentValue('90 %'), percentValue('50'), percentValue('0%'), percentValue('100% - done')]).toEqual([80, 90, 50, 0, 100]);
    expect([percentValue('150%'), percentValue('3 of 8 issues'), percentValue('?%'), percentValue('soon')]).toEqual([null, null, null, null]);
  });

  it('finds "complete" and "confident" percentages in either order, with ? as unknown', () => {
    expect(percentPair('75% confident, 20% complete')).toEqual({ complete: 20, confidence: 75 });
    expect(percentPair('?% complete, 70% confidence')).toEqual({ complete: null, confidence: 70 });
    expect(percentPair('nothing here')).toEqual({});
  });

  it('removes emphasis around a value', () => {
    expect(plain('**so-so**')).toBe('so-so');
    expect(plain('_at risk_')).toBe('at risk');
  });
});
