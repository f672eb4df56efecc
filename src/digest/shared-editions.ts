/**
 * Editions composed once across instances: the instance that claims an edition date composes it and
 * stores the reply (chart bytes included); the others wait for it and read it. The SQL is in
 * src/store/repos/editions.ts; the claim is a lease on the real clock, so a composer that dies is replaced.
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from '../reply.ts';
import type { EditionsRepo } from '../store/repos/editions.ts';

export interface SharedEditionsOptions {
  repo: EditionsRepo;
  owner?: string;
  /** How long a composer's claim blocks the others (default 120 s): longer than a compose takes. */
  leaseMs?: number;
  pollMs?: number;
}

/** Wraps `compose` so that, per edition date, one instance on the database composes and every instance gets the same reply. */
export function sharedCompose(compose: (now: Date) => Promise<Reply>, opts: SharedEditionsOptions): (now: Date, date: string) => Promise<Reply> {
  const owner = opts.owner ?? randomUUID();
  const leaseMs = opts.leaseMs ?? 120_000;
  const pollMs = opts.pollMs ?? 200;
  return async (now, date) => {
    for (;;) {
      const stored = await opts.repo.load(date);
      if (stored !== null) return parseReply(stored);
      if (await opts.repo.claim(date, owner, Date.now() + leaseMs, Date.now())) {
        let reply: Reply;
        try {
          reply = await compose(now);
        } catch (err) {
          await opts.repo.release(date, owner).catch(() => {});
          throw err;
        }
        await opts.repo.save(date, owner, stringifyReply(reply), new Date().toISOString());
        return reply;
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
}

/** JSON with byte arrays (the chart's PNG) as base64. */
export function stringifyReply(reply: Reply): string {
  // The holder's own value, not `value`: a Buffer (a Uint8Array) has toJSON, applied before the replacer sees it.
  return JSON.stringify(reply, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Uint8Array ? { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') } : value;
  });
}

export function parseReply(json: string): Reply {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value && typeof value === 'object' && '$bytes' in value && typeof value.$bytes === 'string') return new Uint8Array(Buffer.from(value.$bytes, 'base64'));
    return value;
  }) as Reply;
}
