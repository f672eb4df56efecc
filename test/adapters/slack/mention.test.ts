import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { blockProblem } from '../../emulators/slack/block-validator.ts';
import { NOW, eventually, startHarness, type Harness } from './harness.ts';
import { createChartService } from '../../../src/charts/index.ts';
import { marketWithBars, PNG_SIGNATURE } from './fakes.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ bot: { market: marketWithBars(NOW), services: { charts: createChartService() } } });
});
afterAll(() => h.close());

const postsTo = (channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);

describe('app_mention through the real Bolt app', () => {
  it('answers a question in the thread of the mention', async () => {
    const res = await h.mention({ eventId: 'Ev001', channel: 'C0M1', ts: '1763700001.000100', text: '<@U0CAPWATCH> how are small caps doing vs the s&p this month?' });
    expect(res.status).toBe(200);
    const post = await h.api.waitFor(() => postsTo('C0M1')[0]);
    expect(post.params).toMatchObject({ channel: 'C0M1', thread_ts: '1763700001.000100' });
    expect(blockProblem(post.params.blocks)).toBeNull();
    expect(String(post.params.text)).toMatch(/Small caps vs large caps/);
  });

  it('stays in an existing thread', async () => {
    await h.mention({ eventId: 'Ev002', channel: 'C0M2', ts: '1763700002.000200', threadTs: '1763700000.000001', text: '<@U0CAPWATCH> valuation?' });
    const post = await h.api.waitFor(() => postsTo('C0M2')[0]);
    expect(post.params.thread_ts).toBe('1763700000.000001');
  });

  it('answers a redelivered event (X-Slack-Retry-Num) once', async () => {
    const input = { eventId: 'Ev003', channel: 'C0M3', ts: '1763700003.000300', text: '<@U0CAPWATCH> what are the odds of a rate cut?' };
    await h.mention(input);
    await h.mention(input, { retryNum: 1 });
    await h.mention(input, { retryNum: 2 });
    await eventually(() => h.logs.filter((l) => l.msg === 'slack: duplicate event ignored' && l.extra?.eventId === 'Ev003').length === 2);
    await h.api.waitFor(() => postsTo('C0M3')[0]);
    expect(postsTo('C0M3')).toHaveLength(1);
  });

  it('ignores mentions posted by bots', async () => {
    await h.mention({ eventId: 'Ev004', channel: 'C0M4', botId: 'B0OTHER', text: '<@U0CAPWATCH> valuation' });
    await eventually(() => h.logs.some((l) => l.msg === 'slack: mention from a bot ignored' && l.extra?.eventId === 'Ev004'));
    expect(postsTo('C0M4')).toEqual([]);
  });

  it('uploads a chart into the same thread', async () => {
    await h.mention({ eventId: 'Ev005', channel: 'C0M5', ts: '1763700005.000500', text: '<@U0CAPWATCH> chart small caps ytd' });
    const complete = await h.api.waitFor(() => h.api.callsTo('files.completeUploadExternal').find((c) => c.params.channel_id === 'C0M5'));
    expect(complete.params).toMatchObject({ channel_id: 'C0M5', thread_ts: '1763700005.000500' });
    expect(postsTo('C0M5')[0]?.params.thread_ts).toBe('1763700005.000500');
    const fileId = (complete.params.files as { id: string }[])[0]?.id;
    expect(h.api.uploads.find((u) => u.fileId === fileId)?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });
});

describe('app_mention with hostile text', () => {
  let hh: Harness;
  const heard: string[] = [];
  beforeAll(async () => {
    // An NLU that echoes the question back, as a real one may ("You asked: ...").
    const understand = (text: string) => {
      heard.push(text);
      const command = text.startsWith('chart') ? 'chart' : 'valuation';
      // A chart over a period it does not know: bad input, answered with an error.
      const options: Record<string, string> = command === 'chart' ? { period: '7q' } : {};
      return { command, options, confidence: 0.9, notes: [`You asked: ${text}`], suggestions: [] };
    };
    hh = await startHarness({ bot: { understand } });
  });
  afterAll(() => hh.close());

  it('strips mention tokens from the question and escapes what is echoed', async () => {
    await hh.mention({ eventId: 'Ev006', channel: 'C0M6', text: '<@U0CAPWATCH> valuation <!everyone> <@U0BOSS> *now* & _then_' });
    const post = await hh.api.waitFor(() => hh.api.callsTo('chat.postMessage')[0]);
    expect(heard).toEqual(['valuation <!everyone> *now* & _then_']);
    const all = JSON.stringify(post.params);
    expect(all).not.toMatch(/<!everyone>|<@|\*now\*|_then_/);
    expect(all).toContain('You asked: valuation &lt;!everyone&gt; \u2217now\u2217 &amp; \u02cdthen\u02cd');
  });

  it('shows an error answer only to the asker, still in the thread', async () => {
    // The bundled history has prices now, so the error is bad input (an unknown period): an ephemeral reply.
    await hh.mention({ eventId: 'Ev007', channel: 'C0M7', user: 'U0CAROL', ts: '1763700007.000700', text: '<@U0CAPWATCH> chart please' });
    const eph = await hh.api.waitFor(() => hh.api.callsTo('chat.postEphemeral').find((c) => c.params.channel === 'C0M7'));
    expect(eph.params).toMatchObject({ channel: 'C0M7', user: 'U0CAROL', thread_ts: '1763700007.000700' });
    expect(hh.api.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0M7')).toEqual([]);
  });
});
