/** The REST routes the bot uses, answered from the emulator's in-memory state. */
import type { RecordedFile } from './http.ts';
import type { CommandStore } from './commands-store.ts';
import type { ComponentPayload } from './components.ts';
import type { InteractionPayload } from './interactions.ts';
import { editedMessage, messageFrom, sameEverywhere } from './messages.ts';
import { member, message, textChannel, type EmuOverwrite, type EmuRole, type EmuUser } from './objects.ts';

export type EmuMessage = ReturnType<typeof message>;

export interface InteractionRecord {
  payload: InteractionPayload | ComponentPayload;
  /** The initial callback (type 4, 5, 8, ...) once received. */
  response: { type: number; data: Record<string, unknown> | undefined } | null;
  original: EmuMessage | null;
  followups: EmuMessage[];
}

export interface EmulatorState {
  token: string;
  applicationId: string;
  botUser: EmuUser;
  gatewayUrl: string;
  /** What GET /gateway/bot recommends. */
  recommendedShards?: number;
  guild: { id: string; name: string; ownerId: string; channels: { id: string; name: string }[] };
  users: Map<string, EmuUser>;
  forbiddenChannels: Set<string>;
  commands: CommandStore;
  interactions: Map<string, InteractionRecord>;
  channelMessages: Map<string, EmuMessage[]>;
  /** Messages created with a nonce, by "<author>|<nonce>", for enforce_nonce. */
  nonces: Map<string, { message: EmuMessage; at: number }>;
  /** How long a nonce is remembered: Discord says "the past few minutes". */
  nonceWindowMs: number;
  /** Guild roles (the @everyone role has the guild's id), members' role ids, and channel overwrites. */
  roles: EmuRole[];
  memberRoles: Map<string, string[]>;
  overwrites: Map<string, EmuOverwrite[]>;
}

export interface RestCall {
  method: string;
  path: string;
  query: Record<string, string>;
  json: unknown;
  files: RecordedFile[];
  authorization: string | undefined;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const ok = (body: unknown): RestResult => ({ status: 200, body });
const noContent: RestResult = { status: 204 };
const error = (status: number, code: number, message: string): RestResult => ({ status, body: { code, message } });

type Handler = (state: EmulatorState, call: RestCall, params: string[]) => RestResult;

interface Route {
  method: string;
  pattern: RegExp;
  /** Bot token required (interaction webhooks authenticate with their token in the path). */
  auth: boolean;
  handler: Handler;
}

const routes: Route[] = [
  { method: 'GET', pattern: /^\/gateway\/bot$/, auth: true, handler: (s) => ok(gatewayBot(s)) },
  { method: 'GET', pattern: /^\/gateway$/, auth: false, handler: (s) => ok({ url: s.gatewayUrl }) },
  { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handler: (s) => ok(s.botUser) },
  { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handler: (s) => ok(application(s)) },
  { method: 'GET', pattern: /^\/applications\/(\d+)\/commands$/, auth: true, handler: listCommands },
  { method: 'PUT', pattern: /^\/applications\/(\d+)\/commands$/, auth: true, handler: overwriteCommands },
  { method: 'POST', pattern: /^\/applications\/(\d+)\/commands$/, auth: true, handler: createCommand },
  { method: 'DELETE', pattern: /^\/applications\/(\d+)\/commands\/(\d+)$/, auth: true, handler: deleteCommand },
  { method: 'GET', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, auth: true, handler: listCommands },
  { method: 'PUT', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, auth: true, handler: overwriteCommands },
  { method: 'POST', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, auth: true, handler: createCommand },
  { method: 'DELETE', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands\/(\d+)$/, auth: true, handler: deleteCommand },
  { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, auth: false, handler: interactionCallback },
  { method: 'GET', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, auth: false, handler: getWebhookMessage },
  { method: 'PATCH', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, auth: false, handler: editWebhookMessage },
  { method: 'DELETE', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, auth: false, handler: deleteWebhookMessage },
  { method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, auth: false, handler: followup },
  { method: 'GET', pattern: /^\/channels\/(\d+)$/, auth: true, handler: getChannel },
  { method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, auth: true, handler: createChannelMessage },
  { method: 'GET', pattern: /^\/guilds\/(\d+)\/members\/(\d+)$/, auth: true, handler: getMember },
  { method: 'GET', pattern: /^\/guilds\/(\d+)\/roles$/, auth: true, handler: getRoles },
];

export function route(state: EmulatorState, call: RestCall): RestResult {
  for (const r of routes) {
    if (r.method !== call.method) continue;
    const match = r.pattern.exec(call.path);
    if (!match) continue;
    if (r.auth && call.authorization !== `Bot ${state.token}`) return error(401, 0, '401: Unauthorized');
    return r.handler(state, call, match.slice(1));
  }
  return error(404, 0, '404: Not Found');
}

function gatewayBot(s: EmulatorState) {
  return {
    url: s.gatewayUrl,
    shards: s.recommendedShards ?? 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
  };
}

function application(s: EmulatorState) {
  return { id: s.applicationId, name: 'capwatch', icon: null, description: '', bot_public: true, bot_require_code_grant: false, flags: 0, bot: s.botUser };
}

function checkApp(s: EmulatorState, appId: string | undefined): RestResult | null {
  return appId === s.applicationId ? null : error(403, 50001, 'Missing Access');
}

function listCommands(s: EmulatorState, _call: RestCall, params: string[]): RestResult {
  return checkApp(s, params[0]) ?? ok(s.commands.list(params[1]));
}

function overwriteCommands(s: EmulatorState, call: RestCall, params: string[]): RestResult {
  if (!Array.isArray(call.json)) return error(400, 50035, 'Invalid Form Body');
  if (call.json.length > 100) return error(400, 30032, 'Maximum number of application commands reached (100)');
  return checkApp(s, params[0]) ?? ok(s.commands.overwrite(s.applicationId, call.json as Record<string, unknown>[], params[1]));
}

function createCommand(s: EmulatorState, call: RestCall, params: string[]): RestResult {
  return checkApp(s, params[0]) ?? { status: 201, body: s.commands.upsert(s.applicationId, call.json as Record<string, unknown>, params[1]) };
}

function deleteCommand(s: EmulatorState, _call: RestCall, params: string[]): RestResult {
  const guildId = params.length === 3 ? params[1] : undefined;
  const id = params[params.length - 1] ?? '';
  const denied = checkApp(s, params[0]);
  if (denied) return denied;
  return s.commands.remove(id, guildId) ? noContent : error(404, 10063, 'Unknown application command');
}

function interactionByToken(s: EmulatorState, appId: string | undefined, token: string | undefined): InteractionRecord | undefined {
  if (appId !== s.applicationId) return undefined;
  for (const record of s.interactions.values()) if (record.payload.token === token) return record;
  return undefined;
}

function interactionCallback(s: EmulatorState, call: RestCall, params: string[]): RestResult {
  const record = s.interactions.get(params[0] ?? '');
  if (!record || record.payload.token !== params[1]) return error(404, 10062, 'Unknown interaction');
  if (record.response) return error(400, 40060, 'Interaction has already been acknowledged.');
  const body = call.json as { type?: number; data?: Record<string, unknown> } | undefined;
  if (!body || typeof body.type !== 'number') return error(400, 50035, 'Invalid Form Body');
  record.response = { type: body.type, data: body.data };
  const webhook = { webhookId: s.applicationId, applicationId: s.applicationId };
  if (body.type === 4) {
    record.original = messageFrom(s, record.payload.channel_id, { ...call, json: body.data ?? {} }, webhook);
  } else if (body.type === 5) {
    const flags = typeof body.data?.flags === 'number' ? body.data.flags : 0;
    // A deferred response shows a "thinking" placeholder: flag 128 (LOADING).
    record.original = messageFrom(s, record.payload.channel_id, { ...call, json: {}, files: [] }, { ...webhook, flags: flags | 128 });
  } else if (body.type === 7 && record.original) {
    // UPDATE_MESSAGE: the message the clicked component is on (kept as this interaction's original).
    record.original = sameEverywhere(s, editedMessage(s, record.original, { ...call, json: body.data ?? {} }));
  }
  if (call.query.with_response !== 'true') return noContent;
  return ok({
    interaction: {
      id: record.payload.id,
      type: record.payload.type,
      response_message_id: record.original?.id,
      response_message_loading: body.type === 5,
      response_message_ephemeral: ((record.original?.flags ?? 0) & 64) !== 0,
    },
    resource: { type: body.type, ...(record.original ? { message: record.original } : {}) },
  });
}

function findWebhookMessage(record: InteractionRecord, messageId: string | undefined): EmuMessage | undefined {
  if (messageId === '@original') return record.original ?? undefined;
  return record.followups.find((m) => m.id === messageId);
}

function getWebhookMessage(s: EmulatorState, _call: RestCall, params: string[]): RestResult {
  const record = interactionByToken(s, params[0], params[1]);
  if (!record) return error(404, 10015, 'Unknown Webhook');
  const found = findWebhookMessage(record, params[2]);
  return found ? ok(found) : error(404, 10008, 'Unknown Message');
}

function editWebhookMessage(s: EmulatorState, call: RestCall, params: string[]): RestResult {
  const record = interactionByToken(s, params[0], params[1]);
  if (!record || !record.response) return error(404, 10015, 'Unknown Webhook');
  const found = findWebhookMessage(record, params[2]);
  if (!found) return error(404, 10008, 'Unknown Message');
  const edited = editedMessage(s, found, call);
  if (params[2] === '@original') record.original = sameEverywhere(s, edited);
  else record.followups = record.followups.map((m) => (m.id === found.id ? edited : m));
  return ok(edited);
}

function deleteWebhookMessage(s: EmulatorState, _call: RestCall, params: string[]): RestResult {
  const record = interactionByToken(s, params[0], params[1]);
  if (!record || !record.response) return error(404, 10015, 'Unknown Webhook');
  if (params[2] === '@original') record.original = null;
  else record.followups = record.followups.filter((m) => m.id !== params[2]);
  return noContent;
}

function followup(s: EmulatorState, call: RestCall, params: string[]): RestResult {
  const record = interactionByToken(s, params[0], params[1]);
  if (!record || !record.response) return error(404, 10015, 'Unknown Webhook');
  const created = messageFrom(s, record.payload.channel_id, call, { webhookId: s.applicationId, applicationId: s.applicationId });
  record.followups.push(created);
  return ok(created);
}

function channelAccess(s: EmulatorState, channelId: string): RestResult | null {
  if (!s.guild.channels.some((c) => c.id === channelId)) return error(404, 10003, 'Unknown Channel');
  if (s.forbiddenChannels.has(channelId)) return error(403, 50001, 'Missing Access');
  return null;
}

function getChannel(s: EmulatorState, _call: RestCall, params: string[]): RestResult {
  const id = params[0] ?? '';
  const denied = channelAccess(s, id);
  if (denied) return denied;
  const channel = s.guild.channels.find((c) => c.id === id);
  return ok({ ...textChannel(id, s.guild.id, channel?.name ?? 'general'), permission_overwrites: s.overwrites.get(id) ?? [] });
}

function createChannelMessage(s: EmulatorState, call: RestCall, params: string[]): RestResult {
  const id = params[0] ?? '';
  const denied = channelAccess(s, id);
  if (denied) return denied;
  const body = (call.json ?? {}) as Record<string, unknown>;
  const hasContent = (typeof body.content === 'string' && body.content.length > 0) || (Array.isArray(body.embeds) && body.embeds.length > 0) || call.files.length > 0;
  if (!hasContent) return error(400, 50006, 'Cannot send an empty message');
  // enforce_nonce: the same nonce from the same author within the window answers the first message again.
  const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
  const nonceKey = nonce !== undefined && body.enforce_nonce === true ? `${s.botUser.id}|${nonce}` : undefined;
  const earlier = nonceKey ? s.nonces.get(nonceKey) : undefined;
  if (earlier && Date.now() - earlier.at < s.nonceWindowMs) return ok(earlier.message);
  const created = { ...messageFrom(s, id, call), ...(nonce !== undefined ? { nonce } : {}) };
  if (nonceKey) s.nonces.set(nonceKey, { message: created, at: Date.now() });
  const list = s.channelMessages.get(id) ?? [];
  list.push(created);
  s.channelMessages.set(id, list);
  return ok(created);
}

function getMember(s: EmulatorState, _call: RestCall, params: string[]): RestResult {
  if (params[0] !== s.guild.id) return error(404, 10004, 'Unknown Guild');
  const found = s.users.get(params[1] ?? '');
  return found ? ok({ ...member(found), roles: s.memberRoles.get(found.id) ?? [] }) : error(404, 10013, 'Unknown User');
}

function getRoles(s: EmulatorState, _call: RestCall, params: string[]): RestResult {
  return params[0] === s.guild.id ? ok(s.roles) : error(404, 10004, 'Unknown Guild');
}
