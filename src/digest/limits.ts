/** How fast the fan-out may send to each platform. */
import type { Platform } from './deliverer.ts';

export interface PlatformLimits {
  /** Sends in flight at once. */
  concurrency: number;
  /** Global ceiling in sends per second (Infinity: no pacing). */
  perSecond: number;
  /** Minimum spacing between two sends to the same channel (retries). */
  perChannelIntervalMs: number;
}

/**
 * Discord: discord.js/REST honour the per-route buckets; 50 req/s is the global ceiling per bot.
 * Slack: chat.postMessage allows about 1 message per second per channel; a global pace keeps bursts polite.
 */
export const REALISTIC_LIMITS: Record<Platform, PlatformLimits> = {
  discord: { concurrency: 100, perSecond: 50, perChannelIntervalMs: 0 },
  // Concurrency above the pace, so slow responses (chart uploads take several calls) never hold the pace back.
  slack: { concurrency: 30, perSecond: 10, perChannelIntervalMs: 1000 },
};

export const UNLIMITED: PlatformLimits = { concurrency: 64, perSecond: Infinity, perChannelIntervalMs: 0 };
