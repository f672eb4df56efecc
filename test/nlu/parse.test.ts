import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CONFIDENCE_THRESHOLD } from '../../src/nlu/parse.ts';
import { parseQuestion } from './parser.ts';
import { FRESH } from './fresh.ts';
import { FRESH2 } from './fresh2.ts';
import { HOLDOUT } from './holdout.ts';
import { EVAL_NOW, QUESTIONS } from './questions.ts';
import { evaluate, rate } from './score.ts';

const now = EVAL_NOW; // Saturday 21 November 2026

describe('evaluation set', () => {
  it('has at least 150 distinct questions covering every intent and off-topic text', () => {
    const texts = new Set(QUESTIONS.map((q) => q.text.toLowerCase()));
    expect(texts.size).toBe(QUESTIONS.length);
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(150);
    const commands = new Set(QUESTIONS.map((q) => q.command));
    for (const c of ['performance', 'valuation', 'earnings', 'ratecuts', 'digest', 'sources', 'help', 'chart', null]) {
      expect(commands.has(c)).toBe(true);
    }
  });

  it('has blind fresh sets (120 and 40 distinct questions), none copied from the others', () => {
    const texts = new Set([...FRESH, ...FRESH2].map((q) => q.text.toLowerCase()));
    expect(texts.size).toBe(FRESH.length + FRESH2.length);
    expect(FRESH.length).toBeGreaterThanOrEqual(120);
    expect(FRESH2.length).toBeGreaterThanOrEqual(40);
    for (const q of [...QUESTIONS, ...HOLDOUT]) expect(texts.has(q.text.toLowerCase()), q.text).toBe(false);
    expect(FRESH.filter((q) => q.command === null).length).toBeGreaterThanOrEqual(15);
  });

  it('meets the floors: intent at least 95%, period at least 90%', () => {
    const result = evaluate([...QUESTIONS, ...HOLDOUT, ...FRESH, ...FRESH2], now);
    expect(rate(result.intent)).toBeGreaterThanOrEqual(0.95);
    const period = result.perEntity.period;
    expect(period?.total).toBeGreaterThan(60);
    expect(rate(period!)).toBeGreaterThanOrEqual(0.9);
    for (const type of ['vs', 'small', 'meeting', 'by']) expect(rate(result.perEntity[type]!)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('parseQuestion: chat as people write it', () => {
  it('understands the three questions from the issue', () => {
    expect(parseQuestion('are small caps cheap vs large caps?', now)).toMatchObject({ command: 'valuation', options: {} });
    expect(parseQuestion('how did the Russell do this week vs the S&P?', now)).toMatchObject({
      command: 'performance',
      options: { period: '5d', vs: 'sp500', small: 'rut' },
    });
    expect(parseQuestion('odds of a cut in December?', now)).toMatchObject({ command: 'ratecuts', options: { meeting: '2026-12' } });
  });

  it('ignores case, emoji, punctuation and shortcodes', () => {
    const plain = parseQuestion('how did the russell do this week', now);
    const noisy = parseQuestion('HOW did the RUSSELL do this week?!? 🚀📈 :fire:', now);
    expect(noisy.command).toBe(plain.command);
    expect(noisy.options).toEqual(plain.options);
    expect(noisy.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it.each(['<@123456789>', '<@!123456789>', '<@U123ABC>', '<@U123ABC|capwatch>'])('strips the mention token %s', (token) => {
    const p = parseQuestion(`${token} russell vs nasdaq past month`, now);
    expect(p).toMatchObject({ command: 'performance', options: { period: '1m', vs: 'nasdaq', small: 'rut' } });
  });

  it('forgives one-letter typos in keywords', () => {
    expect(parseQuestion('how has the russel done this week', now).options.small).toBe('rut');
    expect(parseQuestion('valuaton of small caps', now).command).toBe('valuation');
    expect(parseQuestion('earnigs growth for small caps', now).command).toBe('earnings');
    expect(parseQuestion('odds of a cut at the decmber meeting', now).options.meeting).toBe('2026-12');
    expect(parseQuestion('hepl', now).command).toBe('help');
  });

  it('answers the first of several questions and says so', () => {
    const p = parseQuestion('How did small caps do YTD? Also what are the odds of a cut?', now);
    expect(p).toMatchObject({ command: 'performance', options: { period: 'ytd' } });
    expect(p.notes).toContain('You asked 2 questions; this answers the first.');
    const joined = parseQuestion('how did the russell do today and what is the small cap P/E', now);
    expect(joined.command).toBe('performance');
    expect(joined.notes[0]).toMatch(/2 questions/);
  });

  it('reads a follow-up without its own topic as part of the question', () => {
    const p = parseQuestion('How did the Russell do? Over the past 3 months I mean.', now);
    expect(p).toMatchObject({ command: 'performance', options: { period: '3m', small: 'rut' }, notes: [] });
  });

  it('prefers a chart when a chart is asked for', () => {
    expect(parseQuestion('show me a chart of how small caps performed since July', now)).toMatchObject({
      command: 'chart',
      options: { period: 'since:2026-07-01' },
    });
  });

  it('names only what the text names, leaving defaults to the command', () => {
    const p = parseQuestion('how are small caps doing?', now);
    expect(p.command).toBe('performance');
    expect(p.options).toEqual({});
    expect(p.entities).toEqual({});
  });

  it('puts the help topic into the help command', () => {
    expect(parseQuestion('help with ratecuts', now)).toMatchObject({ command: 'help', options: { command: 'ratecuts' } });
    expect(parseQuestion('how do I subscribe this channel?', now)).toMatchObject({ command: 'help', options: { command: 'subscribe' } });
    expect(parseQuestion('help with alerts', now)).toMatchObject({ command: 'help', options: { command: 'alert' } });
    expect(parseQuestion('help help', now)).toMatchObject({ command: 'help', options: {} });
  });
});

describe('parseQuestion: periods relative to now', () => {
  it('resolves "since July" to the most recent past July 1', () => {
    expect(parseQuestion('small caps since July', now).options.period).toBe('since:2026-07-01');
    expect(parseQuestion('small caps since July', new Date('2027-03-10T15:00:00Z')).options.period).toBe('since:2026-07-01');
    expect(parseQuestion('small caps since July', new Date('2026-07-01T15:00:00Z')).options.period).toBe('since:2026-07-01');
    expect(parseQuestion('small caps since December', now).options.period).toBe('since:2025-12-01');
  });

  it('resolves dated phrases', () => {
    const period = (t: string) => parseQuestion(t, now).options.period;
    expect(period('russell since March 3')).toBe('since:2026-03-03');
    expect(period('russell since the 3rd of March')).toBe('since:2026-03-03');
    expect(period('russell in 2024')).toBe('2024');
    expect(period('russell last year')).toBe('2025');
    expect(period('russell over the last year')).toBe('1y');
    expect(period('russell since 2024')).toBe('since:2024-01-01');
    expect(period('russell since January 1')).toBe('ytd');
    expect(period('russell over the past two weeks')).toBe('since:2026-11-07');
  });

  it('uses the New York date, not UTC, for "now"', () => {
    // 02:00 UTC on 1 July is still 30 June in New York, so "since July" is the July before.
    expect(parseQuestion('russell since July', new Date('2026-07-01T02:00:00Z')).options.period).toBe('since:2025-07-01');
  });
});

describe('parseQuestion: low confidence', () => {
  it.each(["what's the weather", 'tell me a joke', 'buy TSLA?', 'should I buy IWM now?', 'good morning', '<@U999BOT>', '🙂', ''])(
    'does not answer %j confidently',
    (text) => {
      const p = parseQuestion(text, now);
      expect(p.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
      expect(p.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(p.suggestions.length).toBeLessThanOrEqual(3);
      expect(p.notes.join(' ')).toMatch(/understood/);
    },
  );

  it('suggests exact command lines built from what it understood', () => {
    const p = parseQuestion('small caps', now);
    expect(p.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
    expect(p.suggestions).toEqual(['performance 1m', 'valuation', 'ratecuts next']);
    const guess = parseQuestion('help me understand the russell valuation vs nasdaq this week', now);
    expect(guess.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
    expect(guess.suggestions[0]).toMatch(/^(help|valuation)/);
  });

  it('says why off-topic questions are not answered', () => {
    expect(parseQuestion('buy TSLA?', now).notes).toContain("That looks like investment advice, which I don't cover.");
    expect(parseQuestion('is NVDA going up tomorrow?', now).notes.join(' ')).toMatch(/NVDA/);
  });

  it('gives no suggestions when it is sure', () => {
    expect(parseQuestion('russell vs s&p this week', now)).toMatchObject({ command: 'performance', suggestions: [] });
  });
});

describe('parseQuestion: any input', () => {
  it('never throws and keeps its promises about shape', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (text) => {
        const p = parseQuestion(text, now);
        expect(p.confidence).toBeGreaterThanOrEqual(0);
        expect(p.confidence).toBeLessThanOrEqual(1);
        if (p.confidence < CONFIDENCE_THRESHOLD) expect(p.suggestions.length).toBeGreaterThanOrEqual(2);
        else expect(p.suggestions).toEqual([]);
        if (p.command === null) expect(p.options).toEqual({});
      }),
      { numRuns: 300 },
    );
  });
});
