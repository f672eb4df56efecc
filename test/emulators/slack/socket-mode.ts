/**
 * A local Socket Mode endpoint: apps.connections.open (on the Web API emulator) hands out its ws:// URL;
 * it greets with `hello`, sends envelopes (slash_commands, events_api) and resolves with the app's ack payload.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Envelope {
  envelope_id: string;
  type: 'slash_commands' | 'events_api' | 'interactive';
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export class SocketModeServer {
  /** Every message the app sent back (acks). */
  readonly received: { envelope_id: string; payload?: unknown }[] = [];
  private readonly wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  private readonly pending = new Map<string, (payload: unknown) => void>();
  private socket: WebSocket | undefined;
  private seq = 0;
  private onConnect: (() => void)[] = [];

  private readonly appId: string;

  constructor(appId = 'A0CAPWATCH') {
    this.appId = appId;
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.received.push(msg);
        this.pending.get(msg.envelope_id)?.(msg.payload);
        this.pending.delete(msg.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'emulated' }, connection_info: { app_id: this.appId } }));
      for (const f of this.onConnect.splice(0)) f();
    });
  }

  async start(): Promise<this> {
    if (!this.wss.address()) await once(this.wss, 'listening');
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/link`;
  }

  /** Resolves once an app is connected (hello sent). */
  connected(): Promise<void> {
    if (this.socket) return Promise.resolve();
    return new Promise((resolve) => this.onConnect.push(resolve));
  }

  /** Sends one envelope; resolves with the payload of the app's ack. */
  send(type: Envelope['type'], payload: unknown, extra: Partial<Envelope> = {}): Promise<unknown> {
    if (!this.socket) throw new Error('no Socket Mode client connected');
    const envelope: Envelope = {
      envelope_id: extra.envelope_id ?? `env-${++this.seq}`,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...extra,
    };
    const acked = new Promise<unknown>((resolve) => this.pending.set(envelope.envelope_id, resolve));
    this.socket.send(JSON.stringify(envelope));
    return acked;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

export async function startSocketMode(appId?: string): Promise<SocketModeServer> {
  return new SocketModeServer(appId).start();
}
