import { describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../../../adapters/discord/autocomplete.ts';
import { InputError, type OptionDecl } from '../../../src/command.ts';

const period: OptionDecl = {
  name: 'period',
  description: 'Period',
  suggestions: ['1d', '5d', '1m', '3m', '6m', 'ytd', '1y', '3y', '5y', '10y', 'since:2025-01-01'],
  validate: (raw) => {
    if (/^(\d+[dmy]|ytd|since:\d{4}-\d{2}-\d{2})$/.test(raw)) return raw;
    throw new InputError(`"${raw}" is not a period I know.`);
  },
};

const many: OptionDecl = {
  name: 'symbol',
  description: 'Symbol',
  choices: Array.from({ length: 40 }, (_, i) => ({ value: `s${i}`, label: `Symbol ${i}`, aliases: i === 7 ? ['lucky'] : [] })),
};

describe('autocompleteChoices', () => {
  it('lists prefix matches before other matches', () => {
    expect(autocompleteChoices(period, '1').map((c) => c.value)).toEqual(['1d', '1m', '1y', '10y', 'since:2025-01-01']);
    expect(autocompleteChoices(period, 'Y').map((c) => c.value)).toEqual(['ytd', '1y', '3y', '5y', '10y']);
  });

  it('offers a valid value the user typed that is not a suggestion, first', () => {
    expect(autocompleteChoices(period, 'since:2024-03-01')).toEqual([{ name: 'since:2024-03-01', value: 'since:2024-03-01' }]);
    expect(autocompleteChoices(period, '2m')[0]).toEqual({ name: '2m', value: '2m' });
    expect(autocompleteChoices(period, 'zz')).toEqual([]);
  });

  it('matches choices by value, label or alias and never returns more than 25', () => {
    expect(autocompleteChoices(many, '')).toHaveLength(25);
    expect(autocompleteChoices(many, 'lucky')).toEqual([{ name: 'Symbol 7', value: 's7' }]);
    expect(autocompleteChoices(many, 'symbol 3').map((c) => c.value)).toEqual(['s3', 's30', 's31', 's32', 's33', 's34', 's35', 's36', 's37', 's38', 's39']);
  });
});
