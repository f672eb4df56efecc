/** The gateway half of the emulator: HELLO, IDENTIFY -> READY, heartbeats, dispatches, RESUME -> RESUMED. */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

/** A guild lives on shard (guild_id >> 22) % shard count; DMs on shard 0. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

export interface GatewaySession {
  id: string;
  seq: number;
  /** Every dispatch of this session, kept for replay on RESUME. */
  log: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
  identify: Record<string, unknown>;
  /** [shard id, shard count] from IDENTIFY ([0, 1] when unsharded). */
  shard: [number, number];
}

export interface ConnectionRecord {
  path: string;
  query: Record<string, string>;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** What to send after a successful IDENTIFY: the READY body and the GUILD_CREATE bodies. */
  onIdentify(sessionId: string, shard: [number, number]): { ready: Record<string, unknown>; guilds: unknown[] };
}

export class Gateway extends EventEmitter {
  readonly sessions = new Map<string, GatewaySession>();
  readonly connections: ConnectionRecord[] = [];
  readonly received: GatewayPayload[] = [];
  /** Close codes of sockets the client closed (1000 for a clean shutdown). */
  readonly closeCodes: number[] = [];
  identifyCount = 0;
  resumeCount = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private current: GatewaySession | null = null;
  /** The session holding each shard id (several bots, one shard each, may be connected at once). */
  readonly shardSessions = new Map<number, GatewaySession>();
  private nextSession = 1;

  private readonly opts: GatewayOptions;

  constructor(opts: GatewayOptions) {
    super();
    this.opts = opts;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    this.connections.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  /** The session the bot currently holds (last IDENTIFY), if any. */
  get session(): GatewaySession | null {
    return this.current;
  }

  /**
   * Sends a dispatch to the session of the shard that owns it (guild_id >> 22 % shards; DMs on shard 0),
   * else to the current session; while that session is disconnected the event waits for RESUME.
   */
  dispatch(t: string, d: unknown): number {
    const session = this.sessionFor(d);
    if (!session) throw new Error('No gateway session: the bot has not identified');
    return this.dispatchTo(session, t, d);
  }

  private sessionFor(d: unknown): GatewaySession | null {
    const count = this.current?.shard[1] ?? 1;
    if (count <= 1) return this.current;
    const guildId = typeof d === 'object' && d !== null && 'guild_id' in d ? String(d.guild_id) : undefined;
    const shard = guildId ? shardOfGuild(guildId, count) : 0;
    return this.shardSessions.get(shard) ?? null;
  }

  private dispatchTo(session: GatewaySession, t: string, d: unknown): number {
    session.seq += 1;
    const s = session.seq;
    session.log.push({ s, t, d });
    if (session.socket && session.socket.readyState === session.socket.OPEN) {
      this.send(session.socket, { op: Op.Dispatch, s, t, d });
    }
    return s;
  }

  /** Drops the bot's socket. Without a code the TCP connection is cut (the client sees 1006 and resumes). */
  drop(code?: number): void {
    const socket = this.current?.socket;
    if (!socket) throw new Error('No connected gateway socket to drop');
    if (this.current) this.current.socket = null;
    if (code === undefined) socket.terminate();
    else socket.close(code, 'emulator drop');
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.emit('connection');
    this.send(ws, { op: Op.Hello, d: { heartbeat_interval: this.opts.heartbeatIntervalMs, _trace: ['emulator'] } });
    ws.on('message', (raw) => {
      let payload: GatewayPayload;
      try {
        payload = JSON.parse(String(raw)) as GatewayPayload;
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      this.received.push(payload);
      this.onPayload(ws, payload);
    });
    ws.on('close', (code) => {
      this.closeCodes.push(code);
      for (const session of this.sessions.values()) if (session.socket === ws) session.socket = null;
      this.emit('disconnect');
    });
  }

  private onPayload(ws: WebSocket, payload: GatewayPayload): void {
    switch (payload.op) {
      case Op.Heartbeat:
        this.send(ws, { op: Op.HeartbeatAck, d: null });
        this.emit('heartbeat');
        return;
      case Op.Identify:
        this.onIdentify(ws, payload.d as Record<string, unknown>);
        return;
      case Op.Resume:
        this.onResume(ws, payload.d as { token: string; session_id: string; seq: number | null });
        return;
      default:
        // Presence/voice updates and the like: accepted and recorded, nothing to answer.
        return;
    }
  }

  private onIdentify(ws: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.opts.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    this.identifyCount += 1;
    const id = `session_${this.nextSession++}`;
    const shard: [number, number] = Array.isArray(d.shard) && d.shard.length === 2 ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    const session: GatewaySession = { id, seq: 0, log: [], socket: ws, identify: d, shard };
    this.sessions.set(id, session);
    this.shardSessions.set(shard[0], session);
    this.current = session;
    const { ready, guilds } = this.opts.onIdentify(id, shard);
    this.dispatchTo(session, 'READY', ready);
    for (const guild of guilds) this.dispatchTo(session, 'GUILD_CREATE', guild);
    this.emit('identify', session);
  }

  private onResume(ws: WebSocket, d: { token: string; session_id: string; seq: number | null }): void {
    const session = this.sessions.get(d.session_id);
    if (d.token !== this.opts.token || !session) {
      this.send(ws, { op: Op.InvalidSession, d: false });
      return;
    }
    this.resumeCount += 1;
    session.socket = ws;
    this.current = session;
    this.shardSessions.set(session.shard[0], session);
    const from = d.seq ?? 0;
    for (const event of session.log) {
      if (event.s > from) this.send(ws, { op: Op.Dispatch, s: event.s, t: event.t, d: event.d });
    }
    this.dispatchTo(session, 'RESUMED', { _trace: ['emulator'] });
    this.emit('resume', session);
  }

  private send(ws: WebSocket, payload: GatewayPayload): void {
    ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }
}
