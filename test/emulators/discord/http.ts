/** Request decoding (JSON and multipart/form-data) and response helpers for the emulator's REST side. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RecordedFile {
  /** Form field, e.g. "files[0]". */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path after the API version prefix, e.g. "/channels/123/messages". */
  path: string;
  query: Record<string, string>;
  /** The JSON body, or the parsed `payload_json` part of a multipart body. */
  json: unknown;
  files: RecordedFile[];
  multipart: boolean;
  authorization: string | undefined;
  contentType: string | undefined;
  /** Status the emulator answered with. */
  status: number;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function decodeBody(
  contentType: string | undefined,
  body: Buffer,
): Promise<{ json: unknown; files: RecordedFile[]; multipart: boolean }> {
  if (body.length === 0) return { json: undefined, files: [], multipart: false };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Request('http://emulator.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
    let json: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') json = JSON.parse(value);
        continue;
      }
      files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { json, files, multipart: true };
  }
  if (contentType?.startsWith('application/json')) {
    return { json: JSON.parse(body.toString('utf8')), files: [], multipart: false };
  }
  return { json: body.toString('utf8'), files: [], multipart: false };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** 204 must carry no JSON content type, or clients try to parse an empty body. */
export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

/** Discord's JSON error body, e.g. { code: 10003, message: "Unknown Channel" }. */
export function sendError(res: ServerResponse, status: number, code: number, message: string): void {
  sendJson(res, status, { code, message });
}
