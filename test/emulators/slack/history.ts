/**
 * Channel history for the Slack emulator: what chat.postMessage and file shares leave in a channel, read
 * back by conversations.history with Slack's paging rules (newest first; `oldest`/`latest` exclusive unless
 * `inclusive`; `limit` with a `next_cursor` while `has_more`). Shapes from
 * https://api.slack.com/methods/conversations.history and https://api.slack.com/metadata/using.
 */

export interface StoredMessage {
  type: 'message';
  ts: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  text?: string;
  blocks?: unknown;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  files?: { id: string; name?: string; title?: string; mimetype: string }[];
  upload?: boolean;
  team?: string;
}

export interface HistoryQuery {
  oldest?: string;
  latest?: string;
  inclusive?: boolean;
  limit?: number;
  cursor?: string;
  includeAllMetadata?: boolean;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 999;

export class ChannelHistory {
  private readonly byChannel = new Map<string, StoredMessage[]>();
  private lastMicros = 0;

  /** A message ts on the real clock ("seconds.micros"), strictly increasing like Slack's within a channel. */
  nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  add(channel: string, message: StoredMessage): void {
    const list = this.byChannel.get(channel) ?? [];
    list.push(message);
    this.byChannel.set(channel, list);
  }

  messages(channel: string): StoredMessage[] {
    return this.byChannel.get(channel) ?? [];
  }

  /** Messages of the channel carrying metadata of this event type. */
  withEvent(channel: string, eventType: string): StoredMessage[] {
    return this.messages(channel).filter((m) => m.metadata?.event_type === eventType);
  }

  query(channel: string, q: HistoryQuery): Record<string, unknown> {
    const oldest = Number(q.oldest ?? 0);
    const latest = q.latest === undefined ? Infinity : Number(q.latest);
    const inRange = (ts: number) => (q.inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
    const all = this.messages(channel)
      .filter((m) => inRange(Number(m.ts)))
      .sort((a, b) => Number(b.ts) - Number(a.ts));
    const offset = q.cursor ? Number(Buffer.from(q.cursor, 'base64').toString('utf8').replace(/^next_ts:/, '')) : 0;
    const limit = Math.min(Math.max(1, q.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    const page = all.slice(offset, offset + limit).map((m) => (q.includeAllMetadata ? m : withoutMetadata(m)));
    const hasMore = offset + limit < all.length;
    return {
      ok: true,
      messages: page,
      has_more: hasMore,
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      ...(hasMore ? { response_metadata: { next_cursor: Buffer.from(`next_ts:${offset + limit}`).toString('base64') } } : {}),
    };
  }
}

function withoutMetadata(m: StoredMessage): StoredMessage {
  const { metadata: _metadata, ...rest } = m;
  return rest;
}
