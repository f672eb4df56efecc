import { describe, it, expect } from 'vitest';
import { choose, confidenceOf, topicScores } from '../../src/nlu/confidence.ts';
import { vocabulary } from './parser.ts';

const now = new Date('2026-11-21T15:00:00Z');
const judge = (text: string, raw = text) => {
  const choice = choose(topicScores(text, vocabulary), text, now, vocabulary);
  return { intent: choice.intent, ...confidenceOf(choice, text, raw) };
};

describe('confidence', () => {
  it('grows with evidence', () => {
    const weak = judge('how did they do');
    const strong = judge('how did the russell perform vs the s&p this week');
    expect(weak.intent).toBe('performance');
    expect(strong.intent).toBe('performance');
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
  });

  it('drops when two topics compete', () => {
    const clear = judge('small cap valuation');
    const torn = judge('small cap valuation and earnings');
    expect(torn.confidence).toBeLessThan(clear.confidence);
    expect(torn.confidence).toBeLessThan(0.5);
  });

  it('distrusts generic wording with no market subject', () => {
    expect(judge('who won the game').confidence).toBeLessThan(0.5);
    expect(judge('who won, small caps or large caps').confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('reads named periods and benchmarks as a performance question', () => {
    expect(judge('russell vs nasdaq this week')).toMatchObject({ intent: 'performance', offTopic: null });
    expect(judge('russell vs nasdaq this week').confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps off-topic questions low and says why', () => {
    expect(judge('should i buy small caps now that they are cheap')).toMatchObject({ intent: 'valuation', offTopic: 'investment advice' });
    expect(judge('should i buy small caps now that they are cheap').confidence).toBeLessThan(0.5);
  });

  it('takes the topic from before a since-clause', () => {
    expect(topicScores('are small caps up since the fed started cutting', vocabulary)[0]?.intent).toBe('performance');
    expect(topicScores('since july how did small caps do', vocabulary)[0]?.intent).toBe('performance');
    expect(topicScores('small caps since the fed started cutting', vocabulary)[0]?.intent).toBe('performance');
    expect(topicScores('how did small caps do after the last cut', vocabulary)[0]?.intent).toBe('performance');
    expect(topicScores('odds of a cut since the jobs report', vocabulary)[0]?.intent).toBe('ratecuts');
  });
});

describe('confidence: the subject', () => {
  it('counts every benchmark the parser knows as the subject, futures tickers included', () => {
    expect(judge('rty vs es this week who won', 'RTY vs ES this week, who won?').confidence).toBeGreaterThanOrEqual(0.5);
  });
});
