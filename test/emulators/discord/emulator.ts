/**
 * A local Discord: HTTP REST (under /api/v10) and a WebSocket gateway on one 127.0.0.1 port.
 * The real discord.js client connects to it with `rest: { api: emulator.apiUrl }`; every REST request
 * is recorded for assertions, and failures (429, 403, 404, 5xx) can be injected per route.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandStore } from './commands-store.ts';
import { injectedFailure, type FailureRule } from './failures.ts';
import { Gateway, shardOfGuild } from './gateway.ts';
import { decodeBody, readBody, sendJson, sendNoContent, type RecordedRequest } from './http.ts';
import { interactionPayload, InteractionType, type InteractionPayload, type SlashSpec } from './interactions.ts';
import { componentPayload, type ComponentPayload } from './components.ts';
import { guildCreate, MEMBER_PERMISSIONS, message, role, user, type EmuOverwrite, type EmuRole, type EmuUser } from './objects.ts';
import { postInteractionTo, postSignedInteraction, type InteractionSigner, type PostablePayload, type SignedPostOptions } from './signed-http.ts';
import { route, type EmulatorState, type EmuMessage, type InteractionRecord, type RestResult } from './rest.ts';
import { snowflake } from './snowflake.ts';
import { waitForGateway, waitForRequest } from './waits.ts';

export interface DiscordEmulatorOptions {
  token?: string;
  applicationId?: string;
  heartbeatIntervalMs?: number;
  /** Shard count recommended by GET /gateway/bot (DISCORD_SHARDS=auto). Default 1. */
  shards?: number;
}

const API_PREFIX = /^\/api(?:\/v\d+)?/;

export class DiscordEmulator extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly state: EmulatorState;
  readonly gateway: Gateway;
  readonly alice: EmuUser;
  readonly otherBot: EmuUser;
  private readonly failures: (FailureRule & { remaining: number })[] = [];
  /** Interactions posted to a bot's HTTP endpoint whose answer is not in yet, by token: their webhook calls wait. */
  readonly httpPending = new Map<string, Promise<void>>();
  private server: Server | null = null;
  private revokedToken: string | undefined;
  private port = 0;

  private constructor(opts: DiscordEmulatorOptions) {
    super();
    const token = opts.token ?? 'emulator-bot-token';
    const applicationId = opts.applicationId ?? snowflake();
    const botUser = user(applicationId, 'capwatch', true);
    this.alice = user(snowflake(), 'alice');
    this.otherBot = user(snowflake(), 'otherbot', true);
    const guildId = snowflake();
    this.state = {
      token,
      applicationId,
      botUser,
      gatewayUrl: '',
      recommendedShards: opts.shards ?? 1,
      guild: {
        id: guildId,
        name: 'Capwatch Test Guild',
        ownerId: this.alice.id,
        channels: [
          { id: snowflake(), name: 'general' },
          { id: snowflake(), name: 'markets' },
        ],
      },
      users: new Map([botUser, this.alice, this.otherBot].map((u) => [u.id, u])),
      forbiddenChannels: new Set(),
      commands: new CommandStore(),
      interactions: new Map(),
      channelMessages: new Map(),
      nonces: new Map(),
      nonceWindowMs: 5 * 60_000,
      roles: [role(guildId, '@everyone', MEMBER_PERMISSIONS)],
      memberRoles: new Map(),
      overwrites: new Map(),
    };
    this.gateway = new Gateway({
      token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      onIdentify: (sessionId, shard) => ({
        ready: {
          v: 10,
          user: { ...botUser, verified: true, mfa_enabled: false, flags: 0 },
          guilds: shardOfGuild(guildId, shard[1]) === shard[0] ? [{ id: guildId, unavailable: true }] : [],
          session_id: sessionId,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/resume`,
          shard,
          application: { id: applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
          user_settings: {},
          _trace: ['emulator'],
        },
        // A guild lives on shard (guild_id >> 22) % shard count.
        guilds: shardOfGuild(guildId, shard[1]) === shard[0] ? [guildCreate({ ...this.state.guild, botUser })] : [],
      }),
    });
  }

  static async start(opts: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
    const emu = new DiscordEmulator(opts);
    await emu.listen();
    return emu;
  }

  get token(): string { return this.state.token; }
  get applicationId(): string { return this.state.applicationId; }
  get botUser(): EmuUser { return this.state.botUser; }
  get guildId(): string { return this.state.guild.id; }
  /** The first text channel ("general"). */
  get channelId(): string { return this.state.guild.channels[0]?.id ?? ''; }
  get channelIds(): string[] { return this.state.guild.channels.map((c) => c.id); }
  /** REST base to give discord.js (`rest.api`) or DISCORD_API_URL. */
  get apiUrl(): string { return `http://127.0.0.1:${this.port}/api`; }

  failNext(rule: FailureRule): void {
    this.failures.push({ ...rule, remaining: rule.times ?? 1 });
  }

  /** Adds a guild role; `to` lists the members (user ids) who hold it. */
  addRole(name: string, permissions: bigint, to: string[] = []): EmuRole {
    const created = role(snowflake(), name, permissions, this.state.roles.length);
    this.state.roles.push(created);
    for (const id of to) this.state.memberRoles.set(id, [...(this.state.memberRoles.get(id) ?? []), created.id]);
    return created;
  }

  /** Sets a channel's permission overwrite for a role (type 0) or a member (type 1). */
  setOverwrite(channelId: string, overwrite: { id: string; type: 0 | 1; allow?: bigint; deny?: bigint }): void {
    const list = (this.state.overwrites.get(channelId) ?? []).filter((o) => o.id !== overwrite.id);
    const entry: EmuOverwrite = { id: overwrite.id, type: overwrite.type, allow: String(overwrite.allow ?? 0n), deny: String(overwrite.deny ?? 0n) };
    this.state.overwrites.set(channelId, [...list, entry]);
  }

  /** The bot token stops working (reset in the developer portal): every authenticated route answers 401. */
  revokeToken(): void {
    this.revokedToken = this.state.token;
    this.state.token = `revoked-${this.state.token}`;
  }

  restoreToken(): void {
    if (this.revokedToken) this.state.token = this.revokedToken;
    this.revokedToken = undefined;
  }

  /** The bot loses access to a channel: sends there answer 403 Missing Access. */
  forbidChannel(channelId: string): void {
    this.state.forbiddenChannels.add(channelId);
  }

  /** Dispatches a slash command; returns the payload (id and token included). */
  sendSlash(spec: Partial<SlashSpec> & { subcommand?: string }): InteractionPayload {
    return this.dispatchInteraction(spec, InteractionType.ApplicationCommand);
  }

  sendAutocomplete(spec: Partial<SlashSpec> & { focused: string }): InteractionPayload {
    return this.dispatchInteraction(spec, InteractionType.Autocomplete);
  }

  /** Dispatches a click on a component of `message` (a button's custom_id, or a select's id with the chosen values). */
  sendComponent(spec: { message: EmuMessage; customId: string; values?: string[]; user?: EmuUser; permissions?: string }): ComponentPayload {
    const payload = this.componentInteraction(spec);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  componentInteraction(spec: { message: EmuMessage; customId: string; values?: string[]; user?: EmuUser; permissions?: string }): ComponentPayload {
    const payload = componentPayload({ ...spec, user: spec.user ?? this.alice, guildId: this.guildId, channelId: spec.message.channel_id, applicationId: this.applicationId });
    this.state.interactions.set(payload.id, { payload, response: null, original: spec.message, followups: [] });
    return payload;
  }

  /** A slash command or autocomplete built and recorded but not dispatched (for the HTTP endpoint). */
  slashInteraction(spec: Partial<SlashSpec> & { subcommand?: string }, type: number = InteractionType.ApplicationCommand): InteractionPayload {
    return this.recordInteraction(spec, type);
  }

  /** Posts an interaction to a bot's HTTP endpoint, signed, as Discord does (see signed-http.ts). */
  postInteraction(url: string, payload: PostablePayload, signer: InteractionSigner, opts: SignedPostOptions = {}): Promise<{ status: number; json: unknown }> {
    return postInteractionTo(this, url, payload, signer, opts);
  }

  /** Dispatches MESSAGE_CREATE in a guild channel. */
  sendMessage(spec: { content: string; author?: EmuUser; channelId?: string; mentions?: EmuUser[] }): EmuMessage {
    const msg = message({
      channelId: spec.channelId ?? this.channelId,
      guildId: this.guildId,
      author: spec.author ?? this.alice,
      content: spec.content,
      mentions: spec.mentions ?? [],
    });
    this.gateway.dispatch('MESSAGE_CREATE', { ...msg, member: { roles: [], joined_at: '2024-01-02T03:04:05.000000+00:00', deaf: false, mute: false, flags: 0 } });
    return msg;
  }

  interaction(id: string): InteractionRecord | undefined {
    return this.state.interactions.get(id);
  }

  messagesIn(channelId: string): EmuMessage[] {
    return this.state.channelMessages.get(channelId) ?? [];
  }

  /** Resolves with the first recorded request (past or future) matching the predicate. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return waitForRequest(this, match, timeoutMs);
  }

  /** Resolves on the next gateway event ('identify', 'resume', 'connection', 'disconnect', 'heartbeat'). */
  waitForGateway(event: string, timeoutMs = 10_000): Promise<void> {
    return waitForGateway(this.gateway, event, timeoutMs);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }

  private dispatchInteraction(spec: Partial<SlashSpec>, type: number): InteractionPayload {
    const payload = this.recordInteraction(spec, type);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  private recordInteraction(spec: Partial<SlashSpec>, type: number): InteractionPayload {
    const payload = interactionPayload(
      {
        command: spec.command ?? 'smallcaps',
        subcommand: spec.subcommand,
        options: spec.options,
        focused: spec.focused,
        user: spec.user ?? this.alice,
        permissions: spec.permissions,
        guildId: 'guildId' in spec ? spec.guildId : this.guildId,
        channelId: spec.channelId ?? this.channelId,
        applicationId: this.applicationId,
        commandId: spec.commandId,
      },
      type,
    );
    this.state.interactions.set(payload.id, { payload, response: null, original: null, followups: [] });
    return payload;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    this.state.gatewayUrl = `ws://127.0.0.1:${this.port}/gateway`;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = decodeURIComponent(url.pathname).replace(API_PREFIX, '');
    // Discord has the endpoint's answer before it accepts edits on that interaction's webhook.
    const pending = this.httpPending.get(/^\/webhooks\/\d+\/([^/]+)/.exec(path)?.[1] ?? '');
    if (pending) await pending;
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = req.headers['content-type'];
    const decoded = await decodeBody(contentType, await readBody(req));
    const call = { method, path, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, ...decoded };
    const result = injectedFailure(this.failures, method, path) ?? route(this.state, call);
    const recorded: RecordedRequest = { ...call, contentType, status: result.status };
    this.requests.push(recorded);
    this.emit('request', recorded);
    if (result.status === 204) sendNoContent(res);
    else sendJson(res, result.status, result.body ?? {}, result.headers);
  }

}

export type { FailureRule } from './failures.ts';
export type { RecordedRequest, RecordedFile } from './http.ts';
export type { EmuMessage, InteractionRecord } from './rest.ts';
export type { EmuUser } from './objects.ts';
export { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, PERMISSIONS } from './objects.ts';
export { shardOfGuild } from './gateway.ts';
