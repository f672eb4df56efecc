import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.ts';
import { ADMIN_COMMAND, MAIN_COMMAND, discordName } from '../../../adapters/discord/command-json.ts';
import { defineCommand, type Actor, type CommandDecl, type OptionDecl } from '../../../src/command.ts';
import { SubscriptionRepository } from '../../../src/digest/subscriptions.ts';
import { errorReply, type Reply } from '../../../src/reply.ts';
import { openTestStore } from '../../helpers/store.ts';
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS } from '../../emulators/discord/emulator.ts';
import { answerOf, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const EPHEMERAL = 64;
const sample = (o: OptionDecl) => o.default ?? o.choices?.[0]?.value ?? o.suggestions?.[0] ?? 'x';

function slashFor(decl: CommandDecl) {
  const options = Object.fromEntries(decl.options.filter((o) => o.required).map((o) => [discordName(o.name), sample(o)]));
  return {
    command: decl.permission === 'manage' ? ADMIN_COMMAND : MAIN_COMMAND,
    subcommand: discordName(decl.name),
    options,
    permissions: MANAGER_PERMISSIONS,
  };
}

const reply = (title: string): Reply => ({ title, commentary: `${title} done.`, sections: [], sources: [], visibility: 'public', tone: 'neutral' });

const STATEFUL = new Set(['subscribe', 'unsubscribe', 'status']);

describe('Discord slash commands through the real client', () => {
  it('answers every subcommand with an embed and mentions disabled', async () => {
    // Every command, subscriptions included, answers as it would in a real channel.
    const store = await openTestStore();
    h = await startHarness({
      charts: true,
      services: () => ({ subscriptions: new SubscriptionRepository(store) }),
    });
    const emu = h.emu;
    const sent = allCommands.map((decl) => ({ decl, payload: emu.sendSlash(slashFor(decl)) }));
    for (const { decl, payload } of sent) {
      const answer = await answerOf(emu, payload);
      const actor: Actor = { platform: 'discord', userId: emu.alice.id, channelId: emu.channelId, guildId: emu.guildId, canManage: true };
      // What the router itself answers for the same input (bad input never reaches handle()).
      const direct = await Promise.resolve()
        .then(() => h!.bot.handle(h!.bot.invocation(decl.name, slashFor(decl).options, 'slash', actor)))
        .catch((e: Error) => errorReply("I couldn't read that", e.message));
      // Subscription commands change channel state (and run concurrently here): their titles depend on order.
      if (STATEFUL.has(decl.name)) expect(answer.payload.embeds[0]?.title, decl.name).toMatch(/digest/i);
      else expect(answer.payload.embeds[0]?.title, decl.name).toBe(direct.title.slice(0, 256));
      expect(answer.payload.allowed_mentions).toEqual({ parse: [], replied_user: false });
      if (!STATEFUL.has(decl.name)) expect((answer.payload.flags ?? 0) & EPHEMERAL, decl.name).toBe(direct.visibility === 'ephemeral' ? EPHEMERAL : 0);
      if (decl.permission !== 'manage') expect(direct.error, `${decl.name}: ${direct.commentary}`).toBeUndefined();
    }
    expect(emu.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('replies at once (type 4) when the answer is at hand: fields, colour, footer with sources', async () => {
    // A generous deferral threshold keeps this about the path, not about machine speed.
    h = await startHarness({ adapter: { deferAfterMs: 2500 } });
    const sent = h.emu.sendSlash({ subcommand: 'performance', options: { period: '3m', vs: 'nasdaq' } });
    const answer = await answerOf(h.emu, sent);
    expect(answer.via).toBe('reply');
    expect(answer.callbackType).toBe(4);
    const embed = answer.payload.embeds[0];
    expect(embed?.fields?.map((f) => f.name).slice(0, 2)).toEqual(['IWM', 'QQQ']);
    expect(embed?.fields?.every((f) => f.inline)).toBe(true);
    expect(embed?.footer?.text).toMatch(/^Sources: .*Test feed.*, as of 2025-09-10/);
    expect(embed?.timestamp).toBe('2025-09-10T21:00:00.000Z');
    expect(typeof embed?.color).toBe('number');
  });

  it('defers (type 5) when the market is slow, then edits the original response', async () => {
    h = await startHarness({ delayMs: 700 });
    const sent = h.emu.sendSlash({ subcommand: 'performance', options: { period: '1m' } });
    const answer = await answerOf(h.emu, sent);
    expect(answer.via).toBe('edit');
    expect(h.emu.interaction(sent.id)?.response).toEqual({ type: 5, data: { flags: 0 } });
    expect(answer.payload.embeds[0]?.fields?.[0]?.name).toBe('IWM');
    expect(h.emu.interaction(sent.id)?.original?.embeds).toHaveLength(1);
  });

  it('answers in a DM, where nobody can manage digests', async () => {
    const actors: Actor[] = [];
    const who = defineCommand({ name: 'whoami', description: 'echo', options: [], run: async (ctx) => (actors.push(ctx.invocation.actor!), reply('Hi')) });
    h = await startHarness({ commands: [who] });
    const answer = await answerOf(h.emu, h.emu.sendSlash({ subcommand: 'whoami', guildId: undefined, permissions: MANAGER_PERMISSIONS }));
    expect(answer.payload.embeds[0]?.title).toBe('Hi');
    expect(actors).toEqual([{ platform: 'discord', userId: h.emu.alice.id, userName: 'alice', channelId: h.emu.channelId, canManage: false }]);
  });

  it('answers a bad option with an ephemeral explanation', async () => {
    h = await startHarness();
    const sent = h.emu.sendSlash({ subcommand: 'performance', options: { period: '7q' } });
    const answer = await answerOf(h.emu, sent);
    expect(answer.via).toBe('reply');
    expect(answer.payload.flags).toBe(EPHEMERAL);
    expect(answer.payload.embeds[0]?.title).toBe("I couldn't read that");
    expect(answer.payload.embeds[0]?.description).toMatch(/7q/);
  });

  it('turns a slow error into an ephemeral follow-up after removing the public placeholder', async () => {
    const slowFail = defineCommand({
      name: 'slowfail',
      description: 'fails slowly',
      options: [],
      run: async () => {
        await new Promise((r) => setTimeout(r, 500));
        return errorReply('Data unavailable', 'No data right now.', 'unavailable');
      },
    });
    h = await startHarness({ commands: [slowFail] });
    const sent = h.emu.sendSlash({ subcommand: 'slowfail' });
    const answer = await answerOf(h.emu, sent);
    expect(answer.via).toBe('followup');
    expect(answer.payload.flags).toBe(EPHEMERAL);
    expect(h.emu.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(`${sent.token}/messages/@original`))).toBe(true);
  });

  it('sends the chart as a multipart attachment shown in the embed', async () => {
    h = await startHarness({ charts: true });
    const sent = h.emu.sendSlash({ subcommand: 'chart', options: { period: '6m' } });
    const answer = await answerOf(h.emu, sent);
    expect(answer.files).toHaveLength(1);
    const file = answer.files[0]!;
    expect(file.field).toBe('files[0]');
    expect(file.contentType).toBe('image/png');
    expect([...file.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(answer.payload.embeds[0]?.image).toEqual({ url: `attachment://${file.name}` });
    expect(answer.payload.attachments?.map((a) => String(a.id))).toEqual(['0']);
  });

  it('offers autocomplete for open options and checks Manage Server for admin subcommands', async () => {
    const actors: Actor[] = [];
    const manage = defineCommand({
      name: 'subscribe',
      description: 'Daily digest here',
      permission: 'manage',
      options: [],
      run: async (ctx) => {
        actors.push(ctx.invocation.actor!);
        return reply('Subscribed');
      },
    });
    const perf = allCommands.find((c) => c.name === 'performance')!;
    h = await startHarness({ commands: [perf, manage] });
    const emu = h.emu;

    const auto = emu.sendAutocomplete({ subcommand: 'performance', options: { period: '3' }, focused: 'period' });
    const choices = await emu.waitForRequest((r) => r.path === `/interactions/${auto.id}/${auto.token}/callback`);
    expect(choices.json).toMatchObject({ type: 8 });
    const values = (choices.json as { data: { choices: { value: string }[] } }).data.choices.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['3m', '3y']));

    const denied = await answerOf(emu, emu.sendSlash({ command: ADMIN_COMMAND, subcommand: 'subscribe', permissions: MEMBER_PERMISSIONS }));
    expect(denied.payload.flags).toBe(EPHEMERAL);
    expect(denied.payload.embeds[0]?.title).toBe('Not allowed');
    expect(actors).toEqual([]);

    const allowed = await answerOf(emu, emu.sendSlash({ command: ADMIN_COMMAND, subcommand: 'subscribe', permissions: MANAGER_PERMISSIONS }));
    expect(allowed.payload.embeds[0]?.title).toBe('Subscribed');
    expect(actors).toEqual([
      { platform: 'discord', userId: emu.alice.id, userName: 'alice', channelId: emu.channelId, guildId: emu.guildId, canManage: true },
    ]);

    // The same subcommand name under /smallcaps is not the admin command.
    const wrongPlace = await answerOf(emu, emu.sendSlash({ command: MAIN_COMMAND, subcommand: 'subscribe', permissions: MANAGER_PERMISSIONS }));
    expect(wrongPlace.payload.embeds[0]?.title).toBe('Unknown command');
    expect(actors).toHaveLength(1);
  });
});
