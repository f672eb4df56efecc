import { describe, it, expect } from 'vitest';
import { questionGroups } from '../../src/nlu/segments.ts';
import { cleanText } from '../../src/nlu/normalise.ts';
import { vocabulary } from './parser.ts';

const groups = (text: string) => questionGroups(cleanText(text), new Date('2026-11-21T15:00:00Z'), vocabulary);

describe('questionGroups', () => {
  it('keeps one question whole', () => {
    expect(groups('How did the Russell do this week?')).toEqual(['how did the russell do this week']);
  });

  it('separates questions on different topics', () => {
    expect(groups('how did small caps do? odds of a cut?')).toEqual(['how did small caps do', 'odds of a cut']);
    expect(groups('how did small caps do today and what are the odds of a cut')).toEqual([
      'how did small caps do today',
      'what are the odds of a cut',
    ]);
  });

  it('joins greetings and follow-ups to their question', () => {
    expect(groups('hey bot! how did the russell do? over the past month.')).toEqual(['hey bot how did the russell do over the past month']);
  });

  it('keeps "and" inside one question', () => {
    expect(groups('spread between small caps and mid caps')).toEqual(['spread between small caps and mid caps']);
    expect(groups('plot and compare the russell and the nasdaq')).toEqual(['plot and compare the russell and the nasdaq']);
  });

  it('reads a second clause on the same topic as detail of the first', () => {
    expect(groups('is the rotation real? how did IWM do vs SPY')).toEqual(['is the rotation real how did iwm do vs spy']);
  });

  it('takes named periods and benchmarks as a question of their own', () => {
    expect(groups('r2k vs spx 3 months? and is it cheap')).toEqual(['r2k vs spx 3 months', 'and is it cheap']);
  });

  it('splits numbered items and "+"', () => {
    expect(groups('two qs: 1) russell ytd 2) fed odds december')).toEqual(['two qs russell ytd', 'fed odds december']);
    expect(groups('valuations + earnings for small caps')).toEqual(['valuations', 'earnings for small caps']);
  });

  it('returns one empty question for an empty message', () => {
    expect(groups('<@U1> 🙂')).toEqual(['']);
  });
});
