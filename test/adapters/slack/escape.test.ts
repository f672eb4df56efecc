import { describe, it, expect } from 'vitest';
import { escapeCode, escapeEntities, escapeMrkdwn, stripMentions } from '../../../adapters/slack/escape.ts';

describe('escapeEntities', () => {
  it('escapes &, < and > (ampersand first, so nothing is double escaped)', () => {
    expect(escapeEntities('S&P <500> &amp;')).toBe('S&amp;P &lt;500&gt; &amp;amp;');
  });
});

describe('escapeMrkdwn', () => {
  it('turns broadcast and user mention tokens into inert literal text', () => {
    expect(escapeMrkdwn('<!channel> <!here> <!everyone> <@U123ABC>')).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123ABC&gt;',
    );
  });

  it('keeps links from forming', () => {
    expect(escapeMrkdwn('<https://evil.example|click>')).toBe('&lt;https://evil.example|click&gt;');
  });

  it('swaps formatting characters for look-alikes', () => {
    expect(escapeMrkdwn('*bold* _it_ ~x~ `c`')).toBe('\u2217bold\u2217 \u02CDit\u02CD \u223Cx\u223C \u02CBc\u02CB');
  });

  it('breaks plain @here/@channel/@everyone words with a zero-width space', () => {
    expect(escapeMrkdwn('hi @here and @Channel, @everyone')).toBe('hi @\u200Bhere and @\u200BChannel, @\u200Beveryone');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMrkdwn('Russell 2000 +7.3% vs SPY (1m)')).toBe('Russell 2000 +7.3% vs SPY (1m)');
  });
});

describe('escapeCode', () => {
  it('escapes entities and backticks but keeps other characters for alignment', () => {
    expect(escapeCode('a_b *c* ```x``` <y>')).toBe('a_b *c* \u02CB\u02CB\u02CBx\u02CB\u02CB\u02CB &lt;y&gt;');
  });
});

describe('stripMentions', () => {
  it('removes user mention tokens and squeezes spaces', () => {
    expect(stripMentions('<@U0BOT> how are  small caps doing? <@W12|bob>')).toBe('how are small caps doing?');
  });

  it('keeps channel references and other text', () => {
    expect(stripMentions('<@U1> post to <#C1|general>')).toBe('post to <#C1|general>');
  });
});
