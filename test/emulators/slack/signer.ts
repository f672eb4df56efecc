/** Signs requests exactly as Slack does: v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'X-Slack-Signature': string;
  'X-Slack-Request-Timestamp': string;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function signSlackRequest(secret: string, body: string, timestamp: number = nowSeconds()): SlackSignatureHeaders {
  const hash = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${hash}`, 'X-Slack-Request-Timestamp': String(timestamp) };
}

export interface PostSignedOptions {
  secret: string;
  /** Defaults to now; pass an old one to test staleness. */
  timestamp?: number;
  /** Sends X-Slack-Retry-Num (and a Retry-Reason) like Slack's event redelivery. */
  retryNum?: number;
  /** Overrides the computed signature (bad-signature tests). */
  signature?: string;
}

export interface SignedResponse {
  status: number;
  text: string;
  /** Parsed body when it is JSON. */
  json?: unknown;
}

/** POSTs a form (string from slashCommandBody) or JSON (string from an event builder) body with Slack's headers. */
export async function postSigned(url: string, body: string, opts: PostSignedOptions): Promise<SignedResponse> {
  const contentType = body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
  const headers: Record<string, string> = { 'Content-Type': contentType, ...signSlackRequest(opts.secret, body, opts.timestamp) };
  if (opts.signature !== undefined) headers['X-Slack-Signature'] = opts.signature;
  if (opts.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(opts.retryNum);
    headers['X-Slack-Retry-Reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}
