/** How the digest fan-out reaches a platform; adapters implement it. */
import type { Reply } from '../reply.ts';

export type Platform = 'discord' | 'slack';

/** Which digest a send is: lets the platform recognise a repeat of the same digest. */
export interface DeliveryKey {
  subscriptionId: string;
  /** The subscriber's local date the digest is for. */
  localDate: string;
  /**
   * Set when an earlier attempt of this digest may already have reached the channel (a claim taken over
   * after a crash, or a retry after a failure): the real-clock instant from which to look for it.
   */
  retrySince?: Date;
}

export interface Deliverer {
  platform: Platform;
  /**
   * The workspace (Slack team) or application (Discord) whose credentials this deliverer uses; auth trouble
   * pauses deliveries for this scope as a whole. Known once the adapter has authenticated.
   */
  scope?: () => string;
  /**
   * Posts a reply (chart included) to a channel. With a key, a repeat of the same digest is recognised and
   * not posted twice. Throws DeliveryError on failure.
   */
  send(channelId: string, reply: Reply, key?: DeliveryKey): Promise<void>;
  /** One cheap authenticated call: resolves when the credentials work, throws DeliveryError otherwise. */
  probe?(): Promise<void>;
}

/**
 * gone / forbidden: this channel only (the subscription pauses). auth: the credentials of the whole
 * workspace or application (every delivery through them pauses until a call succeeds again).
 * rejected: the platform refused this request for good (a 4xx other than 429); retrying would not help.
 */
export type DeliveryErrorKind = 'gone' | 'forbidden' | 'auth' | 'rate_limited' | 'transient' | 'rejected';

export class DeliveryError extends Error {
  readonly kind: DeliveryErrorKind;
  readonly retryAfterMs: number | undefined;
  /** What an operator should do about it, in words (e.g. "invite the bot to the channel"). */
  readonly fix: string | undefined;

  constructor(kind: DeliveryErrorKind, message: string, retryAfterMs?: number, fix?: string) {
    super(message);
    this.kind = kind;
    this.retryAfterMs = retryAfterMs;
    this.fix = fix;
    this.name = 'DeliveryError';
  }
}
