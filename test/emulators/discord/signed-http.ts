/**
 * Discord's side of the HTTP interactions endpoint: each request signed with Ed25519 over timestamp + body
 * (X-Signature-Ed25519, X-Signature-Timestamp), with a key pair generated for the test.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

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
