import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, type Deliverer } from '../../../src/digest/deliverer.ts';
import type { Reply } from '../../../src/reply.ts';
import type { DiscordEmulator } from '../../emulators/discord/emulator.ts';
import { startHarness, type Harness } from './harness.ts';
import { digestNonce } from '../../../adapters/discord/deliverer.ts';

const digest: Reply = {
  title: 'Small caps daily digest',
  commentary: 'Small caps rose 0.4% while large caps were flat.',
  sections: [{ title: 'Today', fields: [{ key: 'iwm', label: 'IWM', value: 0.4, unit: '%', display: '+0.4%', direction: 'up' }] }],
  chart: { png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), alt: 'IWM vs SPY', name: 'digest.png' },
  sources: [{ name: 'IWM closes (Yahoo Finance)', asOf: '2025-09-10', stale: false }],
  visibility: 'ephemeral',
  tone: 'positive',
};

let h: Harness;
let emu: DiscordEmulator;
let deliverer: Deliverer;

beforeEach(async () => {
  h = await startHarness();
  emu = h.emu;
  deliverer = h.discord.deliverer;
});

afterEach(async () => {
  await h.close();
});

async function failure(channelId: string): Promise<DeliveryError> {
  const error = await deliverer.send(channelId, digest).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('Discord deliverer', () => {
  it('sends a nonce derived from (subscription, local date) with enforce_nonce: a repeat gets the first message back', async () => {
    const key = { subscriptionId: `discord:${emu.channelId}`, localDate: '2025-09-10' };
    await deliverer.send(emu.channelId, digest, key);
    await deliverer.send(emu.channelId, digest, { ...key, retrySince: new Date() });
    const posts = emu.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${emu.channelId}/messages`);
    expect(posts.map((p) => (p.json as Record<string, unknown>).nonce)).toEqual([digestNonce(key), digestNonce(key)]);
    expect(posts.every((p) => (p.json as Record<string, unknown>).enforce_nonce === true)).toBe(true);
    expect(digestNonce(key).length).toBeLessThanOrEqual(25);
    expect(emu.messagesIn(emu.channelId)).toHaveLength(1);
    // Another day is another digest.
    await deliverer.send(emu.channelId, digest, { ...key, localDate: '2025-09-11' });
    expect(emu.messagesIn(emu.channelId)).toHaveLength(2);
  });

  it('takes a 401 as the application\'s trouble (auth), and probes until the token works again', async () => {
    emu.revokeToken();
    const e = await failure(emu.channelId);
    expect(e.kind).toBe('auth');
    expect(e.fix).toMatch(/DISCORD_TOKEN/);
    await expect(deliverer.probe?.()).rejects.toMatchObject({ kind: 'auth' });
    emu.restoreToken();
    await expect(deliverer.probe?.()).resolves.toBeUndefined();
    await deliverer.send(emu.channelId, digest);
    expect(emu.messagesIn(emu.channelId)).toHaveLength(1);
    expect(deliverer.scope?.()).toBe(`discord:${emu.applicationId}`);
  });

  it('posts the digest embed with its chart as a multipart attachment, without ephemeral flags', async () => {
    expect(deliverer.platform).toBe('discord');
    await deliverer.send(emu.channelId, digest);
    const [post] = emu.requests.filter((r) => r.path === `/channels/${emu.channelId}/messages`);
    expect(post?.multipart).toBe(true);
    expect(post?.files.map((f) => [f.field, f.name, f.contentType, [...f.data]])).toEqual([['files[0]', 'digest.png', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]]]);
    const body = post?.json as Record<string, unknown>;
    expect(body.flags).toBeUndefined();
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.attachments).toEqual([{ id: 0, filename: 'digest.png', description: 'IWM vs SPY' }]);
    expect(body.embeds).toMatchObject([{ title: 'Small caps daily digest', image: { url: 'attachment://digest.png' }, timestamp: '2025-09-10T21:00:00.000Z' }]);
    expect(emu.messagesIn(emu.channelId)[0]?.attachments[0]?.filename).toBe('digest.png');
  });

  it('attaches the same chart bytes to every post of an edition', async () => {
    const [first, second] = emu.channelIds;
    await deliverer.send(first!, digest);
    await deliverer.send(second!, digest);
    for (const channel of [first, second]) {
      const [post] = emu.requests.filter((r) => r.path === `/channels/${channel}/messages`);
      expect(post?.files.map((f) => [f.field, f.name, [...f.data]])).toEqual([['files[0]', 'digest.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]]]);
      expect((post?.json as { attachments: unknown }).attachments).toEqual([{ id: 0, filename: 'digest.png', description: 'IWM vs SPY' }]);
    }
    expect([...digest.chart!.png]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
  });

  it('maps Unknown Channel to gone and Missing Access to forbidden', async () => {
    expect((await failure('111111111111111111')).kind).toBe('gone');
    const markets = emu.channelIds[1]!;
    emu.forbidChannel(markets);
    expect((await failure(markets)).kind).toBe('forbidden');
    emu.failNext({ path: `/channels/${emu.channelId}/messages`, status: 403, code: 50013, message: 'Missing Permissions' });
    expect((await failure(emu.channelId)).kind).toBe('forbidden');
  });

  it('maps a long 429 to rate_limited with the wait, and absorbs a short one', async () => {
    emu.failNext({ path: `/channels/${emu.channelId}/messages`, status: 429, retryAfter: 0.05 });
    await deliverer.send(emu.channelId, digest);
    expect(emu.messagesIn(emu.channelId)).toHaveLength(1);

    const other = emu.channelIds[1]!;
    emu.failNext({ path: `/channels/${other}/messages`, status: 429, retryAfter: 60 });
    const limited = await failure(other);
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfterMs).toBeGreaterThanOrEqual(59_000);
  });

  it('maps server errors that outlast the retries to transient', async () => {
    emu.failNext({ path: `/channels/${emu.channelId}/messages`, status: 502, times: 5 });
    expect((await failure(emu.channelId)).kind).toBe('transient');
  });
});
