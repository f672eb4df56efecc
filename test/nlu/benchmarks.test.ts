import { describe, it, expect } from 'vitest';
import { extractSmall, extractVs } from '../../src/nlu/benchmarks.ts';

describe('extractVs', () => {
  it.each([
    ['vs the s&p', 'sp500'],
    ['s&p 500', 'sp500'],
    ['spx', 'sp500'],
    ['spy', 'sp500'],
    ['sp500', 'sp500'],
    ['nasdaq', 'nasdaq'],
    ['the nasdaq 100', 'nasdaq'],
    ['qqq', 'nasdaq'],
    ['mid caps', 'midcap'],
    ['midcaps', 'midcap'],
    ['mdy', 'midcap'],
    ['s&p 400', 'midcap'],
    ['equal weight', 'equalweight'],
    ['equal weighted s&p', 'equalweight'],
    ['rsp', 'equalweight'],
    ['vs:nasdaq', 'nasdaq'],
    ['qqq or spy', 'nasdaq'],
    ['rty vs es this week', 'sp500'],
    ['nq', 'nasdaq'],
    ['small caps vs the spoos', 'sp500'],
  ])('%s -> %s', (text, value) => expect(extractVs(text)).toBe(value));

  it.each(['large caps', 'the market', 's&p 600', 'small caps', 'russell 2000'])('no benchmark in %j', (text) => {
    expect(extractVs(text)).toBeUndefined();
  });
});

describe('extractSmall', () => {
  it.each([
    ['russell', 'rut'],
    ['russell 2000', 'rut'],
    ['the russell 2k index', 'rut'],
    ['r2k', 'rut'],
    ['rut', 'rut'],
    ['^rut', 'rut'],
    ['iwm', 'iwm'],
    ['s&p 600', 'ijr'],
    ['ijr', 'ijr'],
    ['russell 2000 value', 'iwn'],
    ['small cap growth', 'iwo'],
    ['small:iwo', 'iwo'],
    ['russell value', 'iwn'],
    ['r2k growth', 'iwo'],
    ['rty', 'rut'],
  ])('%s -> %s', (text, value) => expect(extractSmall(text)).toBe(value));

  it.each(['small caps', 'russell 1000', 'the s&p 500', 'smallcaps'])('no small-cap side in %j', (text) => {
    expect(extractSmall(text)).toBeUndefined();
  });
});

describe('futures tickers', () => {
  it('reads ES only as a word, not inside p/es', () => {
    expect(extractVs('forward p/es of small caps')).toBeUndefined();
    expect(extractVs('yes')).toBeUndefined();
  });
});
