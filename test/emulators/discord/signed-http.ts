/**
 * Discord's side of the HTTP interactions endpoint: each request signed with Ed25519 over timestamp + body
 * (X-Signature-Ed25519, X-Signature-Timestamp), with a key pair generated for the test.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { ComponentPayload } from './components.ts';
import type { DiscordEmulator } from './emulator.ts';
import type { RecordedRequest } from './http.ts';
import type { InteractionPayload } from './interactions.ts';
import { route } from './rest.ts';

export class InteractionSigner {
  private readonly privateKey: KeyObject;
  /** Hex, as the developer portal shows it (DISCORD_PUBLIC_KEY). */
  readonly publicKeyHex: string;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    // The raw key is the last 32 bytes of its DER SPKI form.
    this.publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  }

  headers(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
    const signature = sign(null, Buffer.from(timestamp + body), this.privateKey).toString('hex');
    return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
  }
}

export interface SignedPostOptions {
  /** Replaces the computed signature (forgery tests). */
  signature?: string;
}

export async function postSignedInteraction(url: string, payload: unknown, signer: InteractionSigner, opts: SignedPostOptions = {}): Promise<{ status: number; json: unknown }> {
  const body = JSON.stringify(payload);
  const headers = { 'content-type': 'application/json', ...signer.headers(body), ...(opts.signature ? { 'x-signature-ed25519': opts.signature } : {}) };
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

export type PostablePayload = InteractionPayload | ComponentPayload | { id: string; type: 1; token: string };

/**
 * Posts an interaction to a bot's endpoint; the answer is applied like a callback (and recorded as one, so
 * the same assertions work for both transports). Until it is in, that interaction's webhook calls wait.
 */
export async function postInteractionTo(emu: DiscordEmulator, url: string, payload: PostablePayload, signer: InteractionSigner, opts: SignedPostOptions = {}): Promise<{ status: number; json: unknown }> {
  let release = () => {};
  emu.httpPending.set(payload.token, new Promise<void>((resolve) => (release = resolve)));
  try {
    const answer = await postSignedInteraction(url, payload, signer, opts);
    const body = answer.json as { type?: number } | undefined;
    if (answer.status === 200 && typeof body?.type === 'number' && body.type >= 4) {
      const call = { method: 'POST', path: `/interactions/${payload.id}/${payload.token}/callback`, query: {}, json: body, files: [], authorization: undefined };
      const result = route(emu.state, call);
      const recorded: RecordedRequest = { ...call, multipart: false, contentType: 'application/json', status: result.status };
      emu.requests.push(recorded);
      emu.emit('request', recorded);
    }
    return answer;
  } finally {
    release();
    emu.httpPending.delete(payload.token);
  }
}
