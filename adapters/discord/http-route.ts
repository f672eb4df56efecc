/** The interactions endpoint as a route on PORT (the shared HTTP routes seam): raw body in, signed check, answer out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { INTERACTIONS_PATH, type InteractionsEndpoint } from './http-interactions.ts';

/** Discord's interaction bodies are small; anything far larger is not one. */
const MAX_BODY = 1 << 20;

export interface InteractionsRoute {
  method: 'POST';
  path: string;
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function interactionsRoute(endpoint: InteractionsEndpoint): InteractionsRoute {
  return {
    method: 'POST',
    path: INTERACTIONS_PATH,
    async handler(req, res) {
      const body = await readBody(req);
      if (!body) {
        res.writeHead(413, { 'content-type': 'application/json' }).end('{"message":"body too large"}');
        return;
      }
      const answer = await endpoint.handle(body, req.headers);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
      res.end(answer.body, () => answer.sent());
    },
  };
}
