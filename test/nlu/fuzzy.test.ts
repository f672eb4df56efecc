import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { correctToken, withinOneEdit } from '../../src/nlu/fuzzy.ts';

describe('withinOneEdit', () => {
  it.each([
    ['russel', 'russell'], // deletion
    ['valuaton', 'valuation'],
    ['nasdsq', 'nasdaq'], // substitution
    ['chrat', 'chart'], // swap
    ['earnnings', 'earnings'], // insertion
    ['same', 'same'],
  ])('%s ~ %s', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
    expect(withinOneEdit(b, a)).toBe(true);
  });

  it.each([
    ['rusel', 'russell'],
    ['vlauaton', 'valuation'],
    ['chart', 'cheap'],
    ['abc', 'cab'],
  ])('%s is not one edit from %s', (a, b) => expect(withinOneEdit(a, b)).toBe(false));

  it('agrees with a plain Damerau distance on random short words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osa(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('correctToken', () => {
  const vocab = new Set(['russell', 'valuation', 'help', 'rates', 'earnings']);

  it('maps a misspelt keyword to the keyword', () => {
    expect(correctToken('russel', vocab)).toBe('russell');
    expect(correctToken('valuaton', vocab)).toBe('valuation');
    expect(correctToken('hepl', vocab)).toBe('help');
    expect(correctToken('russle', vocab)).toBe('russell');
    expect(correctToken('valluaton', vocab)).toBe('valuation');
  });

  it('leaves real words, short words and numbers alone', () => {
    expect(correctToken('dates', vocab)).toBe('dates');
    expect(correctToken('hell', vocab)).toBe('hell');
    expect(correctToken('rate', vocab)).toBe('rate');
    expect(correctToken('2024', vocab)).toBe('2024');
    expect(correctToken('weather', vocab)).toBe('weather');
    expect(correctToken('getting', vocab)).toBe('getting');
    expect(correctToken('putting', vocab)).toBe('putting');
  });
});

/** Optimal string alignment distance, the reference for the property above. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
