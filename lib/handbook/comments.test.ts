import { describe, expect, it } from 'vitest';
import { cantWeightComment, clarificationComment, mentionLine, quote, spikeComment } from './comments';

describe('mentionLine', () => {
  it('mentions each person once, with or without @', () => {
    expect(mentionLine(['em', '@pm', 'em', ' ', '@@ux'])).toBe('@em @pm @ux');
    expect(mentionLine([])).toBe('');
  });
});

describe('quote', () => {
  it('quotes every line so quick actions do not run', () => {
    expect(quote('Which API?\n/close\n\nAnd the UI?')).toBe('> Which API?\n> /close\n>\n> And the UI?');
  });
});

describe('clarificationComment', () => {
  it('pings the people first, says what needs clarifying and that the weight stays unset', () => {
    const body = clarificationComment({ details: 'Which endpoints change?', mentions: ['em.lead', 'pm'] });
    expect(body).toBe(
      '@em.lead @pm this issue needs clarification before it can be weighted.\n\n' +
        '**What needs clarification:**\n\n> Which endpoints change?\n\n' +
        "I'm leaving the weight unset until this is clear.",
    );
  });

  it('reads as a sentence without mentions', () => {
    expect(clarificationComment({ details: 'x', mentions: [] })).toMatch(/^This issue needs clarification/);
  });
});

describe('spikeComment', () => {
  it('says what the spike would investigate and that spikes are weight 2, timeboxed', () => {
    const body = spikeComment({ details: 'Can the parser stream?', mentions: ['em'] });
    expect(body.startsWith('@em this issue needs a spike before it can be weighted.')).toBe(true);
    expect(body).toContain('**What the spike would investigate:**\n\n> Can the parser stream?');
    expect(body).toContain('timeboxed and scheduled with a weight of 2');
  });
});

describe('cantWeightComment', () => {
  it('picks the text for the reason', () => {
    const draft = { details: 'd', mentions: ['a'] };
    expect(cantWeightComment('spike', draft)).toBe(spikeComment(draft));
    expect(cantWeightComment('clarification', draft)).toBe(clarificationComment(draft));
  });
});
