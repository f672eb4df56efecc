import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import { blockProblem } from '../../emulators/slack/block-validator.ts';
import type { SignedResponse } from '../../emulators/slack/signer.ts';
import { NOW, startHarness, type Harness } from './harness.ts';
import { createChartService } from '../../../src/charts/index.ts';
import { gatedMarket, marketWithBars, PNG_SIGNATURE } from './fakes.ts';

type Payload = { response_type?: string; text?: string; blocks?: { type: string; text?: { text: string } }[] };

/** The answer rode on the ack, or came later through response_url. */
async function answerOf(h: Harness, res: SignedResponse & { responseId: string }): Promise<Payload> {
  expect(res.status).toBe(200);
  if (res.json) return res.json as Payload;
  return (await h.api.waitFor(() => h.api.responses.find((r) => r.id === res.responseId))).body as Payload;
}

const headerOf = (p: Payload) => p.blocks?.find((b) => b.type === 'header')?.text?.text;

describe('/smallcaps through the real Bolt app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const lines = allCommands.flatMap((c) => [c.name, ...(c.examples ?? [])]);
  it.each([...new Set(lines)])('answers "%s" with valid Block Kit and a text fallback', async (line) => {
    const payload = await answerOf(h, await h.slash(line));
    expect(payload.text?.length).toBeGreaterThan(0);
    expect(blockProblem(payload.blocks)).toBeNull();
    expect(['in_channel', 'ephemeral']).toContain(payload.response_type);
    expect(headerOf(payload)).toBeTruthy();
  });

  it('posts data answers in the channel and help to the caller only', async () => {
    const data = await answerOf(h, await h.slash('valuation'));
    expect(data.response_type).toBe('in_channel');
    expect(headerOf(data)).toBe('Valuation: small caps vs large caps');
    const help = await answerOf(h, await h.slash('help'));
    expect(help.response_type).toBe('ephemeral');
  });

  it('answers bad input ephemerally, on the ack itself', async () => {
    const res = await h.slash('performance 7q');
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    const unknown = await h.slash('frobnicate');
    expect(unknown.json).toMatchObject({ response_type: 'ephemeral' });
    expect((unknown.json as Payload).text).toMatch(/frobnicate/);
  });

  it('answers a bare /smallcaps with something useful, ephemerally', async () => {
    const payload = await answerOf(h, await h.slash(''));
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.text).toMatch(/help|command/i);
  });

  it('escapes hostile text so it can neither ping nor format', async () => {
    const payload = await answerOf(h, await h.slash('performance <!channel> <@U0BOSS> *loud*'));
    const all = JSON.stringify(payload);
    expect(all).not.toMatch(/<!channel>|<@U0BOSS>|\*loud\*/);
    expect(all).toContain('&lt;!channel&gt;');
  });

  it('passes the caller as the actor and never touches the Web API for plain answers', async () => {
    const before = h.api.calls.length;
    await answerOf(h, await h.slash('earnings', { userId: 'U0BOB', channelId: 'C0OTHER' }));
    expect(h.api.calls.slice(before)).toEqual([]);
  });
});

describe('/smallcaps when data is slow', () => {
  let h: Harness;
  const gated = gatedMarket(marketWithBars(NOW));
  beforeAll(async () => {
    h = await startHarness({ bot: { market: gated.market }, ackBudgetMs: 50 });
  });
  afterAll(() => h.close());

  it('acks empty at once, then answers in the channel through response_url', async () => {
    const res = await h.slash('valuation');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(h.api.responses).toEqual([]);
    gated.open();
    const payload = await answerOf(h, res);
    expect(payload.response_type).toBe('in_channel');
    expect(headerOf(payload)).toBe('Valuation: small caps vs large caps');
  });
});

describe('/smallcaps with a chart', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bot: { market: marketWithBars(NOW), services: { charts: createChartService() } } });
    h.api.setChannel('C0GENERAL');
  });
  afterAll(() => h.close());

  it('acks, answers through response_url, then uploads the chart with files.uploadV2', async () => {
    const res = await h.slash('chart 6m', { channelId: 'C0CHARTS' });
    expect(res.text).toBe('');
    const payload = await answerOf(h, res);
    expect(payload.response_type).toBe('in_channel');
    const complete = await h.api.waitFor(() => h.api.callsTo('files.completeUploadExternal').at(-1));
    const get = h.api.callsTo('files.getUploadURLExternal').at(-1);
    const upload = h.api.uploads.at(-1);
    expect(get?.params).toMatchObject({ filename: expect.stringMatching(/\.png$/), length: String(upload?.bytes.length), alt_text: expect.stringMatching(/\w/) });
    expect(upload?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(complete.params).toMatchObject({ files: [{ id: upload?.fileId, title: headerOf(payload) }], channel_id: 'C0CHARTS' });
    expect(complete.params).not.toHaveProperty('thread_ts');
    expect(h.api.calls.map((c) => c.method)).toEqual(['auth.test', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
  });

  it('tells the caller to invite the bot when Slack refuses the chart', async () => {
    h.api.failChannel('C0PRIVATE', 'not_in_channel');
    const res = await h.slash('chart 1m', { channelId: 'C0PRIVATE' });
    const note = await h.api.waitFor(() => h.api.responses.filter((r) => r.id === res.responseId)[1]);
    expect(note.body).toEqual({ response_type: 'ephemeral', text: expect.stringMatching(/invite me/i) });
  });
});

describe('/smallcaps with postPublic off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ postPublic: false });
  });
  afterAll(() => h.close());

  it('shows data answers only to the caller', async () => {
    const payload = await answerOf(h, await h.slash('valuation'));
    expect(payload.response_type).toBe('ephemeral');
  });
});
