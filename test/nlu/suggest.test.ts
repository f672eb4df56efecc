import { describe, it, expect } from 'vitest';
import { commandLine, describeUnderstanding, optionsFor, suggestCommands } from '../../src/nlu/suggest.ts';
import { vocabulary } from './parser.ts';

describe('commandLine', () => {
  it('puts the first option positionally and the rest as key:value', () => {
    expect(commandLine('performance', { period: '1m', vs: 'nasdaq', small: 'rut' })).toBe('performance 1m vs:nasdaq small:rut');
    expect(commandLine('valuation', {})).toBe('valuation');
  });
});

describe('optionsFor', () => {
  it('keeps only the options the command takes, in declared order', () => {
    const entities = { small: 'rut', period: '5d', meeting: 'next' };
    expect(Object.entries(optionsFor('performance', entities, vocabulary))).toEqual([['period', '5d'], ['small', 'rut']]);
    expect(optionsFor('ratecuts', entities, vocabulary)).toEqual({ meeting: 'next' });
    expect(optionsFor('valuation', entities, vocabulary)).toEqual({});
  });
});

describe('suggestCommands', () => {
  it('offers the best guesses first, then common starting points, three at most', () => {
    expect(suggestCommands(['chart', 'valuation'], { period: 'ytd' }, vocabulary)).toEqual(['chart ytd', 'valuation', 'performance 1m']);
    expect(suggestCommands([], {}, vocabulary)).toEqual(['performance 1m', 'valuation', 'ratecuts next']);
    expect(suggestCommands(['valuation', 'valuation'], {}, vocabulary)).toEqual(['valuation', 'performance 1m', 'ratecuts next']);
  });
});

describe('describeUnderstanding', () => {
  it('says what was understood in words', () => {
    expect(describeUnderstanding('performance', { period: '5d', small: 'rut' })).toBe(
      'I understood a performance question (period 5d, small-cap side rut).',
    );
    expect(describeUnderstanding(null, {})).toBe('I understood no question I can answer.');
  });
});
