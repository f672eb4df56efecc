import { describe, it, expect } from 'vitest';
import { cleanText, normaliseSegment, splitSegments, tokenize } from '../../src/nlu/normalise.ts';
import { vocabulary } from './parser.ts';

describe('cleanText', () => {
  it('drops Discord and Slack mention tokens', () => {
    expect(cleanText('<@123> <@!456> <@&789> <#42> hi')).toBe('hi');
    expect(cleanText('<@U123ABC> <@U9|capwatch> <!here> <#C01|general> hi')).toBe('hi');
  });

  it('keeps the label of a Slack link and drops bare links', () => {
    expect(cleanText('see <https://example.com|the chart> and <https://x.y/z>')).toBe('see the chart and');
  });

  it('drops emoji, skin tones, flags and shortcodes', () => {
    expect(cleanText('small caps 🚀🚀 👍🏽 🇺🇸 :rocket: :chart_with_upwards_trend: now')).toBe('small caps now');
  });

  it('keeps key:value options intact', () => {
    expect(cleanText('performance 1m vs:nasdaq small:rut')).toBe('performance 1m vs:nasdaq small:rut');
  });

  it('spells S&P one way', () => {
    expect(cleanText('S & P, S and P, s&p500, S&P 500')).toBe('s&p, s&p, s&p 500, s&p 500');
  });

  it('straightens curly quotes and lower-cases', () => {
    expect(cleanText('What’s UP')).toBe("what's up");
  });
});

describe('splitSegments', () => {
  it('splits on question marks, exclamation marks, semicolons, new lines and sentence stops', () => {
    expect(splitSegments('how did they do? odds of a cut! also this; and that\nlast one. done')).toEqual([
      'how did they do',
      'odds of a cut',
      'also this',
      'and that',
      'last one',
      'done',
    ]);
  });

  it('keeps decimals, abbreviations and U.S. together', () => {
    expect(splitSegments('is 13.6 vs. 17.2 a discount for u.s. small caps?')).toEqual(['is 13.6 vs. 17.2 a discount for u.s. small caps']);
  });

  it('drops segments with no words', () => {
    expect(splitSegments('?!? ... hello')).toEqual(['hello']);
  });
});

describe('tokenize', () => {
  it('splits hyphenated words but not dates, strips possessives and cash tags', () => {
    expect(tokenize("small-caps' year-end russell's $iwm 2025-07-01 p/e")).toEqual([
      'small', 'caps', 'year', 'end', 'russell', 'iwm', '2025-07-01', 'p/e',
    ]);
  });

  it('expands month abbreviations for the date parser', () => {
    expect(tokenize('since jan vs dec. sept')).toEqual(['since', 'january', 'vs', 'december', 'september']);
  });

  it('splits a count glued to its unit but keeps the command\'s period codes', () => {
    expect(tokenize('3yr 6mo 2wks 1w 2y 1y 5d 3m 10y')).toEqual(['3', 'year', '6', 'month', '2', 'weeks', '1', 'week', '2', 'year', '1y', '5d', '3m', '10y']);
  });

  it('spells out chat abbreviations', () => {
    expect(tokenize('iwm v spy perf next mtg last qtr prob fortnight')).toEqual([
      'iwm', 'vs', 'spy', 'performance', 'next', 'meeting', 'last', 'quarter', 'probability', '2 weeks',
    ]);
  });
});

describe('normaliseSegment', () => {
  it('corrects one-letter typos in keywords only', () => {
    expect(normaliseSegment('how did the russel do vs the nasdq lately', vocabulary.words)).toBe('how did the russell do vs the nasdaq lately');
    expect(normaliseSegment('valuaton vs earnigs', vocabulary.words)).toBe('valuation vs earnings');
    expect(normaliseSegment('what dates and eight things', vocabulary.words)).toBe('what dates and eight things');
  });
});
