import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/command.ts';
import { describeRule, metricKey, parseMeetingRef, parseRuleSpec } from '../../src/alerts/rule.ts';

describe('alert rules', () => {
  it('reads each kind of rule', () => {
    expect(parseRuleSpec({ kind: 'spread', target: '1m', direction: 'above', threshold: '5' })).toEqual({ kind: 'spread', direction: 'above', threshold: 5, period: '1m', small: 'iwm', vs: 'sp500' });
    expect(parseRuleSpec({ kind: 'move', target: 'iwm', window: '1d', direction: 'below', threshold: '-3' })).toEqual({ kind: 'move', direction: 'below', threshold: -3, instrument: 'iwm', window: '1d' });
    expect(parseRuleSpec({ kind: 'cut', target: 'next', direction: 'above', threshold: '60%' })).toMatchObject({ kind: 'cut', meeting: 'next', mode: 'at', threshold: 60 });
    expect(parseRuleSpec({ kind: 'cut', target: 'by:2026-12', direction: 'above', threshold: '60' })).toMatchObject({ meeting: '2026-12', mode: 'by' });
    expect(parseRuleSpec({ kind: 'cuts', target: 'by:yearend', direction: 'above', threshold: '3' })).toMatchObject({ kind: 'cuts', meeting: 'yearend' });
    expect(parseRuleSpec({ kind: 'odds-change', target: 'next', threshold: '10' })).toMatchObject({ direction: 'change', threshold: 10 });
  });

  it('refuses bad input with the valid choices', () => {
    const bad = (args: Parameters<typeof parseRuleSpec>[0]) => {
      try {
        parseRuleSpec(args);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return `${(e as InputError).message} ${(e as InputError).hint ?? ''}`;
      }
      throw new Error('accepted');
    };
    expect(bad({ kind: 'volume', threshold: '1' })).toMatch(/spread, move, cut, cuts, odds-change/);
    expect(bad({ kind: 'spread', target: '1m', direction: 'above', threshold: 'lots' })).toMatch(/not a number/);
    expect(bad({ kind: 'cut', target: 'next', direction: 'above', threshold: '140' })).toMatch(/0 to 100/);
    expect(bad({ kind: 'move', target: 'tsla', direction: 'above', threshold: '3' })).toMatch(/iwm/);
    expect(bad({ kind: 'spread', target: '7q', direction: 'above', threshold: '3' })).toBeTruthy();
    expect(bad({ kind: 'spread', target: '1m', threshold: '3' })).toMatch(/above.*below/);
    expect(() => parseMeetingRef('2026-02-30', false)).toThrow(InputError);
    expect(() => parseMeetingRef('yearend', false)).toThrow(InputError);
  });

  it('keys rules that share data to one metric', () => {
    const a = parseRuleSpec({ kind: 'spread', target: '1m', direction: 'above', threshold: '5' });
    const b = parseRuleSpec({ kind: 'spread', target: '1m', direction: 'below', threshold: '-5' });
    expect(metricKey(a)).toBe(metricKey(b));
    expect(describeRule(a)).toBe('IWM vs SPY 1m spread above 5 pp');
  });
});
