/** In-process test doubles for the digest: a recording deliverer and a counting compose. */
import type { Reply } from '../../../src/reply.ts';
import type { Deliverer, Platform } from '../../../src/digest/deliverer.ts';

export function sampleReply(edition = '2025-11-21'): Reply {
  return {
    title: `Small caps vs large caps, ${edition}`,
    commentary: 'Small caps led large caps over the past month.',
    sections: [],
    sources: [{ name: 'IWM daily closes (test)', asOf: edition, stale: false }],
    visibility: 'public',
    tone: 'neutral',
  };
}

/** Counts what an edition costs: upstream fetches and chart renders happen only inside compose. */
export function countingCompose() {
  const counts = { compose: 0, fetches: 0, charts: 0 };
  const compose = async (now: Date): Promise<Reply> => {
    counts.compose++;
    counts.fetches++;
    counts.charts++;
    return sampleReply(now.toISOString().slice(0, 10));
  };
  return { compose, counts };
}

export type Behaviour = (channelId: string, attempt: number) => Promise<void> | void;

/** A deliverer that records every send; `behaviour` may throw DeliveryError to simulate platform answers. */
export function recordingDeliverer(platform: Platform, behaviour?: Behaviour) {
  const sent: string[] = [];
  const attempts = new Map<string, number>();
  const deliverer: Deliverer = {
    platform,
    async send(channelId) {
      const n = (attempts.get(channelId) ?? 0) + 1;
      attempts.set(channelId, n);
      await behaviour?.(channelId, n);
      sent.push(channelId);
    },
  };
  return { deliverer, sent, attempts };
}

export function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits (polling) until `ready()` holds; throws after `ms`. The database answers asynchronously, so tests wait for a state, not for a number of turns. */
export async function until(ready: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
