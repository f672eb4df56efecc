import { describe, it, expect } from 'vitest';
import { offTopicReason, unknownTickers } from '../../src/nlu/off-topic.ts';

describe('offTopicReason', () => {
  it.each([
    ["what's the weather", 'small talk'],
    ['tell me a joke', 'small talk'],
    ['should i buy iwm', 'investment advice'],
    ['what about bitcoin', 'an asset this bot does not cover'],
    ['should i rotate into small caps', 'investment advice'],
    ['worth adding small caps here', 'investment advice'],
    ['is the market open today', 'market hours'],
    ['what time does the market close', 'market hours'],
    ['will i lose money on iwm', 'investment advice'],
    ["who's the fed chair now", "the Fed's people and proceedings"],
    ['who will cut first, the ecb or the fed', 'a central bank other than the Fed'],
  ])('%s -> %s', (text, reason) => expect(offTopicReason(text, text)).toBe(reason));

  it('names tickers the bot does not cover', () => {
    expect(offTopicReason('is nvda going up', 'is NVDA going up')).toBe('a ticker this bot does not cover (NVDA)');
    expect(offTopicReason('thoughts on pltr', 'thoughts on $pltr')).toMatch(/PLTR/);
  });

  it('passes on-topic questions', () => {
    expect(offTopicReason('how did iwm do vs spy', 'how did IWM do vs SPY')).toBeNull();
    expect(offTopicReason('how did small caps get into this mess', 'how did small caps get into this mess')).toBeNull();
  });
});

describe('unknownTickers', () => {
  it('ignores known tickers, abbreviations and shouted words', () => {
    expect(unknownTickers('How did IWM and the RUT do vs QQQ YTD? What are the FOMC odds?')).toEqual([]);
    expect(unknownTickers('HOW did the RUSSELL do')).toEqual([]);
    expect(unknownTickers('HOW DID THE RUSSELL DO THIS WEEK')).toEqual([]);
    expect(unknownTickers('RTY vs ES, and NQ?')).toEqual([]);
  });

  it('ignores mention tokens', () => {
    expect(unknownTickers('<@U123ABC> hi')).toEqual([]);
  });

  it('finds cash tags and capitalised tickers', () => {
    expect(unknownTickers('$tsla or AAPL?')).toEqual(['TSLA', 'AAPL']);
  });
});
