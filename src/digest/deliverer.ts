/** How the digest fan-out reaches a platform; adapters implement it. */
import type { Reply } from '../reply.ts';

export type Platform = 'discord' | 'slack';

export interface Deliverer {
  platform: Platform;
  /** Posts a reply (chart included) to a channel. Throws DeliveryError on failure. */
  send(channelId: string, reply: Reply): Promise<void>;
}

/** rejected: the platform refused this request for good (a 4xx other than 429); retrying would not help. */
export type DeliveryErrorKind = 'gone' | 'forbidden' | 'rate_limited' | 'transient' | 'rejected';

export class DeliveryError extends Error {
  readonly kind: DeliveryErrorKind;
  readonly retryAfterMs: number | undefined;

  constructor(kind: DeliveryErrorKind, message: string, retryAfterMs?: number) {
    super(message);
    this.kind = kind;
    this.retryAfterMs = retryAfterMs;
    this.name = 'DeliveryError';
  }
}
