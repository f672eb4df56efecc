import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { DeliveryError } from '../../../src/digest/deliverer.ts';
import type { Reply } from '../../../src/reply.ts';
import { blockProblem } from '../../emulators/slack/block-validator.ts';
import { DIGEST_EVENT_TYPE } from '../../../adapters/slack/deliverer.ts';
import { startSlack } from '../../../adapters/slack/index.ts';
import { startSlackApi } from '../../emulators/slack/web-api.ts';
import { SECRET, TOKEN, startHarness, type Harness } from './harness.ts';
import { PNG } from './fakes.ts';

const reply: Reply = {
  title: 'Small caps daily digest',
  commentary: 'Small caps rose 0.4% while the S&P 500 was flat.',
  sections: [{ title: 'Today', fields: [{ key: 'iwm', label: 'IWM', value: 0.4, unit: '%', display: '+0.4%', direction: 'up' }] }],
  sources: [{ name: 'IWM closes (Yahoo Finance)', asOf: '2025-09-19', stale: false }],
  visibility: 'public',
  tone: 'positive',
  chart: { png: PNG, alt: 'Digest chart', name: 'digest-2025-09-19.png' },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function failure(channel: string): Promise<DeliveryError> {
  const error = await h.adapter.deliverer.send(channel, reply).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('Slack deliverer', () => {
  it('posts Block Kit with a text fallback, then uploads the chart to the channel', async () => {
    expect(h.adapter.deliverer.platform).toBe('slack');
    await h.adapter.deliverer.send('C0DIGEST', reply);
    const post = h.api.callsTo('chat.postMessage').at(-1);
    expect(post?.params).toMatchObject({ channel: 'C0DIGEST', text: expect.stringContaining('Small caps daily digest') });
    expect(blockProblem(post?.params.blocks)).toBeNull();
    expect(h.api.callsTo('files.completeUploadExternal').at(-1)?.params).toMatchObject({ channel_id: 'C0DIGEST' });
    expect(h.api.uploads.at(-1)?.bytes).toEqual(PNG);
  });

  it('uploads the same chart to each channel as a file of its own, bytes intact', async () => {
    const before = h.api.uploads.length;
    await h.adapter.deliverer.send('C0FIRST', reply);
    await h.adapter.deliverer.send('C0SECOND', reply);
    const uploads = h.api.uploads.slice(before);
    expect(uploads.map((u) => u.bytes)).toEqual([PNG, PNG]);
    expect(uploads.map((u) => u.filename)).toEqual(['digest-2025-09-19.png', 'digest-2025-09-19.png']);
    const completes = h.api.callsTo('files.completeUploadExternal').slice(-2).map((c) => c.params);
    expect(completes).toEqual([
      { files: [{ id: uploads[0]?.fileId, title: reply.title }], channel_id: 'C0FIRST' },
      { files: [{ id: uploads[1]?.fileId, title: reply.title }], channel_id: 'C0SECOND' },
    ]);
    expect(reply.chart?.png).toEqual(PNG);
  });

  it.each([
    ['channel_not_found', 'gone'],
    ['is_archived', 'gone'],
    ['not_in_channel', 'forbidden'],
    ['restricted_action', 'forbidden'],
    ['invalid_auth', 'auth'],
    ['token_revoked', 'auth'],
    ['account_inactive', 'auth'],
    ['not_allowed_token_type', 'auth'],
    ['missing_scope', 'auth'],
    ['internal_error', 'transient'],
  ])('maps %s to %s', async (error, kind) => {
    h.api.failNext('chat.postMessage', { error });
    const e = await failure('C0FAIL');
    expect(e.kind).toBe(kind);
    expect(e.message).toBe(error);
  });

  it('says "invite the bot" for not_in_channel, not "gone"', async () => {
    h.api.failNext('chat.postMessage', { error: 'not_in_channel' });
    const e = await failure('C0NOTIN');
    expect(e.kind).toBe('forbidden');
    expect(e.fix).toMatch(/invite the bot/);
  });

  it('tags each digest with metadata naming the subscription and local date', async () => {
    await h.adapter.deliverer.send('C0META', reply, { subscriptionId: 'slack:C0META', localDate: '2025-09-22' });
    expect(h.api.callsTo('chat.postMessage').at(-1)?.params.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { subscription: 'slack:C0META', local_date: '2025-09-22' },
    });
    expect(h.api.posts('C0META', DIGEST_EVENT_TYPE)).toHaveLength(1);
  });

  it('on a retry finds the digest already in the channel through conversations.history and posts nothing', async () => {
    const key = { subscriptionId: 'slack:C0AGAIN', localDate: '2025-09-22' };
    const since = new Date(Date.now() - 60_000);
    await h.adapter.deliverer.send('C0AGAIN', reply, key);
    const posts = h.api.callsTo('chat.postMessage').length;
    const uploads = h.api.uploads.length;
    await h.adapter.deliverer.send('C0AGAIN', reply, { ...key, retrySince: since });
    expect(h.api.callsTo('chat.postMessage').length).toBe(posts);
    expect(h.api.uploads.length).toBe(uploads);
    const history = h.api.callsTo('conversations.history').at(-1)?.params;
    expect(history).toMatchObject({ channel: 'C0AGAIN', include_all_metadata: 'true', oldest: (since.getTime() / 1000).toFixed(6) });
    expect(h.api.posts('C0AGAIN')).toHaveLength(1);
    expect(h.api.fileShares('C0AGAIN')).toHaveLength(1);
  });

  it('on a retry after a crash between post and chart, uploads only the chart', async () => {
    const key = { subscriptionId: 'slack:C0HALF', localDate: '2025-09-22' };
    h.api.failNext('files.getUploadURLExternal', { error: 'internal_error' });
    await h.adapter.deliverer.send('C0HALF', reply, key);
    expect(h.api.fileShares('C0HALF')).toHaveLength(0);
    await h.adapter.deliverer.send('C0HALF', reply, { ...key, retrySince: new Date(Date.now() - 60_000) });
    expect(h.api.posts('C0HALF')).toHaveLength(1);
    expect(h.api.fileShares('C0HALF')).toHaveLength(1);
  });

  it('on a retry posts when the digest is not there (another day, or before the window)', async () => {
    await h.adapter.deliverer.send('C0OTHER', reply, { subscriptionId: 'slack:C0OTHER', localDate: '2025-09-19' });
    await h.adapter.deliverer.send('C0OTHER', reply, { subscriptionId: 'slack:C0OTHER', localDate: '2025-09-22', retrySince: new Date(Date.now() - 60_000) });
    expect(h.api.posts('C0OTHER', DIGEST_EVENT_TYPE).map((m) => m.metadata?.event_payload.local_date)).toEqual(['2025-09-19', '2025-09-22']);
    await h.adapter.deliverer.send('C0OTHER', reply, { subscriptionId: 'slack:C0OTHER', localDate: '2025-09-19', retrySince: new Date(Date.now() + 60_000) });
    expect(h.api.posts('C0OTHER', DIGEST_EVENT_TYPE)).toHaveLength(3);
  });

  it('pages through a busy channel to find the digest', async () => {
    const key = { subscriptionId: 'slack:C0BUSYCH', localDate: '2025-09-22' };
    await h.adapter.deliverer.send('C0BUSYCH', reply, key);
    for (let i = 0; i < 450; i++) h.api.history.add('C0BUSYCH', { type: 'message', text: `chatter ${i}`, user: 'U0ALICE', ts: h.api.history.nextTs() });
    const before = h.api.callsTo('conversations.history').length;
    await h.adapter.deliverer.send('C0BUSYCH', reply, { ...key, retrySince: new Date(Date.now() - 60_000) });
    expect(h.api.callsTo('conversations.history').length - before).toBe(3);
    expect(h.api.posts('C0BUSYCH', DIGEST_EVENT_TYPE)).toHaveLength(1);
  });

  it('names the workspace it pauses and probes it with auth.test', async () => {
    expect(h.adapter.deliverer.scope?.()).toBe('slack:T0TEAM');
    await expect(h.adapter.deliverer.probe?.()).resolves.toBeUndefined();
    h.api.setTokenError('token_revoked');
    try {
      await expect(h.adapter.deliverer.probe?.()).rejects.toMatchObject({ kind: 'auth', message: 'token_revoked' });
    } finally {
      h.api.setTokenError(undefined);
    }
  });

  it('maps 429 to rate_limited with Retry-After in ms, without sleeping on it', async () => {
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
    const e = await failure('C0BUSY');
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(3000);
  });

  it('counts the digest as delivered when only the chart upload fails (no double post on retry)', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    h.api.failNext('files.getUploadURLExternal', { error: 'internal_error' });
    await expect(h.adapter.deliverer.send('C0NOCHART', reply)).resolves.toBeUndefined();
    expect(h.api.callsTo('chat.postMessage').length).toBe(before + 1);
    expect(h.logs.some((l) => l.msg === 'slack: digest chart upload failed' && l.extra?.channel === 'C0NOCHART')).toBe(true);
  });

  it('maps an unreachable Web API to transient', async () => {
    const api = await startSlackApi({ token: TOKEN });
    const adapter = await startSlack({ botToken: TOKEN, signingSecret: SECRET, apiUrl: api.url, port: 0, retries: 0, bot: {} as never });
    await api.close();
    try {
      const e = await adapter.deliverer.send('C0X', reply).then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(DeliveryError);
      expect((e as DeliveryError).kind).toBe('transient');
    } finally {
      await adapter.stop();
    }
  });
});
