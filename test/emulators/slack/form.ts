/** Web API request bodies: url-encoded (what @slack/web-api sends), multipart or JSON. */
import type { IncomingMessage } from 'node:http';

/** Parameters @slack/web-api JSON-encodes inside the form. */
const JSON_PARAMS = new Set(['blocks', 'attachments', 'files', 'metadata']);

export async function parseParams(req: IncomingMessage, raw: Buffer): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  const out: Record<string, unknown> = {};
  if (type.startsWith('application/json')) return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  const entries = type.startsWith('multipart/form-data')
    ? [...(await new Response(raw, { headers: { 'content-type': type } }).formData()).entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '[binary]'] as const)
    : [...new URLSearchParams(raw.toString('utf8')).entries()];
  for (const [k, v] of entries) out[k] = JSON_PARAMS.has(k) ? safeJson(v) : v;
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
