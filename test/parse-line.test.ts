import { describe, expect, it } from 'vitest';
import { allCommands } from '../commands/index.ts';
import { InputError } from '../src/command.ts';
import { parseLine } from '../src/parse-line.ts';

const parse = (line: string) => parseLine(allCommands, line, 'cli');

describe('parseLine', () => {
  it('reads positional and key:value options, with or without /smallcaps', () => {
    expect(parse('/smallcaps performance 1m').options).toEqual({ period: '1m', vs: 'sp500', small: 'iwm' });
    expect(parse('performance ytd vs:nasdaq').options).toEqual({ period: 'ytd', vs: 'nasdaq', small: 'iwm' });
    expect(parse('performance since 2025-07-01 QQQ rut').options).toEqual({ period: 'since:2025-07-01', vs: 'nasdaq', small: 'rut' });
    expect(parse('performance nasdaq').options).toEqual({ period: '1m', vs: 'nasdaq', small: 'iwm' });
    expect(parse('PERFORMANCE 6M vs S&P').options.vs).toBe('sp500');
  });
  it('records which options took their defaults', () => {
    expect(parse('performance 3m').defaulted).toEqual(['vs', 'small']);
  });
  it('rejects unknown commands, periods and benchmarks with the valid choices', () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      ['frobnicate', /"frobnicate" is not a command I know/, /performance, valuation/],
      ['performance 7q', /"7q" is not a period I know/, /1d, 5d, 1m/],
      ['performance 1m dow', /"dow" is not a large-cap benchmark I know/, /sp500 .*nasdaq/],
      ['performance vs:dow', /"dow" is not a large-cap benchmark I know/, /equalweight/],
      ['valuation extra', /Unexpected "extra"/, /Usage: valuation/],
      ['performance colour:red', /has no option "colour"/, /period, vs, small/],
    ];
    for (const [line, message, hint] of cases) {
      try {
        parse(line);
        expect.unreachable(line);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).message).toMatch(message);
        expect((e as InputError).hint).toMatch(hint);
      }
    }
  });
});
