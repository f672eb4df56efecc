import { describe, it, expect } from 'vitest';
import { scoreIntents as score } from '../../src/nlu/intents.ts';
import { vocabulary } from './parser.ts';

const scoreIntents = (text: string) => score(text, vocabulary);

const top = (text: string) => scoreIntents(text)[0]?.intent;

describe('scoreIntents', () => {
  it.each([
    ['how did the russell perform', 'performance'],
    ['are small caps cheap', 'valuation'],
    ['forward p/e of the russell', 'valuation'],
    ['price to earnings of small caps', 'valuation'],
    ['small cap eps growth', 'earnings'],
    ['odds of a fed cut', 'ratecuts'],
    ['daily digest', 'digest'],
    ['where does the data come from', 'sources'],
    ['what commands are there', 'help'],
    ['plot small caps', 'chart'],
    ['small caps getting crushed', 'performance'],
    ['smids getting smoked', 'performance'],
    ['russell ripping today', 'performance'],
    ['how many russell companies are unprofitable', 'earnings'],
    ['small cap earnings season recap', 'earnings'],
    ['are they cutting in december', 'ratecuts'],
    ['odds of a cut in december', 'ratecuts'],
    ["where's your data from", 'sources'],
    ['where your data from', 'sources'],
    ['what questions can i ask you', 'help'],
    ['pic of iwm vs spy', 'chart'],
    ['what % of small caps lose money', 'earnings'],
  ])('%s -> %s', (text, intent) => expect(top(text)).toBe(intent));

  it('lets generic wording count only when no other topic is named', () => {
    expect(scoreIntents('how did small caps do')).toEqual([{ intent: 'performance', score: 0.8, specific: 0 }]);
    const earnings = scoreIntents('how did small cap earnings do');
    expect(earnings.map((s) => s.intent)).toEqual(['earnings']);
  });

  it('does not read fund styles as valuation or earnings questions', () => {
    const intents = scoreIntents('russell 2000 value vs small cap growth').map((s) => s.intent);
    expect(intents).not.toContain('valuation');
    expect(intents).not.toContain('earnings');
    expect(scoreIntents('growth at a reasonable value').map((s) => s.intent).sort()).toEqual(['earnings', 'valuation']);
  });

  it('finds nothing in small talk', () => {
    expect(scoreIntents('good morning everyone')).toEqual([]);
  });
});

describe('scoreIntents: wording that is not a topic', () => {
  it('reads "what can i ask" as help only when it is about the bot', () => {
    expect(top('what can i ask')).toBe('help');
    expect(top('what can i ask my boss for a raise')).toBeUndefined();
  });
});
