/** A local Slack Web API for tests (`slackApiUrl: emulator.url`): records every call, file uploads, channel
 *  history and response_url posts, and can be told to fail like Slack does. */
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockProblem } from './block-validator.ts';
import { parseParams } from './form.ts';
import { FileUploads, type SlackUpload } from './files.ts';
import { waitUntil } from './wait.ts';
import { ChannelHistory, type StoredMessage } from './history.ts';
import { missingScope } from './scopes.ts';

export interface SlackCall {
  method: string;
  /** Form parameters; JSON-valued ones (blocks, attachments, files) parsed. */
  params: Record<string, unknown>;
  token?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface SlackUser {
  id: string;
  name: string;
  is_admin: boolean;
  is_owner: boolean;
  is_bot: boolean;
}

export interface SlackChannel {
  id: string;
  name: string;
  creator: string;
  is_archived: boolean;
  is_private: boolean;
  /** Whether the bot is a member (conversations.info `is_member`); history needs it. */
  is_member: boolean;
}

/** A Web API error string (`channel_not_found`…), or an HTTP 429 with Retry-After seconds. */
export type Failure = { error: string } | { status: 429; retryAfter: number };

export interface SlackApiEmulatorOptions {
  /** When set, calls with another token fail with invalid_auth. */
  token?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** Bot scopes granted; when set, methods needing another answer missing_scope. Default: everything. */
  scopes?: string[];
}

/** Methods whose `channel` / `channel_id` a failChannel() error applies to. */
const CHANNEL_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'files.completeUploadExternal', 'conversations.info', 'conversations.history']);

export type { SlackUpload };

export class SlackApiEmulator {
  readonly calls: SlackCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  private readonly failures = new Map<string, Failure[]>();
  private readonly channelFailures = new Map<string, string>();
  /** Every message the bot left in each channel (posts and file shares). */
  readonly history = new ChannelHistory();
  /** While set, every call with the bot token fails with this error (token_revoked, account_inactive…). */
  private tokenError: string | undefined;
  scopes: string[] | undefined;
  private readonly files = new FileUploads();
  /** Bytes received by the upload URLs. */
  get uploads(): SlackUpload[] {
    return this.files.uploads;
  }
  private readonly events = new EventEmitter();
  private readonly server = createServer((req, res) => void this.route(req, res));
  private seq = 0;
  private port = 0;
  /** What apps.connections.open hands out (see socket-mode.ts). */
  socketModeUrl: string | undefined;

  private readonly opts: SlackApiEmulatorOptions;

  constructor(opts: SlackApiEmulatorOptions = {}) {
    this.opts = opts;
    this.botUserId = opts.botUserId ?? 'U0CAPWATCH';
    this.botId = opts.botId ?? 'B0CAPWATCH';
    this.teamId = opts.teamId ?? 'T0TEAM';
    this.scopes = opts.scopes;
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Base URL for `slackApiUrl` (ends with /api/). */
  get url(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url whose posts land in `responses` under this id. */
  responseUrl(id = `r${++this.seq}`): string {
    return `${this.origin}/respond/${id}`;
  }

  setUser(id: string, user: Partial<SlackUser> = {}): void {
    this.users.set(id, { id, name: id.toLowerCase(), is_admin: false, is_owner: false, is_bot: false, ...user });
  }

  setChannel(id: string, channel: Partial<SlackChannel> = {}): void {
    this.channels.set(id, { id, name: id.toLowerCase(), creator: 'U0NOBODY', is_archived: false, is_private: false, is_member: true, ...channel });
  }

  /** The token goes bad (token_revoked, invalid_auth, account_inactive…) until called again with undefined. */
  setTokenError(error: string | undefined): void {
    this.tokenError = error;
  }

  /** Messages in a channel carrying metadata of this event type (e.g. digests). */
  posts(channelId: string, eventType?: string): StoredMessage[] {
    const all = this.history.messages(channelId).filter((m) => !m.upload);
    return eventType ? all.filter((m) => m.metadata?.event_type === eventType) : all;
  }

  /** File share messages in a channel. */
  fileShares(channelId: string): StoredMessage[] {
    return this.history.messages(channelId).filter((m) => m.upload);
  }

  /** The next `times` calls of method fail this way. */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  /** Every call aimed at this channel fails with this error (channel_not_found, not_in_channel, is_archived…). */
  failChannel(channelId: string, error: string): void {
    this.channelFailures.set(channelId, error);
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once check() returns a value other than undefined/false; rejects after timeoutMs (a hang guard, not a timing assertion). */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    return waitUntil(this.events, 'record', check, timeoutMs, 'SlackApiEmulator.waitFor: condition not met');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(): void {
    this.events.emit('record');
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    // A client killed mid-request (kill -9 trials) aborts the body: nothing to answer then.
    const read = await (async () => { for await (const chunk of req) chunks.push(chunk as Buffer); })().then(() => true, () => false);
    if (!read) return;
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path.startsWith('/api/')) return await this.api(path.slice(5), req, raw, res);
      if (path.startsWith('/upload/')) return await this.files.receive(path.slice(8), req, raw, res, () => this.record());
      if (path.startsWith('/respond/')) {
        this.responses.push({ id: path.slice(9), body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        this.record();
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  }

  private async api(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const params = await parseParams(req, raw);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof params.token === 'string' ? params.token : undefined;
    delete params.token;
    this.calls.push({ method, params, token });
    const send = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      // Slack names the token's scopes on every answer (https://api.slack.com/scopes: x-oauth-scopes).
      const scopes = this.scopes ? { 'x-oauth-scopes': this.scopes.join(',') } : {};
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...scopes, ...headers }).end(JSON.stringify(body));
      this.record();
    };
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ('status' in failure) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      return send(200, { ok: false, error: failure.error });
    }
    if (!token) return send(200, { ok: false, error: 'not_authed' });
    if (method === 'apps.connections.open') {
      // Only app-level tokens may open Socket Mode connections.
      if (!token.startsWith('xapp-')) return send(200, { ok: false, error: 'not_allowed_token_type' });
      if (!this.socketModeUrl) return send(200, { ok: false, error: 'socket_mode_not_enabled' });
      return send(200, { ok: true, url: this.socketModeUrl });
    }
    if (this.opts.token && token !== this.opts.token) return send(200, { ok: false, error: 'invalid_auth' });
    if (this.tokenError) return send(200, { ok: false, error: this.tokenError });
    const channel = String(params.channel ?? params.channel_id ?? '');
    if (this.scopes) {
      const denied = missingScope(method, this.scopes, this.channels.get(channel)?.is_private ?? false);
      if (denied) return send(200, denied);
    }
    const channelError = CHANNEL_METHODS.has(method) ? this.channelFailures.get(channel) : undefined;
    if (channelError) return send(200, { ok: false, error: channelError });
    const body = this.answer(method, params, channel);
    send(200, body);
  }

  private answer(method: string, params: Record<string, unknown>, channel: string): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://emulated.slack.test/', team: 'Emulated', user: 'capwatch', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (params.text === undefined && params.blocks === undefined) return { ok: false, error: 'no_text' };
        if (params.blocks !== undefined) {
          const problem = blockProblem(params.blocks);
          if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        }
        const ts = this.history.nextTs();
        if (method === 'chat.postEphemeral') return { ok: true, message_ts: ts };
        const message: StoredMessage = {
          type: 'message',
          text: typeof params.text === 'string' ? params.text : undefined,
          blocks: params.blocks,
          user: this.botUserId,
          bot_id: this.botId,
          app_id: 'A0CAPWATCH',
          team: this.teamId,
          ts,
          ...(typeof params.thread_ts === 'string' ? { thread_ts: params.thread_ts } : {}),
          ...(isMetadata(params.metadata) ? { metadata: params.metadata } : {}),
        };
        this.history.add(channel, message);
        return { ok: true, channel, ts, message };
      }
      case 'conversations.history': {
        const c = this.channels.get(channel);
        if (c && !c.is_member) return { ok: false, error: 'not_in_channel' };
        return this.history.query(channel, {
          oldest: params.oldest === undefined ? undefined : String(params.oldest),
          latest: params.latest === undefined ? undefined : String(params.latest),
          inclusive: params.inclusive === 'true' || params.inclusive === true,
          limit: params.limit === undefined ? undefined : Number(params.limit),
          cursor: typeof params.cursor === 'string' && params.cursor ? params.cursor : undefined,
          includeAllMetadata: params.include_all_metadata === 'true' || params.include_all_metadata === true,
        });
      }
      case 'files.getUploadURLExternal':
        return this.files.uploadUrl(params, this.origin);
      case 'files.completeUploadExternal':
        return this.files.complete(params, channel, (shared) =>
          this.history.add(channel, { type: 'message', text: '', user: this.botUserId, team: this.teamId, files: shared, upload: true, ts: this.history.nextTs() }),
        );
      case 'users.info': {
        const user = this.users.get(String(params.user));
        return user ? { ok: true, user: { ...user, deleted: false, team_id: this.teamId } } : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.info': {
        const c = this.channels.get(channel);
        return c ? { ok: true, channel: { ...c, is_channel: !c.is_private, is_group: false, is_im: false } } : { ok: false, error: 'channel_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function isMetadata(value: unknown): value is StoredMessage['metadata'] & object {
  const v = value as { event_type?: unknown; event_payload?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.event_type === 'string' && typeof v.event_payload === 'object';
}

export async function startSlackApi(opts?: SlackApiEmulatorOptions): Promise<SlackApiEmulator> {
  return new SlackApiEmulator(opts).start();
}
