/**
 * The per-user rate limit (rate-limiter-flexible, in memory): one bucket per platform and user, so a user
 * busy on Slack does not use up their Discord allowance and one user never slows another.
 */
import type { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Actor } from '../command.ts';
import { rateLimitedTotal } from '../observability/metrics.ts';
import { errorReply, type Reply } from '../reply.ts';
import { describeRate, type Rate } from './rate.ts';

export interface UserLimit {
  /** undefined when the actor may go ahead (the request is counted), else the reply that says when to try again. */
  check(actor: Actor | undefined): Promise<Reply | undefined>;
}

/** The CLI and the console are the operator's own terminal: never limited. */
const LIMITED: ReadonlySet<Actor['platform']> = new Set(['discord', 'slack']);

export function createUserLimit(rate: Rate | null): UserLimit {
  if (!rate) return { check: async () => undefined };
  // Loaded at the first chat request: the CLI and the console, never limited, do not pay for loading it.
  let limiter: Promise<{ memory: RateLimiterMemory; RateLimiterRes: typeof RateLimiterRes }> | undefined;
  const load = () =>
    (limiter ??= import('rate-limiter-flexible').then(({ RateLimiterMemory, RateLimiterRes }) => ({
      memory: new RateLimiterMemory({ points: rate.points, duration: rate.seconds }),
      RateLimiterRes,
    })));
  return {
    async check(actor) {
      if (!actor || !LIMITED.has(actor.platform)) return undefined;
      const { memory, RateLimiterRes } = await load();
      try {
        await memory.consume(`${actor.platform}:${actor.userId}`);
        return undefined;
      } catch (result) {
        if (!(result instanceof RateLimiterRes)) throw result;
        rateLimitedTotal.inc({ platform: actor.platform });
        return limitReply(rate, Math.max(1, Math.ceil(result.msBeforeNext / 1000)));
      }
    },
  };
}

export function limitReply(rate: Rate, waitSeconds: number): Reply {
  const wait = waitSeconds < 90 ? `${waitSeconds} second${waitSeconds === 1 ? '' : 's'}` : `${Math.ceil(waitSeconds / 60)} minutes`;
  return errorReply(
    'Slow down a little',
    `You have reached the limit of ${describeRate(rate)} requests. Please try again in ${wait}.`,
    'rate_limited',
  );
}
