import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordHandle } from '../../../adapters/discord/index.ts';
import { superviseShards, type ShardLockHandle, type ShardLocks } from '../../../adapters/discord/shards.ts';
import { silentLogger } from '../../../src/logger.ts';
import { allCommands } from '../../../commands/index.ts';
import { createBot } from '../../../src/bot.ts';
import { DiscordEmulator, shardOfGuild } from '../../emulators/discord/emulator.ts';
import { market, now } from './harness.ts';

/**
 * Locks shared by several instances, standing in for PostgreSQL advisory locks: a lock is held by one
 * instance until released, or until that instance dies (its database session ends).
 */
function sharedLocks() {
  const holders = new Map<string, { instance: string; lose: () => void }>();
  return {
    holders: () => new Map([...holders].map(([name, h]) => [name, h.instance])),
    forInstance(instance: string): ShardLocks {
      return {
        async tryHold(name): Promise<ShardLockHandle | null> {
          if (holders.has(name)) return null;
          let lose = () => {};
          const lost = new Promise<void>((resolve) => (lose = resolve));
          holders.set(name, { instance, lose });
          return {
            lost,
            release: async () => {
              if (holders.get(name)?.instance === instance) holders.delete(name);
            },
          };
        },
      };
    },
    /** The instance's database session ends: its locks are freed and reported lost. */
    die(instance: string) {
      for (const [name, h] of holders) {
        if (h.instance !== instance) continue;
        holders.delete(name);
        h.lose();
      }
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

describe('shard supervisor', () => {
  it('lets go of a shard whose lock is lost, and takes it again once the lock is free', async () => {
    const locks = sharedLocks();
    const events: string[] = [];
    const supervisor = await superviseShards({
      count: 2,
      ids: [1],
      locks: locks.forInstance('me'),
      retryMs: 60_000, // rounds run by hand below
      logger: silentLogger,
      startShard: async (id) => {
        events.push(`start ${id}`);
        return { stop: async () => void events.push(`stop ${id}`) };
      },
    });
    expect(supervisor.held()).toEqual([1]);
    locks.die('me');
    await until(() => events.includes('stop 1'), 'the shard stopped');
    expect(supervisor.held()).toEqual([]);
    await locks.forInstance('other').tryHold('discord:shard:1/2');
    await supervisor.tick();
    expect(supervisor.held()).toEqual([]); // held elsewhere now
    locks.die('other');
    await supervisor.tick();
    expect(supervisor.held()).toEqual([1]);
    await supervisor.stop();
    expect(events).toEqual(['start 1', 'stop 1', 'start 1', 'stop 1']);
    expect(locks.holders()).toEqual(new Map());
  });
});

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

    // The holder is killed: its database session ends (locks freed) and its gateway sockets close.
    locks.die('a');
    await a.stop();
    await until(() => b.shards().length === 2, 'takeover of both shards');
    expect(locks.holders()).toEqual(new Map([['discord:shard:0/2', 'b'], ['discord:shard:1/2', 'b']]));
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

  it('ignores shard ids beyond the count Discord recommends', async () => {
    emu = await DiscordEmulator.start({ shards: 1 });
    const h = await instance(sharedLocks().forInstance('only'), { shards: { count: 'auto', ids: [0, 5] } });
    expect([h.shardCount, h.shards()]).toEqual([1, [0]]);
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
