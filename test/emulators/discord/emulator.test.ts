import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, Routes, type Interaction } from 'discord.js';
import { DiscordEmulator } from './emulator.ts';

let emu: DiscordEmulator;
let client: Client;

async function connect(): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: emu.apiUrl } });
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login(emu.token);
  await ready;
  return c;
}

function nextInteraction(c: Client): Promise<Interaction> {
  return new Promise((resolve) => c.once(Events.InteractionCreate, resolve));
}

beforeEach(async () => {
  emu = await DiscordEmulator.start();
  client = await connect();
});

afterEach(async () => {
  await client.destroy();
  await emu.close();
});

describe('Discord emulator with the real discord.js client', () => {
  it('serves gateway info, identifies without compression and delivers the guild', async () => {
    expect(emu.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(emu.gateway.connections[0]).toEqual({ path: '/gateway', query: { v: '10', encoding: 'json' } });
    const identify = emu.gateway.session?.identify as { intents: number; compress: boolean };
    expect(identify.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(identify.compress).toBe(false);
    expect(client.user?.id).toBe(emu.applicationId);
    expect(client.guilds.cache.get(emu.guildId)?.channels.cache.has(emu.channelId)).toBe(true);
  });

  it('records an immediate reply (type 4) with a multipart attachment', async () => {
    client.on(Events.InteractionCreate, (i) => {
      if (!i.isChatInputCommand()) return;
      void i.reply({
        embeds: [{ title: `sub ${i.options.getSubcommand()} ${i.options.getString('period')}`, image: { url: 'attachment://chart.png' } }],
        files: [{ attachment: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), name: 'chart.png' }],
        allowedMentions: { parse: [] },
      });
    });
    const sent = emu.sendSlash({ subcommand: 'performance', options: { period: '1m' } });
    const req = await emu.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(req.multipart).toBe(true);
    expect(req.status).toBe(204);
    expect(req.json).toMatchObject({ type: 4, data: { embeds: [{ title: 'sub performance 1m' }], allowed_mentions: { parse: [] } } });
    expect(req.files).toHaveLength(1);
    expect(req.files[0]?.name).toBe('chart.png');
    expect([...(req.files[0]?.data ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(emu.interaction(sent.id)?.original?.attachments[0]?.filename).toBe('chart.png');
  });

  it('records a deferral (type 5) then the edit of the original response', async () => {
    client.on(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await i.editReply({ content: 'done', files: [{ attachment: Buffer.from('png'), name: 'x.png' }] });
      await i.followUp({ content: `edited ${edited.id}` });
    });
    const sent = emu.sendSlash({ subcommand: 'valuation' });
    const followup = await emu.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${emu.applicationId}/${sent.token}`);
    const record = emu.interaction(sent.id);
    expect(record?.response).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = emu.requests.find((r) => r.method === 'PATCH' && r.path === `/webhooks/${emu.applicationId}/${sent.token}/messages/@original`);
    expect(edit?.json).toMatchObject({ content: 'done' });
    expect(edit?.files.map((f) => f.name)).toEqual(['x.png']);
    expect(followup.json).toMatchObject({ content: `edited ${record?.original?.id}` });
    expect(record?.original?.content).toBe('done');
  });

  it('refuses a second acknowledgement of the same interaction', async () => {
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await client.rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'again' } }, auth: false }).catch((e: unknown) => errors.push(e));
    });
    emu.sendSlash({ subcommand: 'ratecuts' });
    await emu.waitForRequest((r) => r.status === 400);
    await expect.poll(() => errors.length).toBe(1);
    expect((errors[0] as DiscordAPIError).code).toBe(40060);
  });

  it('answers channel messages, and 404/403 as Discord does', async () => {
    const [general, markets] = emu.channelIds as [string, string];
    await client.rest.post(Routes.channelMessages(general), { body: { content: 'hi', allowed_mentions: { parse: [] } } });
    expect(emu.messagesIn(general).map((m) => m.content)).toEqual(['hi']);

    const gone = await client.rest.post(Routes.channelMessages('123456789012345678'), { body: { content: 'x' } }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(DiscordAPIError);
    expect((gone as DiscordAPIError).status).toBe(404);
    expect((gone as DiscordAPIError).code).toBe(10003);

    emu.forbidChannel(markets);
    const forbidden = (await client.rest.post(Routes.channelMessages(markets), { body: { content: 'x' } }).catch((e: unknown) => e)) as DiscordAPIError;
    expect([forbidden.status, forbidden.code]).toEqual([403, 50001]);
  });

  it('honours enforce_nonce: the same nonce from the bot within the window returns the first message', async () => {
    const body = { content: 'digest', nonce: 'n-1', enforce_nonce: true };
    const first = (await client.rest.post(Routes.channelMessages(emu.channelId), { body })) as { id: string; nonce?: string };
    const again = (await client.rest.post(Routes.channelMessages(emu.channelId), { body })) as { id: string };
    expect(again.id).toBe(first.id);
    expect(first.nonce).toBe('n-1');
    expect(emu.messagesIn(emu.channelId)).toHaveLength(1);
    // Without enforce_nonce, or once the window has passed, a new message.
    await client.rest.post(Routes.channelMessages(emu.channelId), { body: { content: 'digest', nonce: 'n-1' } });
    emu.state.nonceWindowMs = 0;
    await client.rest.post(Routes.channelMessages(emu.channelId), { body });
    expect(emu.messagesIn(emu.channelId)).toHaveLength(3);
  });

  it('serves roles, channel overwrites and member roles for permission checks', async () => {
    const role = emu.addRole('bots', 1n << 14n, [emu.botUser.id]);
    emu.setOverwrite(emu.channelId, { id: emu.guildId, type: 0, deny: 1n << 15n });
    expect(await client.rest.get(Routes.guildRoles(emu.guildId))).toEqual(expect.arrayContaining([expect.objectContaining({ id: emu.guildId, name: '@everyone' }), expect.objectContaining({ id: role.id, permissions: String(1n << 14n) })]));
    expect(await client.rest.get(Routes.channel(emu.channelId))).toMatchObject({ permission_overwrites: [{ id: emu.guildId, type: 0, allow: '0', deny: String(1n << 15n) }] });
    expect(await client.rest.get(Routes.guildMember(emu.guildId, emu.botUser.id))).toMatchObject({ roles: [role.id] });
  });

  it('injects a 429 the client understands and retries after', async () => {
    emu.failNext({ method: 'POST', path: `/channels/${emu.channelId}/messages`, status: 429, retryAfter: 0.05 });
    await client.rest.post(Routes.channelMessages(emu.channelId), { body: { content: 'after limit' } });
    const posts = emu.requests.filter((r) => r.path === `/channels/${emu.channelId}/messages`);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(emu.messagesIn(emu.channelId)).toHaveLength(1);
  });

  it('dispatches MESSAGE_CREATE with content to a client without the message content intent', async () => {
    const got = new Promise<string>((resolve) => client.once(Events.MessageCreate, (m) => resolve(`${m.author.username}: ${m.content}`)));
    emu.sendMessage({ content: `<@${emu.applicationId}> how are small caps doing?`, mentions: [emu.botUser] });
    expect(await got).toBe(`alice: <@${emu.applicationId}> how are small caps doing?`);
  });

  it('resumes after a dropped socket and delivers events sent meanwhile', async () => {
    const resumed = emu.waitForGateway('resume');
    emu.gateway.drop();
    const pending = nextInteraction(client);
    const sent = emu.sendSlash({ subcommand: 'performance' });
    await resumed;
    const received = await pending;
    expect(received.id).toBe(sent.id);
    expect(emu.gateway.identifyCount).toBe(1);
    expect(emu.gateway.resumeCount).toBe(1);
    expect(emu.gateway.connections.map((c) => c.path)).toEqual(['/gateway', '/resume']);
  });

  it('stores application commands with Discord defaults and keeps ids on overwrite', async () => {
    const route = Routes.applicationGuildCommands(emu.applicationId, emu.guildId);
    const first = (await client.rest.put(route, { body: [{ name: 'smallcaps', description: 'Small caps' }] })) as { id: string; nsfw: boolean }[];
    expect(first[0]?.nsfw).toBe(false);
    const second = (await client.rest.put(route, { body: [{ name: 'smallcaps', description: 'Changed' }] })) as { id: string }[];
    expect(second[0]?.id).toBe(first[0]?.id);
    expect(await client.rest.get(route)).toEqual(second);
    expect(await client.rest.get(Routes.applicationCommands(emu.applicationId))).toEqual([]);
  });
});
