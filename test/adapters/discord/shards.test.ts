import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordHandle } from '../../../adapters/discord/index.ts';
import type { Release, ShardLocks } from '../../../adapters/discord/shards.ts';
import { allCommands } from '../../../commands/index.ts';
import { createBot } from '../../../src/bot.ts';
import { DiscordEmulator, shardOfGuild } from '../../emulators/discord/emulator.ts';
import { market, now } from './harness.ts';

/**
 * Locks shared by several instances, standing in for PostgreSQL advisory locks: a lock is held by one
 * instance until released, or until that instance dies (its database session ends).
 */
function sharedLocks() {
  const holders = new Map<number, string>();
  return {
    holders,
    forInstance(name: string): ShardLocks {
      return {
        async tryAcquire(shard): Promise<Release | null> {
          if (holders.has(shard)) return null;
          holders.set(shard, name);
          return async () => {
            if (holders.get(shard) === name) holders.delete(shard);
          };
        },
      };
    },
    die(name: string) {
      for (const [shard, holder] of holders) if (holder === name) holders.delete(shard);
    },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let emu: DiscordEmulator | undefined;
const handles: DiscordHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.stop();
  await emu?.close();
  emu = undefined;
});

function instance(locks: ShardLocks, extra: Partial<Parameters<typeof startDiscord>[0]> = {}) {
  const bot = createBot({ commands: allCommands, market: market(), now });
  return startDiscord({ token: emu!.token, appId: emu!.applicationId, apiUrl: emu!.apiUrl, bot, now, shards: { count: 'auto' }, shardLocks: locks, shardRetryMs: 50, drainMs: 100, ...extra }).then((h) => {
    handles.push(h);
    return h;
  });
}

const identifiedShards = (e: DiscordEmulator) => e.gateway.received.filter((p) => p.op === 2).map((p) => (p.d as { shard: [number, number] }).shard);
const repliesIn = (e: DiscordEmulator, channel: string) => e.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);

describe('Discord gateway shards across instances', () => {
  it('holds each shard in exactly one instance, answers a mention once, and takes over when the holder dies', async () => {
    emu = await DiscordEmulator.start({ shards: 2 });
    const locks = sharedLocks();
    const a = await instance(locks.forInstance('a'));
    const b = await instance(locks.forInstance('b'));
    expect(a.shardCount).toBe(2); // DISCORD_SHARDS=auto: Discord's recommendation
    expect(a.shards()).toEqual([0, 1]);
    expect(b.shards()).toEqual([]);
    expect(identifiedShards(emu).sort()).toEqual([[0, 2], [1, 2]]);

    const guildShard = shardOfGuild(emu.guildId, 2);
    emu.sendMessage({ content: `<@${emu.applicationId}> how are small caps doing this month?`, mentions: [emu.botUser] });
    await until(() => repliesIn(emu!, emu!.channelId).length === 1, 'a reply from the shard holder');

    // The holder dies: its database session ends (locks freed) and its gateway sockets close.
    locks.die('a');
    await a.stop();
    await until(() => b.shards().length === 2, 'takeover of both shards');
    expect(locks.holders).toEqual(new Map([[0, 'b'], [1, 'b']]));
    expect(emu.gateway.shardSessions.get(guildShard)?.socket).toBeTruthy();

    emu.sendMessage({ content: `<@${emu.applicationId}> are small caps cheap?`, mentions: [emu.botUser] });
    await until(() => repliesIn(emu!, emu!.channelId).length === 2, 'a reply after the takeover');
    await new Promise((r) => setTimeout(r, 200));
    expect(repliesIn(emu, emu.channelId)).toHaveLength(2); // never twice
  }, 30_000);

  it('splits shards by DISCORD_SHARD_IDS, and a slash command reaches only the guild shard holder', async () => {
    emu = await DiscordEmulator.start();
    const locks = sharedLocks();
    const zero = await instance(locks.forInstance('zero'), { shards: { count: 2, ids: [0] } });
    const one = await instance(locks.forInstance('one'), { shards: { count: 2, ids: [1] } });
    expect([zero.shards(), one.shards()]).toEqual([[0], [1]]);
    const holder = shardOfGuild(emu.guildId, 2) === 0 ? zero : one;
    expect(holder.client?.guilds.cache.has(emu.guildId)).toBe(true);
    const sent = emu.sendSlash({ subcommand: 'valuation' });
    await emu.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(emu.requests.filter((r) => r.path.startsWith(`/interactions/${sent.id}/`))).toHaveLength(1);
  }, 30_000);

  it('digests go out through REST from an instance that holds no shard', async () => {
    emu = await DiscordEmulator.start();
    const locks = sharedLocks();
    await instance(locks.forInstance('holder'), { shards: undefined });
    const idle = await instance(locks.forInstance('idle'), { shards: undefined });
    expect(idle.shards()).toEqual([]);
    expect(idle.client).toBeUndefined();
    await idle.deliverer.send(emu.channelId, { title: 'Digest', commentary: 'Small caps led.', sections: [], sources: [], visibility: 'public', tone: 'neutral' });
    expect(emu.messagesIn(emu.channelId).map((m) => (m.embeds[0] as { title: string }).title)).toEqual(['Digest']);
  }, 30_000);
});
